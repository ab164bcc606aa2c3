/// Holds requests to the account's limits: the number in flight
/// (Regular 1, Bulk 5, Super Bulk 25) and, when a rate is given, the number
/// sent in any minute (60, 600, 6,000; see `AccountTier.limits`). Waiters
/// are served first in, first out.
public actor ConcurrencyLimiter {
    /// Requests in flight at once, at most.
    public let limit: Int
    /// Requests sent in any 60 seconds, at most; nil for no rate limit.
    public let requestsPerMinute: Int?
    private let clock: any APIClock
    private var window: RequestRateWindow?
    private var inFlight = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []
    /// The most requests ever in flight at once (tests read it).
    public private(set) var peak = 0

    /// - Parameter clock: schedules rate-limited sends; injectable so tests
    ///   never wait for real.
    public init(limit: Int, requestsPerMinute: Int? = nil, clock: any APIClock = SystemClock()) {
        self.limit = max(1, limit)
        self.requestsPerMinute = requestsPerMinute.map { max(1, $0) }
        self.clock = clock
        window = self.requestsPerMinute.map(RequestRateWindow.init(perMinute:))
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

    /// Waits until the per-minute rate lets one more request go. Called
    /// holding a slot, right before sending, so the reserved time is the
    /// send time: reserving earlier and then queueing for a slot could send
    /// two minutes' worth of requests inside one window.
    private func awaitRateTurn() async throws {
        let now = clock.now
        // Optional chaining mutates the ring in place (no copy per request).
        guard let sendAt = window?.reserve(now: now) else { return }
        if sendAt > now {
            try await clock.sleep(seconds: sendAt - now)
        }
    }

    /// Runs `body` holding one slot, once the rate allows. Throws only what
    /// `body` throws, or `CancellationError` when cancelled while waiting
    /// for the rate.
    public func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            try await awaitRateTurn()
            let value = try await body()
            release()
            return value
        } catch {
            release()
            throw error
        }
    }
}
