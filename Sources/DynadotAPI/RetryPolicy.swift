/// Exponential backoff with full jitter, bounded attempts.
///
/// Applied by the client only where a resend cannot do harm (see
/// `DynadotClient.mayRetry`): reads for any retryable failure; any command,
/// money included, answered `system_busy` or with an outage (the provider
/// did nothing); writes other than money also when the connection was
/// refused or HTTP 429 came back. A write whose answer was lost is never
/// resent automatically.
public struct RetryPolicy: Sendable, Equatable {
    /// Total tries, the first included.
    public var maxAttempts: Int
    /// Delay cap before the first retry, seconds; doubles each retry.
    public var baseDelay: Double
    /// Upper bound for any single delay, seconds.
    public var maxDelay: Double

    public init(maxAttempts: Int = 5, baseDelay: Double = 0.25, maxDelay: Double = 8) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// The default policy: 5 tries, 0.25 s doubling to at most 8 s.
    public static let standard = RetryPolicy()
    /// One try only.
    public static let none = RetryPolicy(maxAttempts: 1)

    /// The delay before retry number `retry` (1-based), with full jitter:
    /// a uniform pick in `[0, min(maxDelay, baseDelay · 2^(retry-1))]`.
    /// `unit` is a random number in `[0, 1)`.
    public func delay(beforeRetry retry: Int, unit: Double) -> Double {
        let exponent = Double(max(0, retry - 1))
        let cap = min(maxDelay, baseDelay * pow2(exponent))
        return cap * min(max(unit, 0), 1)
    }

    private func pow2(_ e: Double) -> Double {
        var r = 1.0
        var i = 0.0
        while i < e && r < 1e9 { r *= 2; i += 1 }
        return r
    }
}
