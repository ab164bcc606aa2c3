import DynadotAPI
import DynadotSim
import Foundation
import Logging
import Testing

/// A money command must reach the provider at most once per call, even when
/// the connection dies after the provider applied it: libcurl (under
/// URLSession) resends a GET on a *reused* keep-alive connection that dies,
/// so the client sends money commands on a fresh connection and resends them
/// only after answers that prove nothing was applied (busy, outage).
@Suite("Money commands over a dying connection")
struct MoneyResendTests {
    func makeClient(_ endpoint: URL) throws -> DynadotClient {
        var quiet = Logger(label: "money-test")
        quiet.logLevel = .critical
        return DynadotClient(configuration: try ClientConfiguration(endpoint: endpoint, apiKey: testKey, concurrency: 1),
                             logger: quiet)
    }

    @Test func renewSentOnceWhenTheAnswerIsLost() async throws {
        try await withSim(testConfiguration(faults: SimFaults(dropAfterApplyCommand: "renew"))) { server, simClient in
            let client = try makeClient(simClient.endpoint)
            let (name, expiry) = try #require(server.state.read { account in
                account.domains.first { $0.expirationMs > 0 }.map { ($0.name, $0.expirationMs) }
            })
            // Warm the shared keep-alive connection first, so a silent resend
            // on a reused connection would have something to reuse.
            for _ in 0..<3 { _ = try await client.send(APIRequest("get_account_balance")) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let year = calendar.component(.year, from: Date(timeIntervalSince1970: Double(expiry) / 1000))
            do {
                _ = try await client.send(APIRequest("renew", ["domain": name, "duration": "1", "year": String(year)]))
                Issue.record("the dropped renewal should have failed")
            } catch let error as DynadotError {
                #expect(error.outcomeUncertain, "\(error)")
            }
            #expect(server.recentRequests.filter { $0.command == "renew" }.count == 1)
            let moved = try #require(server.state.read { $0.domain(named: name)?.expirationMs })
            let expected = calendar.date(byAdding: .year, value: 1, to: Date(timeIntervalSince1970: Double(expiry) / 1000))!
            #expect(moved == Int64((expected.timeIntervalSince1970 * 1000).rounded()))
            // The documented `year` makes a resend harmless: it is refused, not charged.
            server.setFaults(SimFaults())
            await #expect(throws: DynadotError.self) {
                _ = try await client.send(APIRequest("renew", ["domain": name, "duration": "1", "year": String(year)]))
            }
            #expect(server.state.read { $0.domain(named: name)?.expirationMs } == moved)
        }
    }
}
