/// The per-minute half of the account's limits: at most `perMinute`
/// requests in any 60 seconds. A sliding window rather than a steady drip,
/// so a short job goes out at once (a burst up to the whole minute's
/// allowance) and a long one settles at the provider's rate.
///
/// Each request reserves its send time when it asks, in arrival order: the
/// waiters stay first in, first out, and none has to poll or recheck.
struct RequestRateWindow: Sendable {
    /// Requests allowed in any window.
    let perMinute: Int
    /// The window's length, seconds.
    static let seconds = 60.0

    /// The last `perMinute` reserved send times, as a ring; once it is
    /// full, `oldest` indexes the earliest.
    private var times: [Double] = []
    private var oldest = 0
    /// The latest reservation, so send times never go backwards.
    private var latest = -Double.infinity

    init(perMinute: Int) {
        self.perMinute = max(1, perMinute)
    }

    /// Reserves the earliest send time at or after `now` that keeps every
    /// 60-second window at `perMinute` requests, and returns it.
    mutating func reserve(now: Double) -> Double {
        var at = max(now, latest)
        if times.count < perMinute {
            times.append(at)
        } else {
            at = max(at, times[oldest] + Self.seconds)
            times[oldest] = at
            oldest = (oldest + 1) % perMinute
        }
        latest = at
        return at
    }
}
