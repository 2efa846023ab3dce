import FrameplotCanvas

/// How many canvases a render holds at once, chosen from the memory budget.
///
/// A worker holds a cached static layer and `framesPerWorker` frame canvases (one for PNG
/// sequences, two for video, whose frames wait to be piped in order). Workers are dropped
/// until they fit the budget; if even one does not, a video keeps one frame in flight, and
/// then a single canvas redraws the static layer under every frame (slower, but an
/// 8192×8192 frame at scale 2 takes 1 GiB, not 2 per worker).
///
/// ```swift
/// CanvasPlan.make(canvasBytes: 1 << 30, budget: 1 << 30, maxWorkers: 8, framesPerWorker: 1)
/// // CanvasPlan(workers: 1, framesPerWorker: 1, cachesStaticLayer: false)
/// ```
struct CanvasPlan: Equatable {
    var workers: Int
    var framesPerWorker: Int
    var cachesStaticLayer: Bool

    /// The canvases held at once under this plan.
    var canvasCount: Int { workers * (framesPerWorker + (cachesStaticLayer ? 1 : 0)) }

    static func make(canvasBytes: Int, budget: Int, maxWorkers: Int, framesPerWorker: Int) -> CanvasPlan {
        let bytes = max(1, canvasBytes)
        let fitting = budget / (bytes * (framesPerWorker + 1))
        if fitting >= 1 {
            return CanvasPlan(workers: max(1, min(maxWorkers, fitting)), framesPerWorker: framesPerWorker, cachesStaticLayer: true)
        }
        if framesPerWorker > 1 && budget / bytes >= 2 {
            return CanvasPlan(workers: 1, framesPerWorker: 1, cachesStaticLayer: true)
        }
        return CanvasPlan(workers: 1, framesPerWorker: 1, cachesStaticLayer: false)
    }
}

extension FrameRenderer {
    /// The plan for this renderer's frames, `maxWorkers` at most. Going without a cached
    /// layer is allowed only for an opaque static layer (`layer`, already drawn), where
    /// drawing it again under each frame gives the same pixels as compositing it.
    func canvasPlan(for layer: ImageCanvas, maxWorkers: Int, framesPerWorker: Int) -> CanvasPlan {
        let bytes = layer.pixelWidth * layer.pixelHeight * 4
        var plan = CanvasPlan.make(canvasBytes: bytes, budget: memoryBudget, maxWorkers: max(1, maxWorkers),
                                   framesPerWorker: framesPerWorker)
        if !plan.cachesStaticLayer && !Self.isOpaque(layer) { plan.cachesStaticLayer = true }
        return plan
    }

    /// Whether every pixel of `canvas` has full alpha (two pixels per 64-bit load).
    static func isOpaque(_ canvas: ImageCanvas) -> Bool {
        let alpha: UInt64 = 0xFF00_0000_FF00_0000
        return canvas.withUnsafeBGRABytes { bytes, stride in
            let rowBytes = canvas.pixelWidth * 4
            for y in 0..<canvas.pixelHeight {
                let row = y * stride
                var x = 0
                while x + 8 <= rowBytes {
                    if bytes.loadUnaligned(fromByteOffset: row + x, as: UInt64.self) & alpha != alpha { return false }
                    x += 8
                }
                if x < rowBytes && bytes[row + x + 3] != 0xFF { return false }
            }
            return true
        }
    }
}
