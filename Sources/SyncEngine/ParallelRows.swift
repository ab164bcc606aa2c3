import Dispatch
import Foundation

/// Work on many independent rows (an import's sheet), split across the
/// cores when there are enough rows to pay for the threads.
enum ParallelRows {
    /// Below this many rows one thread is as fast as several can start.
    static let threshold = 4_000

    /// `transform(i)` for every `i` in `0..<count`, in order. With at least
    /// `threshold` rows, contiguous ranges run at once, one per core (at
    /// most 4); `transform` must only read what no thread writes.
    static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        let cores = min(ProcessInfo.processInfo.activeProcessorCount, 4)
        guard count >= threshold, cores > 1 else { return (0..<count).map(transform) }
        let size = (count + cores - 1) / cores
        return withoutActuallyEscaping(transform) { transform in
            let shared = SharedTransform(run: transform)
            return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                let slots = SharedSlots(buffer: buffer)
                // Each range writes only its own slots; the call waits for all.
                DispatchQueue.concurrentPerform(iterations: cores) { chunk in
                    for index in chunk * size..<min(count, (chunk + 1) * size) {
                        (slots.buffer.baseAddress! + index).initialize(to: shared.run(index))
                    }
                }
                initialized = count
            }
        }
    }

    private struct SharedTransform<T>: @unchecked Sendable {
        let run: (Int) -> T
    }

    private struct SharedSlots<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T>
    }
}
