import Foundation
import Testing
@testable import DynadotAPI

@Suite struct DynadotClientTests {
    @Test func busyThenSuccessIsRetriedWithBackoff() async throws {
        let transport = ScriptedTransport { call, _ in
            let body = call < 3 ? envelope("SetNsResponse", status: "system_busy", code: "5")
                                : envelope("SetNsResponse")
            return HTTPReply(status: 200, body: Data(body.utf8))
        }
        let clock = VirtualClock()
        let client = try makeClient(transport, clock: clock)
        let response = try await client.send(APIRequest("set_ns", ["domain": "a.com", "ns0": "ns1.example.net"]))
        #expect(response.status == "success")
        #expect(transport.calls == 3)
        #expect(clock.sleeps == [0.125, 0.25])
    }

    @Test func busyForeverGivesUpAfterMaxAttempts() async throws {
        let transport = ScriptedTransport(always: envelope("SetNsResponse", status: "system_busy", code: "5"))
        let client = try makeClient(transport, retry: RetryPolicy(maxAttempts: 3))
        await #expect(throws: DynadotError.self) {
            try await client.send(APIRequest("set_ns", ["domain": "a.com", "ns0": "ns1.example.net"]))
        }
        #expect(transport.calls == 3)
    }

    @Test func moneyCommandIsNotRetriedAfterALostAnswerAndGoesOutOnAFreshConnection() async throws {
        let transport = ScriptedTransport { _, _ in throw DynadotError.transport(.connectionLost, detail: "test") }
        let client = try makeClient(transport)
        await #expect(throws: DynadotError.transport(.connectionLost, detail: "test")) {
            try await client.send(APIRequest("renew", ["domain": "a.com", "duration": "1", "year": "2027"]))
        }
        #expect(transport.calls == 1)
        #expect(transport.sent.first?.freshConnection == true)
    }

    @Test func readsRetryTimeoutsAndServerErrors() async throws {
        let transport = ScriptedTransport { call, _ in
            if call == 1 { throw DynadotError.transport(.timeout, detail: "test") }
            if call == 2 { return HTTPReply(status: 503, body: Data("unavailable".utf8)) }
            return HTTPReply(status: 200, body: Data(envelope("GetAccountBalanceResponse").utf8))
        }
        let client = try makeClient(transport)
        _ = try await client.send(APIRequest("get_account_balance"))
        #expect(transport.calls == 3)
        #expect(transport.sent.allSatisfy { !$0.freshConnection })
    }

    @Test func providerRefusalIsNotRetried() async throws {
        let body = #"{"SetNsResponse":{"ResponseCode":"-1","Status":"error","Error":"could not find domain in your account"}}"#
        let transport = ScriptedTransport(always: body)
        let client = try makeClient(transport)
        do {
            _ = try await client.send(APIRequest("set_ns", ["domain": "nope.com", "ns0": "ns1.example.net"]))
            Issue.record("expected a refusal")
        } catch let error as DynadotError {
            guard case .providerRefused(_, _, let message) = error else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(message.contains("could not find domain"))
        }
        #expect(transport.calls == 1)
    }

    @Test func invalidRequestIsRefusedBeforeSending() async throws {
        let transport = ScriptedTransport(always: envelope("SetNoteResponse"))
        let client = try makeClient(transport)
        await #expect(throws: DynadotError.self) {
            try await client.send(APIRequest("set_note", ["domain": "a.com,b.com", "note": "x"]))
        }
        #expect(transport.calls == 0)
    }

    @Test func concurrencyReachesItsLimitAndNeverExceedsIt() async throws {
        for limit in [1, 5] {
            // The first `limit` requests are held until all of them are in
            // flight: a limiter that let fewer through at once would leave
            // them waiting (the barrier gives up after 10 s, and peak < limit fails).
            let barrier = Barrier(size: limit)
            let giveUp = Task {
                try? await Task.sleep(nanoseconds: 10_000_000_000)
                barrier.open()
            }
            defer { giveUp.cancel() }
            let transport = ScriptedTransport { _, _ in
                await barrier.arrive()
                return HTTPReply(status: 200, body: Data(envelope("GetAccountBalanceResponse").utf8))
            }
            let client = try makeClient(transport, concurrency: limit)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<40 {
                    group.addTask { _ = try await client.send(APIRequest("get_account_balance")) }
                }
                try await group.waitForAll()
            }
            #expect(transport.calls == 40)
            #expect(transport.peakInFlight == limit)
            #expect(await client.peakConcurrency == limit)
        }
    }

    @Test func plainHTTPIsRefusedExceptLoopback() throws {
        #expect(throws: DynadotError.self) {
            _ = try ClientConfiguration(endpoint: URL(string: "http://api.dynadot.com/api3.json")!, apiKey: fakeKey)
        }
        _ = try ClientConfiguration(endpoint: URL(string: "http://127.0.0.1:8080/api3.json")!, apiKey: fakeKey)
        _ = try ClientConfiguration(endpoint: URL(string: "http://localhost/api3.json")!, apiKey: fakeKey)
        _ = try ClientConfiguration(endpoint: URL(string: "https://api-sandbox.dynadot.com/api3.json")!, apiKey: fakeKey)
    }

    @Test func retryDelaysGrowAndAreCapped() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.5, maxDelay: 4)
        #expect(policy.delay(beforeRetry: 1, unit: 1) == 0.5)
        #expect(policy.delay(beforeRetry: 3, unit: 1) == 2)
        #expect(policy.delay(beforeRetry: 9, unit: 1) == 4)
        #expect(policy.delay(beforeRetry: 2, unit: 0) == 0)
    }
}
