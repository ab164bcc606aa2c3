import Foundation
import Testing
@testable import DynadotAPI

/// Which failures the client answers by sending the same request again:
/// reads after any retryable failure; writes only when the provider
/// provably did nothing; money only after busy or an outage.
@Suite struct RetryClassificationTests {
    /// Failures after which a write may or may not have applied.
    static let uncertain: [(String, @Sendable () throws -> HTTPReply)] = [
        ("timeout", { throw DynadotError.transport(.timeout, detail: "test") }),
        ("connection lost", { throw DynadotError.transport(.connectionLost, detail: "test") }),
        ("other transport", { throw DynadotError.transport(.other, detail: "test") }),
        ("HTTP 500", { HTTPReply(status: 500, body: Data("oops".utf8)) }),
        ("HTTP 503", { HTTPReply(status: 503, body: Data("unavailable".utf8)) }),
        ("malformed body", { HTTPReply(status: 200, body: Data("<html>maintenance</html>".utf8)) }),
        ("truncated body", { HTTPReply(status: 200, body: Data(#"{"SetNoteResponse":{"ResponseCo"#.utf8)) }),
    ]

    @Test(arguments: ["set_note", "create_folder"])
    func writeIsNotResentAfterAnUncertainOutcome(command: String) async throws {
        let request = command == "set_note" ? APIRequest("set_note", ["domain": "a.com", "note": "x"])
                                            : APIRequest("create_folder", ["folder_name": "clients"])
        for (name, failure) in Self.uncertain {
            let transport = ScriptedTransport { _, _ in try failure() }
            let client = try makeClient(transport)
            do {
                _ = try await client.send(request)
                Issue.record("\(command) after \(name) should have failed")
            } catch let error as DynadotError {
                #expect(error.outcomeUncertain, "\(name): \(error)")
            }
            #expect(transport.calls == 1, "\(command) after \(name) was resent")
        }
    }

    @Test func readIsRetriedAfterEveryUncertainOutcome() async throws {
        for (name, failure) in Self.uncertain {
            let transport = ScriptedTransport { call, _ in
                if call == 1 { return try failure() }
                return HTTPReply(status: 200, body: Data(envelope("DomainInfoResponse").utf8))
            }
            let client = try makeClient(transport)
            _ = try await client.send(APIRequest("domain_info", ["domain": "a.com"]))
            #expect(transport.calls == 2, "domain_info after \(name)")
        }
    }

    @Test func writeIsRetriedWhenTheProviderProvablyDidNothing() async throws {
        let transport = ScriptedTransport { call, _ in
            switch call {
            case 1: throw DynadotError.transport(.refused, detail: "test")
            case 2: return HTTPReply(status: 429, body: Data("slow down".utf8))
            case 3: return HTTPReply(status: 200, body: Data(envelope("SetNoteResponse", status: "system_busy", code: "5").utf8))
            case 4: return HTTPReply(status: 200, body: Data(FixtureBodies.quirkOutage.utf8))
            default: return HTTPReply(status: 200, body: Data(envelope("SetNoteResponse").utf8))
            }
        }
        let clock = VirtualClock()
        let client = try makeClient(transport, clock: clock)
        let response = try await client.send(APIRequest("set_note", ["domain": "a.com", "note": "x"]))
        #expect(response.status == "success")
        #expect(transport.calls == 5)
        #expect(clock.sleeps.count == 4, "each retry backs off")
    }

    @Test func busyMoneyCommandIsRetriedOnAFreshConnectionEachTime() async throws {
        let transport = ScriptedTransport { call, _ in
            let body = call < 3 ? envelope("RenewResponse", status: "system_busy", code: "5") : envelope("RenewResponse")
            return HTTPReply(status: 200, body: Data(body.utf8))
        }
        let client = try makeClient(transport)
        _ = try await client.send(APIRequest("renew", ["domain": "a.com", "duration": "1", "year": "2027"]))
        #expect(transport.calls == 3)
        #expect(transport.sent.allSatisfy { $0.freshConnection })
    }

    @Test func moneyCommandDuringAnOutageIsRetriedThenReportsTheOutage() async throws {
        let transport = ScriptedTransport(always: FixtureBodies.quirkOutage)
        let clock = VirtualClock()
        let client = try makeClient(transport, clock: clock, retry: RetryPolicy(maxAttempts: 3))
        await #expect(throws: DynadotError.outage(command: "renew", message: "problem with connection to main server")) {
            try await client.send(APIRequest("renew", ["domain": "a.com", "duration": "1", "year": "2027"]))
        }
        #expect(transport.calls == 3)
        #expect(clock.sleeps.count == 2)
        #expect(transport.sent.allSatisfy { $0.freshConnection })
    }

    /// Refused or 429 says nothing was applied too, but a money command
    /// keeps to the narrowest rule: only the provider's own "did nothing".
    @Test func moneyCommandIsNotRetriedAfterRefusedOr429() async throws {
        let failures: [@Sendable () throws -> HTTPReply] = [
            { throw DynadotError.transport(.refused, detail: "test") },
            { HTTPReply(status: 429, body: Data("slow down".utf8)) },
        ]
        for failure in failures {
            let transport = ScriptedTransport { _, _ in try failure() }
            let client = try makeClient(transport)
            await #expect(throws: DynadotError.self) {
                try await client.send(APIRequest("renew", ["domain": "a.com", "duration": "1", "year": "2027"]))
            }
            #expect(transport.calls == 1)
        }
    }

    @Test func refusalsAreNeverRetried() async throws {
        let bodies = [
            #"{"RenewResponse":{"ResponseCode":"-1","Status":"insufficient_funds","Error":"not enough account balance"}}"#,
            #"{"Response":{"ResponseCode":"-1","Error":"invalid key"}}"#,
        ]
        for body in bodies {
            let transport = ScriptedTransport(always: body)
            let client = try makeClient(transport)
            await #expect(throws: DynadotError.self) {
                try await client.send(APIRequest("renew", ["domain": "a.com", "duration": "1", "year": "2027"]))
            }
            #expect(transport.calls == 1)
        }
    }
}

