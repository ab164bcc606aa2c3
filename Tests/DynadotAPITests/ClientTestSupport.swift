import Foundation
import Synchronization
@testable import DynadotAPI

/// Obviously fake key used by every client test.
let fakeKey = "FAKE-TEST-KEY-0001"

/// A transport that answers from a script and records what was sent.
final class ScriptedTransport: Transport, Sendable {
    typealias Responder = @Sendable (_ call: Int, _ request: HTTPGet) async throws -> HTTPReply
    private let responder: Responder
    private let state = Mutex<(calls: Int, inFlight: Int, peak: Int, sent: [HTTPGet])>((0, 0, 0, []))

    init(_ responder: @escaping Responder) { self.responder = responder }

    /// Answers every request with the same body.
    convenience init(always body: String) {
        self.init { _, _ in HTTPReply(status: 200, body: Data(body.utf8)) }
    }

    var calls: Int { state.withLock { $0.calls } }
    var peakInFlight: Int { state.withLock { $0.peak } }
    var sent: [HTTPGet] { state.withLock { $0.sent } }

    func get(_ request: HTTPGet) async throws -> HTTPReply {
        let call = state.withLock { s -> Int in
            s.calls += 1; s.inFlight += 1; s.peak = max(s.peak, s.inFlight); s.sent.append(request)
            return s.calls
        }
        defer { state.withLock { $0.inFlight -= 1 } }
        return try await responder(call, request)
    }
}

/// A clock whose sleeps return at once and are recorded.
final class VirtualClock: APIClock, Sendable {
    private let state = Mutex<(now: Double, sleeps: [Double])>((0, []))
    var now: Double { state.withLock { $0.now } }
    var sleeps: [Double] { state.withLock { $0.sleeps } }
    func sleep(seconds: Double) async throws {
        state.withLock { $0.now += seconds; $0.sleeps.append(seconds) }
        await Task.yield()
    }
}

func envelope(_ name: String, status: String = "success", code: String = "0", extra: String = "") -> String {
    #"{"\#(name)":{"ResponseCode":\#(code),"Status":"\#(status)"\#(extra.isEmpty ? "" : "," + extra)}}"#
}

func makeClient(_ transport: ScriptedTransport, clock: VirtualClock = VirtualClock(),
                concurrency: Int = 1, retry: RetryPolicy = .standard, requestsPerMinute: Int? = nil) throws -> DynadotClient {
    let configuration = try ClientConfiguration(endpoint: URL(string: "http://127.0.0.1:9/api3.json")!,
                                                apiKey: fakeKey, concurrency: concurrency, retry: retry,
                                                requestsPerMinute: requestsPerMinute)
    return DynadotClient(configuration: configuration, transport: transport, clock: clock, jitter: { 0.5 })
}
