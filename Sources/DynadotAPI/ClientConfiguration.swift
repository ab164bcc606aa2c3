import Foundation

/// Where and how the client talks to Dynadot.
public struct ClientConfiguration: Sendable {
    /// The production endpoint.
    public static let production = URL(string: "https://api.dynadot.com/api3.json")!
    /// Dynadot's sandbox endpoint.
    public static let sandbox = URL(string: "https://api-sandbox.dynadot.com/api3.json")!

    public var endpoint: URL
    public var apiKey: APIKey
    /// Requests in flight at once: the account's price level allows 1
    /// (Regular), 5 (Bulk) or 25 (Super Bulk).
    public var concurrency: Int
    /// Seconds to wait for an answer to one request.
    public var timeout: TimeInterval
    public var retry: RetryPolicy
    /// Requests sent in any 60 seconds, at most: the account's price level
    /// allows 60 (Regular), 600 (Bulk) or 6,000 (Super Bulk), see
    /// `AccountTier.limits`. `nil` sends as fast as the concurrency allows
    /// (the default, for library users and tests against the simulator).
    public var requestsPerMinute: Int?

    /// Refuses an endpoint that is not HTTPS unless its host is loopback.
    public init(endpoint: URL = ClientConfiguration.production, apiKey: APIKey, concurrency: Int = 1,
                timeout: TimeInterval = 30, retry: RetryPolicy = .standard, requestsPerMinute: Int? = nil) throws {
        try Self.checkEndpoint(endpoint)
        self.endpoint = endpoint
        self.apiKey = apiKey
        self.concurrency = max(1, concurrency)
        self.timeout = timeout
        self.retry = retry
        self.requestsPerMinute = requestsPerMinute.map { max(1, $0) }
    }

    /// Convenience for a raw key string.
    public init(endpoint: URL = ClientConfiguration.production, apiKey: String, concurrency: Int = 1,
                timeout: TimeInterval = 30, retry: RetryPolicy = .standard, requestsPerMinute: Int? = nil) throws {
        try self.init(endpoint: endpoint, apiKey: APIKey(apiKey), concurrency: concurrency,
                      timeout: timeout, retry: retry, requestsPerMinute: requestsPerMinute)
    }

    /// HTTPS everywhere; plain HTTP only to this machine (the simulator).
    public static func checkEndpoint(_ url: URL) throws {
        let scheme = url.scheme?.lowercased() ?? ""
        let host = (url.host ?? "").lowercased()
        guard scheme == "https" || scheme == "http" else {
            throw DynadotError.invalidRequest(command: "endpoint", rule: "'\(url.absoluteString)' is not an http(s) URL; use e.g. \(production.absoluteString)")
        }
        if scheme == "http" && !isLoopback(host) {
            throw DynadotError.invalidRequest(command: "endpoint", rule: "'\(url.absoluteString)' is plain HTTP; use https:// (plain http is allowed only for 127.0.0.1/localhost)")
        }
    }

    public static func isLoopback(_ host: String) -> Bool {
        let h = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return h == "localhost" || h == "::1" || h.hasPrefix("127.")
    }
}
