import DynadotAPI
import DynadotSim
import Foundation
import Logging
import Testing

/// The client's retry rules against the simulator's faults: a write whose
/// answer was lost goes out once (the caller verifies), reads are retried,
/// and an outage or `system_busy` — nothing applied — is retried, money too.
@Suite("Outages and resends over loopback")
struct OutageAndResendTests {
    /// Backoff short enough not to slow the suite; the tests count requests, not time.
    func makeClient(_ endpoint: URL, attempts: Int = 5) throws -> DynadotClient {
        var quiet = Logger(label: "resend-test")
        quiet.logLevel = .critical
        let configuration = try ClientConfiguration(endpoint: endpoint, apiKey: testKey, concurrency: 1,
                                                    retry: RetryPolicy(maxAttempts: attempts, baseDelay: 0.001, maxDelay: 0.01))
        return DynadotClient(configuration: configuration, logger: quiet)
    }

    func requests(_ client: SimTestClient, command: String) async throws -> [JSONValue] {
        let all = try await client.control("/_sim/requests").json?["requests"]?.list ?? []
        return all.filter { $0["command"]?.text == command }
    }

    @Test(arguments: [SimFaults(dropAfterApplyCommand: "set_note"), SimFaults(dropRate: 1)])
    func setNoteWhoseAnswerIsLostIsSentOnceNotFiveTimes(faults: SimFaults) async throws {
        try await withSim(testConfiguration(faults: faults)) { server, simClient in
            let client = try makeClient(simClient.endpoint)
            let domain = server.domainNames()[0]
            do {
                _ = try await client.send(APIRequest("set_note", ["domain": domain, "note": "sent once"]))
                Issue.record("the dropped set_note should have failed")
            } catch let error as DynadotError {
                #expect(error.outcomeUncertain, "\(error)")
            }
            #expect(try await requests(simClient, command: "set_note").count == 1)
            // It did apply: only verifying can tell, which is the caller's job.
            #expect(server.state.read { $0.domain(named: domain)?.note } == "sent once")
        }
    }

    @Test func readWhoseAnswerIsLostIsRetried() async throws {
        try await withSim(testConfiguration(faults: SimFaults(dropRate: 1))) { server, simClient in
            let client = try makeClient(simClient.endpoint)
            await #expect(throws: DynadotError.self) {
                _ = try await client.send(APIRequest("domain_info", ["domain": server.domainNames()[0]]))
            }
            #expect(try await requests(simClient, command: "domain_info").count == 5)
        }
    }

    @Test func outageRateAnswersTheOutageEnvelopeAndAppliesNothing() async throws {
        try await withSim(testConfiguration(faults: SimFaults(outageRate: 1))) { server, client in
            let domain = server.domainNames()[0]
            let reply = try await client.raw("set_note", [("domain", domain), ("note", "outage test")])
            #expect(reply.envelope == "Response")
            #expect(reply.code == -1)
            #expect(reply.error == "problem with connection to main server")
            #expect(server.state.read { $0.domain(named: domain)?.note } != "outage test")
            #expect(server.recentRequests.last?.outcome == "outage (fault)")
        }
    }

    @Test func clientRetriesAnOutageThenReportsItWithNothingApplied() async throws {
        try await withSim(testConfiguration(faults: SimFaults(outageRate: 1))) { server, simClient in
            let client = try makeClient(simClient.endpoint, attempts: 3)
            let domain = server.domainNames()[0]
            do {
                _ = try await client.send(APIRequest("set_note", ["domain": domain, "note": "outage test"]))
                Issue.record("set_note during an outage should have failed")
            } catch let error as DynadotError {
                #expect(error.code == "outage")
                #expect(!error.outcomeUncertain)
                #expect(error.message.contains("stay queued"))
            }
            #expect(try await requests(simClient, command: "set_note").count == 3)
            #expect(server.state.read { $0.domain(named: domain)?.note } != "outage test")
        }
    }

    @Test func outageRateIsSetThroughTheControlPath() async throws {
        try await withSim { server, client in
            let set = try await client.control("/_sim/faults", query: "outage_rate=0.5")
            #expect(set.json?["outage_rate"] == .number(0.5))
            #expect(server.faults.outageRate == 0.5)
            #expect(try await client.control("/_sim/faults", query: "outage_rate=2").status == 400)
            let posted = try await client.post("/_sim/faults", json: #"{"reset": "1"}"#)
            #expect(posted.json?["outage_rate"] == .number(0))
        }
    }

    /// `system_busy` means nothing was applied, so a busy renewal is sent
    /// again — and charged exactly once.
    @Test func busyRenewalIsRetriedAndChargedOnce() async throws {
        // Every second /api3.json request is busy: the balance read goes
        // through, the first renew is turned away, the second is applied.
        try await withSim(testConfiguration(faults: SimFaults(busyEvery: 2))) { server, simClient in
            let client = try makeClient(simClient.endpoint)
            let domain = try #require(server.state.read { $0.domains.first { $0.tld == "com" && $0.expirationMs > 0 } })
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let year = calendar.component(.year, from: Date(timeIntervalSince1970: Double(domain.expirationMs) / 1000))
            let before = server.state.read { $0.balanceCents }
            _ = try await client.send(APIRequest("get_account_balance"))
            _ = try await client.send(APIRequest("renew", ["domain": domain.name, "duration": "1", "year": String(year)]))
            let renewals = try await requests(simClient, command: "renew").compactMap { $0["outcome"]?.text }
            #expect(renewals == ["system_busy (fault)", "success"])
            #expect(server.state.read { $0.balanceCents } == before - 1099)
            let moved = server.state.read { $0.domain(named: domain.name)?.expirationMs } ?? 0
            #expect(calendar.component(.year, from: Date(timeIntervalSince1970: Double(moved) / 1000)) == year + 1)
        }
    }
}
