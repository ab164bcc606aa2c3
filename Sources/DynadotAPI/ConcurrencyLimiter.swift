/// Holds the number of requests in flight to the account's concurrency
/// (Regular 1, Bulk 5, Super Bulk 25). Waiters are served first in, first out.
public actor ConcurrencyLimiter {
    public let limit: Int
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// The most requests ever in flight at once (tests read it).
    public private(set) var peak = 0

    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Waits for a slot; every `acquire` must be paired with one `release`.
    public func acquire() async {
        if inFlight < limit {
            inFlight += 1
        } else {
            await withCheckedContinuation { waiters.append($0) }
            // The releasing side handed its slot to us; inFlight is unchanged.
        }
        peak = max(peak, inFlight)
    }

    public func release() {
        if waiters.isEmpty {
            inFlight -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }

    /// Runs `body` holding one slot.
    public func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async rethrows -> T {
        await acquire()
        do {
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}
