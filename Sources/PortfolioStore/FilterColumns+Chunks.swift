import Dispatch
import Foundation

extension FilterColumns {
    /// Below this many slots one thread scans faster than two can start.
    static let chunkedScanThreshold = 200_000

    /// Runs `body` over `0..<count`: in one piece, or split into contiguous
    /// ranges run on every core (at most 4) when `count` is large enough to
    /// pay for the threads. `body` must only write inside its range (the
    /// ranges are disjoint) and only read what no other thread writes.
    static func inChunks(_ count: Int, _ body: (Range<Int>) -> Void) {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 4)
        guard count >= chunkedScanThreshold, cores > 1 else {
            body(0..<count)
            return
        }
        // One range per core: at 1M this measured p99 26 ms; four per core
        // (taken by whichever thread is free) read 90 ms in a later, noisier
        // run, and the split is not worth its thread wake-ups below 200,000.
        let chunks = cores
        let size = (count + chunks - 1) / chunks
        // The threads run while this call waits for them, so `body` does
        // not outlive it; the caller keeps the ranges apart (see above).
        withoutActuallyEscaping(body) { body in
            let shared = UncheckedBody(run: body)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                shared.run(chunk * size..<min(count, (chunk + 1) * size))
            }
        }
    }

    private struct UncheckedBody: @unchecked Sendable {
        let run: (Range<Int>) -> Void
    }
}
