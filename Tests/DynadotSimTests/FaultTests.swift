import DynadotAPI
import DynadotSim
import Foundation
import Testing

@Suite("Injected faults")
struct FaultTests {
    @Test func busyRateAnswersSystemBusyWithoutApplying() async throws {
        try await withSim(testConfiguration(faults: SimFaults(busyRate: 1))) { server, client in
            let domain = server.domainNames()[0]
            let reply = try await client.raw("set_note", [("domain", domain), ("note", "busy test")])
            #expect(reply.statusWord == "system_busy")
            #expect(reply.code == 5)
            #expect(server.state.read { $0.domain(named: domain)?.note } != "busy test")
        }
    }

    @Test func httpErrorRateAnswers500Or503() async throws {
        try await withSim(testConfiguration(faults: SimFaults(httpErrorRate: 1))) { _, client in
            for _ in 0..<4 {
                let reply = try await client.raw("account_info")
                #expect([500, 503].contains(reply.status))
                #expect(reply.json == nil)
            }
        }
    }

    @Test func malformedAndTruncatedBodiesStillApply() async throws {
        try await withSim(testConfiguration(faults: SimFaults(malformedRate: 1))) { server, client in
            let domain = server.domainNames()[0]
            let reply = try await client.raw("set_note", [("domain", domain), ("note", "malformed test")])
            #expect(reply.status == 200)
            #expect(reply.json == nil)
            #expect(server.state.read { $0.domain(named: domain)?.note } == "malformed test")
        }
        try await withSim(testConfiguration(faults: SimFaults(truncateRate: 1))) { server, client in
            let domain = server.domainNames()[0]
            let reply = try await client.raw("set_note", [("domain", domain), ("note", "truncated test")])
            #expect(reply.status == 200)
            #expect(reply.json == nil)
            #expect(!reply.body.isEmpty)
            #expect(server.state.read { $0.domain(named: domain)?.note } == "truncated test")
        }
    }

    @Test func dropAfterApplyClosesTheConnectionButKeepsTheChange() async throws {
        try await withSim(testConfiguration(faults: SimFaults(dropAfterApplyCommand: "set_note"))) { server, client in
            let domain = server.domainNames()[0]
            let dropped = try? await client.raw("set_note", [("domain", domain), ("note", "dropped test")])
            #expect(dropped == nil, "the connection must close without an answer")
            #expect(server.state.read { $0.domain(named: domain)?.note } == "dropped test")
            // Other commands are answered normally.
            let note = try await client.info(domain)["Note"]?.text
            #expect(note == "dropped test")
            #expect(server.recentRequests.contains { $0.outcome.hasPrefix("dropped") })
        }
        try await withSim(testConfiguration(faults: SimFaults(dropRate: 1))) { _, client in
            let dropped = try? await client.raw("account_info")
            #expect(dropped == nil, "the connection must close without an answer")
        }
    }

    @Test func latencyDelaysTheAnswerAndStillAnswers() async throws {
        try await withSim(testConfiguration(faults: SimFaults(latencyMilliseconds: 150, jitterMilliseconds: 20))) { _, client in
            let clock = ContinuousClock()
            let start = clock.now
            let reply = try await client.raw("account_info")
            // A lower bound only: the answer cannot come before the added latency.
            #expect(clock.now - start >= .milliseconds(150))
            #expect(reply.statusWord == "success")
        }
    }

    @Test func tierLimitAnswersSystemBusyWhenFull() async throws {
        let configuration = testConfiguration(tier: .regular, faults: SimFaults(latencyMilliseconds: 400))
        try await withSim(configuration) { _, client in
            let replies = try await withThrowingTaskGroup(of: SimTestClient.Reply.self) { group in
                for _ in 0..<3 { group.addTask { try await client.raw("account_info") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.filter { $0.statusWord == "success" }.count >= 1)
            #expect(replies.filter { $0.statusWord == "system_busy" && $0.code == 5 }.count >= 1)
        }
    }

    @Test func faultsAreSetAtRunTimeThroughTheControlPath() async throws {
        try await withSim { server, client in
            #expect(try await client.raw("account_info").statusWord == "success")
            let set = try await client.control("/_sim/faults", query: "busy_rate=1")
            #expect(set.json?["busy_rate"]?.int == 1)
            #expect(server.faults.busyRate == 1)
            #expect(try await client.raw("account_info").statusWord == "system_busy")
            let posted = try await client.post("/_sim/faults", json: #"{"reset": "1", "drop_after_apply": "set_note"}"#)
            #expect(posted.json?["busy_rate"]?.int == 0)
            #expect(server.faults.dropAfterApplyCommand == "set_note")
            let bad = try await client.control("/_sim/faults", query: "busy_rate=7")
            #expect(bad.status == 400)
            server.setFaults(.none)
            #expect(try await client.control("/_sim/faults").json?["drop_after_apply"] == .null)
        }
    }

    @Test func sameSeedSameFaultSequence() async throws {
        func outcomes(seed: UInt64) async throws -> [String] {
            try await withSim(testConfiguration(seed: seed, faults: SimFaults(busyRate: 0.5))) { _, client in
                var words: [String] = []
                for _ in 0..<12 { words.append(try await client.raw("account_info").statusWord ?? "?") }
                return words
            }
        }
        let first = try await outcomes(seed: 5)
        #expect(try await outcomes(seed: 5) == first)
        #expect(Set(first) == ["success", "system_busy"])
    }

    @Test func requestLogKeepsEverythingButTheKey() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("simlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("requests.jsonl").path
        try await withSim(testConfiguration(logPath: path)) { server, client in
            let names = server.domainNames().prefix(2).joined(separator: ",")
            _ = try await client.call("set_privacy", [("domain", names), ("option", "full")])
            _ = try await client.raw("nonsense")
            let requests = try await client.control("/_sim/requests")
            let list = requests.json?["requests"]?.list ?? []
            #expect(list.count == 2)
            #expect(list.first?["command"]?.text == "set_privacy")
            #expect(list.first?["domain_count"]?.int == 2)
            #expect(list.first?["outcome"]?.text == "success")
            #expect(list.last?["outcome"]?.text == "error: incorrect command name")
            #expect(!requests.text.contains(testKey))
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(!lines.joined().contains(testKey))
        #expect(lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
    }
}
