import CFrameplotPango
import Foundation

/// Pango font maps handed out for exclusive use, one per live canvas.
///
/// Pango objects are not thread-safe, and `pango_cairo_font_map_get_default()` is per thread,
/// which breaks when a canvas is created on one thread and drawn on another (Swift tasks hop
/// threads). Each canvas therefore checks out a font map of its own and returns it when it is
/// released; the pool keeps font maps (and their font caches) warm for the next canvas, so
/// frames rendered in parallel never share Pango state.
///
/// `@unchecked Sendable`: `idle` is touched only with `lock` held, and a checked-out font map
/// belongs to exactly one canvas until it is checked in again.
final class FontMapPool: @unchecked Sendable {
    static let shared = FontMapPool()

    private let lock = NSLock()
    private var idle: [OpaquePointer] = []

    func checkOut() -> OpaquePointer? {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        return reused ?? pango_cairo_font_map_new()
    }

    func checkIn(_ fontMap: OpaquePointer) {
        lock.lock()
        idle.append(fontMap)
        lock.unlock()
    }
}
