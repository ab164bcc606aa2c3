import Dispatch
import Foundation

/// Work over `0..<count` split into contiguous ranges run at once, one per
/// core (at most 4), when there is enough of it to pay for the threads: the
/// filter's text scans and an import's rows.
public enum ParallelRanges {
    /// Runs `body` over `0..<count`: in one piece below `threshold` (or on
    /// one core), else one contiguous range per core. `body` must only write
    /// inside its range (the ranges are disjoint) and only read what no
    /// other thread writes. The calling thread runs ranges too, so the call
    /// never waits for a thread it cannot get.
    public static func run(_ count: Int, threshold: Int, _ body: (Range<Int>) -> Void) {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 4)
        guard count >= threshold, cores > 1 else {
            body(0..<count)
            return
        }
        let size = (count + cores - 1) / cores
        // The threads run while this call waits for them, so `body` does
        // not outlive it; the caller keeps the ranges apart (see above).
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(run: body)
            DispatchQueue.concurrentPerform(iterations: cores) { chunk in
                shared.run(chunk * size..<min(count, (chunk + 1) * size))
            }
        }
    }

    private struct SharedBody: @unchecked Sendable {
        let run: (Range<Int>) -> Void
    }
}
