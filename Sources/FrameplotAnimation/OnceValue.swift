import Synchronization

/// A value computed on first use and then kept, safe to share between threads (the first
/// caller computes it; callers meanwhile wait for it).
///
/// ```swift
/// let identity = OnceValue<RenderIdentity>()
/// let value = identity.get { expensiveHash() }
/// ```
final class OnceValue<Value: Sendable>: Sendable {
    private let state = Mutex<Value?>(nil)

    func get(_ make: () -> Value) -> Value {
        state.withLock { stored in
            if let stored { return stored }
            let value = make()
            stored = value
            return value
        }
    }
}
