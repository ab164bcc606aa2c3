import Foundation

/// Where and how the client talks to Dynadot.
public struct ClientConfiguration: Sendable {
    /// The production endpoint.
    public static let production = URL(string: "https://api.dynadot.com/api3.json")!
    /// Dynadot's sandbox endpoint.
    public static let sandbox = URL(string: "https://api-sandbox.dynadot.com/api3.json")!

    public var endpoint: URL
    /// The key, when known up front; see `keyProvider` for one fetched on
    /// the first request.
    public var apiKey: APIKey
    /// Fetches the key on the first request that needs it (e.g. by running
    /// a password manager's command), once per client; nil when `apiKey`
    /// is the key. What it throws is thrown by that request, unchanged.
    public var keyProvider: (@Sendable () throws -> APIKey)?
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

    /// A configuration whose key is fetched by `keyProvider` on the first
    /// request that needs it, so commands that never talk to Dynadot never
    /// run it.
    public init(endpoint: URL = ClientConfiguration.production, keyProvider: @escaping @Sendable () throws -> APIKey,
                concurrency: Int = 1, timeout: TimeInterval = 30, retry: RetryPolicy = .standard,
                requestsPerMinute: Int? = nil) throws {
        try self.init(endpoint: endpoint, apiKey: APIKey(""), concurrency: concurrency, timeout: timeout,
                      retry: retry, requestsPerMinute: requestsPerMinute)
        self.keyProvider = keyProvider
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

    /// Whether `host` is this machine: the exact name `localhost`, an IPv4
    /// address in 127.0.0.0/8, or the IPv6 address `::1` (brackets allowed).
    /// Decided from the parsed address, never from a name prefix:
    /// `127.attacker.example` is not loopback.
    public static func isLoopback(_ host: String) -> Bool {
        var h = host.lowercased()
        if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        if h.hasSuffix("."), h.count > 1 { h.removeLast() }
        if h == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, h, &v4) == 1 {
            // s_addr is in network byte order: its first byte is the first octet.
            return withUnsafeBytes(of: &v4) { $0.first == 127 }
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, h, &v6) == 1 {
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            if bytes.dropLast().allSatisfy({ $0 == 0 }) && bytes.last == 1 { return true }
            // ::ffff:127.x.y.z, an IPv4-mapped loopback address.
            if bytes.prefix(10).allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff { return bytes[12] == 127 }
        }
        return false
    }
}
