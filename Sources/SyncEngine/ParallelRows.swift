import PortfolioStore

/// Work on many independent rows (an import's sheet), split across the
/// cores when there are enough rows to pay for the threads.
enum ParallelRows {
    /// Below this many rows one thread is as fast as several can start.
    static let threshold = 4_000

    /// `transform(i)` for every `i` in `0..<count`, in order, the rows in
    /// contiguous ranges run at once from `threshold` rows
    /// (`ParallelRanges`); `transform` must only read what no thread writes.
    static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = buffer.baseAddress
            // Each range writes only its own slots; the call waits for all.
            ParallelRanges.run(count, threshold: threshold) { range in
                for index in range { (slots! + index).initialize(to: transform(index)) }
            }
            initialized = count
        }
    }
}
