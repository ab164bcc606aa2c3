import Foundation
import Logging
import Synchronization

/// The one way the product talks to Dynadot API3.
///
///     let client = try DynadotClient(configuration: .init(apiKey: key))
///     let page = try await client.send(APIRequest("list_domain", ["count_per_page": "1000", "page_index": "0"]))
///
/// Every request is checked against the command catalog before it is sent,
/// held to the account's concurrency and per-minute rate, and retried with
/// backoff only where a resend cannot do harm (see `mayRetry`). Money
/// commands go out on a connection of their own, each try; they are retried
/// only when the provider said it did nothing (busy, outage).
public final class DynadotClient: Sendable {
    public let configuration: ClientConfiguration
    private let transport: any Transport
    private let clock: any APIClock
    private let limiter: ConcurrencyLimiter
    private let answerTimes = AnswerTimes()
    private let jitter: @Sendable () -> Double
    private let logger: Logger
    /// The key `configuration.keyProvider` returned, once it ran.
    private let providedKey = Mutex<APIKey?>(nil)

    /// - Parameter clock: retry delays and the per-minute rate wait on it;
    ///   injectable so tests never sleep for real.
    /// - Parameter jitter: a random number in `[0, 1)` per retry delay;
    ///   injectable so tests are deterministic.
    public init(configuration: ClientConfiguration,
                transport: any Transport = URLSessionTransport(),
                clock: any APIClock = SystemClock(),
                logger: Logger = Logger(label: "dynafolio.api"),
                jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
        self.configuration = configuration
        self.transport = transport
        self.clock = clock
        self.limiter = ConcurrencyLimiter(limit: configuration.concurrency,
                                          requestsPerMinute: configuration.requestsPerMinute, clock: clock)
        self.logger = logger
        self.jitter = jitter
    }

    /// The key requests carry: `configuration.apiKey`, or what the key
    /// provider returns (run once, on first use; a failure is thrown and
    /// the next call tries again).
    public func resolveKey() throws -> APIKey {
        guard let provider = configuration.keyProvider else { return configuration.apiKey }
        return try providedKey.withLock { cached in
            if let cached { return cached }
            let key = try provider()
            cached = key
            return key
        }
    }

    /// The most requests this client ever had in flight at once.
    public var peakConcurrency: Int {
        get async { await limiter.peak }
    }

    /// Roughly how many seconds `n` more requests take at this client's
    /// pace: the slower of the per-minute rate (`n · 60 / requestsPerMinute`)
    /// and the concurrency (`n ·` the typical answer time measured so far,
    /// `/ concurrency`). Retries and the rate's initial burst are not
    /// counted. A push shows it as "about 2 min left".
    public func estimatedSeconds(forRequests n: Int) -> Double {
        PaceEstimate.seconds(forRequests: n, requestsPerMinute: configuration.requestsPerMinute,
                             concurrency: configuration.concurrency, answerSeconds: answerTimes.typical)
    }

    /// Sends `request` and returns its answer; a non-success answer is thrown
    /// as the matching `DynadotError`.
    public func send(_ request: APIRequest) async throws -> APIResponse {
        try await perform(request, checked: true, fastDecode: Self.noFastPath).response
    }

    /// Like `send`, but a well-formed non-success answer (e.g. `not_available`)
    /// is returned rather than thrown. Account refusals are still thrown.
    public func sendUnchecked(_ request: APIRequest) async throws -> APIResponse {
        try await perform(request, checked: false, fastDecode: Self.noFastPath).response
    }

    /// Sends `request` and decodes the answer: `fastDecode` reads the raw
    /// body first (for hot answers such as `list_domain` pages, see
    /// `DomainList.fastDecode`); when it returns nil the body takes the
    /// generic path of `send` (parse, `checked()`, retries) and then
    /// `decode`. `fastDecode` must return a value only for a success answer.
    ///
    /// ```swift
    /// let page = try await client.send(request, fastDecode: DomainList.fastDecode, decode: DomainList.init)
    /// ```
    public func send<Value: Sendable>(_ request: APIRequest, fastDecode: @escaping @Sendable (Data) -> Value?,
                                      decode: (APIResponse) throws -> Value) async throws -> Value {
        switch try await perform(request, checked: true, fastDecode: fastDecode) {
        case .fast(let value): return value
        case .generic(let response): return try decode(response)
        }
    }

    private static let noFastPath: @Sendable (Data) -> APIResponse? = { _ in nil }

    /// A body decoded by a fast path, or the generic response.
    private enum Answer<Value: Sendable>: Sendable {
        case fast(Value)
        case generic(APIResponse)

        /// The generic response; a fast value (only possible for a value that
        /// is itself an `APIResponse`) is that response.
        var response: APIResponse {
            get throws {
                switch self {
                case .generic(let response): return response
                case .fast(let value):
                    guard let response = value as? APIResponse else {
                        throw DynadotError.malformedResponse(command: "", reason: "a fast-path value where a response was expected", excerpt: "")
                    }
                    return response
                }
            }
        }
    }

    private func perform<Value: Sendable>(_ request: APIRequest, checked: Bool,
                                          fastDecode: @escaping @Sendable (Data) -> Value?) async throws -> Answer<Value> {
        try request.validate()
        guard let spec = CommandCatalog.spec(named: request.command) else {
            throw DynadotError.invalidRequest(command: request.command, rule: "is not an API3 command")
        }
        let get = try makeGet(request, key: try resolveKey(), fresh: spec.spendsMoney)
        var attempt = 1
        while true {
            do {
                let answer = try await limiter.withSlot { [transport, clock, answerTimes] in
                    try await Self.exchange(get, command: request.command, transport: transport, clock: clock,
                                            answerTimes: answerTimes, fastDecode: fastDecode)
                }
                guard case .generic(let response) = answer else {
                    logger.debug("api call", metadata: ["command": "\(request.command)", "attempt": "\(attempt)",
                                                        "outcome": "success"])
                    return answer
                }
                logger.debug("api call", metadata: ["command": "\(request.command)", "attempt": "\(attempt)",
                                                    "outcome": "\(response.status ?? "code \(response.code ?? 0)")"])
                if checked || response.envelope == "Response" {
                    return .generic(try response.checked())
                }
                return answer
            } catch let error as DynadotError {
                logger.info("api call failed", metadata: ["command": "\(request.command)", "attempt": "\(attempt)",
                                                          "error": "\(error.code)", "url": "\(get.redactedURL)"])
                guard attempt < configuration.retry.maxAttempts, Self.mayRetry(error, spec: spec) else {
                    throw error
                }
                let delay = configuration.retry.delay(beforeRetry: attempt, unit: jitter())
                try await clock.sleep(seconds: delay)
                attempt += 1
            }
        }
    }

    /// Whether `error` may be answered by sending the same request again.
    ///
    /// - Any command, money included: when the provider said it did nothing
    ///   (`system_busy`, an outage).
    /// - Writes other than money: also when the request provably never took
    ///   effect — the connection was refused before anything was sent, or
    ///   HTTP 429 turned it away.
    /// - Reads: any retryable failure; reading again is harmless.
    ///
    /// A write whose outcome is uncertain (timeout, dropped connection,
    /// unreadable body, HTTP 5xx) is never resent here, even when the
    /// catalog calls it idempotent: the caller verifies what applied first,
    /// and a blind resend would hide that from it.
    static func mayRetry(_ error: DynadotError, spec: CommandSpec) -> Bool {
        switch error {
        case .busy, .outage:
            return true
        case .transport(.refused, _), .httpStatus(429, _):
            return !spec.spendsMoney
        default:
            return spec.effect == .read && error.isRetryable
        }
    }

    private static func exchange<Value: Sendable>(_ get: HTTPGet, command: String, transport: any Transport,
                                                  clock: any APIClock, answerTimes: AnswerTimes,
                                                  fastDecode: @Sendable (Data) -> Value?) async throws -> Answer<Value> {
        let started = clock.now
        let reply = try await transport.get(get)
        answerTimes.record(seconds: clock.now - started)
        guard reply.status == 200 else {
            throw DynadotError.httpStatus(reply.status, excerpt: ResponseExcerpt.make(from: reply.body))
        }
        if let value = fastDecode(reply.body) { return .fast(value) }
        return .generic(try APIResponse.parse(command: command, body: reply.body))
    }

    private func makeGet(_ request: APIRequest, key: APIKey, fresh: Bool) throws -> HTTPGet {
        let base = configuration.endpoint.absoluteString
        let separator = base.contains("?") ? "&" : "?"
        let redacted = base + separator + request.redactedQueryString()
        // The query is percent-encoded (RequestEncoding), so this only fails
        // on an endpoint URL that cannot take a query at all.
        guard let url = URL(string: base + separator + request.queryString(key: key.secret)) else {
            throw DynadotError.invalidRequest(command: request.command, rule: "cannot be sent to \(redacted)")
        }
        return HTTPGet(url: url, redactedURL: redacted, timeout: configuration.timeout, freshConnection: fresh)
    }
}
