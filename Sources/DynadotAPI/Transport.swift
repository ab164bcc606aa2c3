import Foundation

/// One HTTP GET as the client hands it to a transport.
public struct HTTPGet: Sendable {
    /// The full URL, key included. Never log it: use `redactedURL`.
    public var url: URL
    /// The same URL with the key replaced by `REDACTED`, for messages.
    public var redactedURL: String
    public var timeout: TimeInterval
    /// Send on a connection of its own (money commands), so no HTTP layer can
    /// silently resend it on a reused keep-alive connection.
    public var freshConnection: Bool

    public init(url: URL, redactedURL: String, timeout: TimeInterval, freshConnection: Bool) {
        self.url = url
        self.redactedURL = redactedURL
        self.timeout = timeout
        self.freshConnection = freshConnection
    }
}

/// What came back over HTTP.
public struct HTTPReply: Sendable {
    public var status: Int
    public var body: Data
    public init(status: Int, body: Data) {
        self.status = status
        self.body = body
    }
}

/// Moves one GET to the server and back. Implementations throw `DynadotError`
/// (`.transport`) for failures below HTTP; HTTP statuses come back as replies.
public protocol Transport: Sendable {
    func get(_ request: HTTPGet) async throws -> HTTPReply
}

/// Time, injectable so retry and limiter tests never sleep for real.
public protocol APIClock: Sendable {
    /// Seconds since an arbitrary fixed point.
    var now: Double { get }
    func sleep(seconds: Double) async throws
}

/// The system's clock.
public struct SystemClock: APIClock {
    public init() {}
    /// Monotonic seconds since boot, not the wall clock: the rate limiter
    /// schedules sends on it, and a wall clock set back an hour would hold
    /// every request for that hour.
    public var now: Double { ProcessInfo.processInfo.systemUptime }
    public func sleep(seconds: Double) async throws {
        guard seconds > 0 else { return }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
    }
}
