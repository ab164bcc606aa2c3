import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// The second account's key in push tests: obviously fake too.
let cliPeerKey = "FAKE-CLI-PEER-KEY-8"

extension CLIWorld {
    /// The cache file with its WAL and shared-memory files, the log file
    /// and everything printed, as one text: what a secret must never be in.
    func everythingWritten() throws -> String {
        var text = try allOutput()
        for path in [databasePath, databasePath + "-wal", databasePath + "-shm", logPath] {
            if let data = FileManager.default.contents(atPath: path) { text += String(decoding: data, as: UTF8.self) }
        }
        return text
    }
}

/// Transfers in and out and pushes between accounts through the CLI
/// against the simulator (issue 19).
@Suite struct TransferTests {
    /// Two domains of the simulated account, the first locked, the second unlocked.
    func lockedAndUnlocked(_ server: SimServer) throws -> (String, String) {
        let names = server.state.read { $0.domains.prefix(2).map(\.name) }
        try server.editDomain(names[0]) { $0.locked = true }
        try server.editDomain(names[1]) { $0.locked = false }
        return (names[0], names[1])
    }

    @Test func authCodesNeedTheUnlockAgreementAndNeverReachTheLogTheCacheOrTheHistory() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            let (locked, unlocked) = try lockedAndUnlocked(server)
            try await world.ok("sync", "--quiet")
            let refused = try await world.run("transfer", "codes", "--domains", "\(locked),\(unlocked)")
            #expect(refused.status == 2, "\(refused.stderr)")
            #expect(refused.stderr.contains("locked (\(locked))") && refused.stderr.contains("--unlock"), "\(refused.stderr)")
            #expect(server.requests("get_transfer_auth_code").isEmpty, "nothing is sent before the user agrees")

            let fetched = try await world.ok("transfer", "codes", "--domains", "\(locked),\(unlocked)", "--unlock", "--csv")
            let codes = server.state.read { $0.transfers.authCodes }
            let lockedCode = try #require(codes[locked])
            let unlockedCode = try #require(codes[unlocked])
            #expect(fetched.stdout == "domain,auth_code\n\(locked),\(lockedCode)\n\(unlocked),\(unlockedCode)\n", "\(fetched.stdout)")
            let requests = server.requests("get_transfer_auth_code")
            #expect(requests.count == 2, "one call per domain")
            #expect(requests.first { $0.domains == [locked] }?.parameters["unlock_domain_for_transfer"] == "1")
            #expect(requests.first { $0.domains == [unlocked] }?.parameters["unlock_domain_for_transfer"] == nil,
                    "only the locked domain is unlocked")
            #expect(server.domain(locked)?.locked == false)
            #expect(try world.store().domain(named: locked)?.locked == false, "the cache records the unlock")

            // The grep test: the codes are nowhere but in what was printed on request.
            try await world.ok("history", "--json")
            try await world.ok("ls", "--json")
            let written = try world.everythingWritten().replacingOccurrences(of: fetched.stdout, with: "")
            for code in [lockedCode, unlockedCode] {
                #expect(!written.contains(code), "an auth code leaked into the log, the cache or the history")
            }
        }
    }

    @Test func aPendingTransferAwayIsListedWithItsAgeAndApprovedByOrderId() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            let name = server.state.read { $0.domains[3].name }
            let order = try server.requestTransferAway(name)
            let listed = try #require(try await world.ok("transfer", "ls", "--json").json).list
            let row = try #require(listed.first { $0["name"]?.text == name })
            #expect(row["direction"]?.text == "out")
            #expect(row["order_id"]?.text == String(order))
            #expect(row["status"]?.text == "Pending")
            #expect(row["age_seconds"]?.int != nil)
            let refused = try await world.run("transfer", "authorize", name)
            #expect(refused.status == 2 && refused.stderr.contains("--yes"), "\(refused.stderr)")
            #expect(server.requests("authorize_transfer_away").isEmpty)
            try await world.ok("transfer", "authorize", name, "--yes")
            let sent = try #require(server.requests("authorize_transfer_away").first)
            #expect(sent.parameters["order_id"] == String(order) && sent.parameters["authorize"] == "approve")
            #expect(server.state.read { $0.transfers.aways.first { $0.orderId == order }?.status } == "approved")
        }
    }

    func codesFile(_ world: CLIWorld, _ lines: [(String, String)]) throws -> String {
        let path = world.root.appendingPathComponent("codes.csv").path
        let text = "domain,auth code\n" + lines.map { "\($0.0),\($0.1)" }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func transfersInAreMoneyIntentsPaidOnceAtFreshPricesAndTheirCodesAreErased() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let good = "transfer-in-good.com", bad = "transfer-in-bad.com"
            let goodCode = "GoodCode-7x9Q", badCode = "short"
            let file = try codesFile(world, [(good, goodCode), (bad, badCode)])
            let price = Int64(try #require(server.state.read { $0.price(forTLD: "com")?.transferCents }))
            let refused = try await world.run("transfer", "in", "--file", file)
            #expect(refused.status == 2 && refused.stderr.contains("--max-cost"), "\(refused.stderr)")
            let queued = try await world.ok("transfer", "in", "--file", file, "--max-cost", amountText(price * 2))
            #expect(queued.stdout.contains("cost: \(dollarText(price * 2))"), "\(queued.stdout)")
            #expect(server.requests("transfer").isEmpty, "queueing spends nothing")
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["money_cost"]?.text == amountText(price * 2))

            let balance = server.state.read { $0.balanceCents }
            try await world.ok("push", "--yes")
            let sent = server.requests("transfer")
            #expect(sent.count == 2, "one transfer call per domain")
            #expect(sent.allSatisfy { $0.parameters["auth"] == "REDACTED" }, "the simulator's log redacts the code too")
            #expect(server.state.read { $0.balanceCents } == balance - Int(price) * 2)
            let ins = server.state.read { $0.transfers.ins }
            #expect(ins.first { $0.domain == good }?.status == "none")
            #expect(ins.first { $0.domain == bad }?.status == "auth code needed")
            // Pushing again sends nothing: never transferred twice.
            try await world.ok("push", "--yes")
            #expect(server.requests("transfer").count == 2)

            // The simulator's clock moves the good one on; the bad one waits for a code.
            server.state.mutate { $0.transfers.stepMs = 0 }
            let listed = try #require(try await world.ok("transfer", "ls", "--json").json).list
            #expect(listed.first { $0["name"]?.text == good }?["status"]?.text == "completed")
            #expect(listed.first { $0["name"]?.text == bad }?["status"]?.text == "auth code needed")
            let codePath = world.root.appendingPathComponent("code.txt").path
            let newCode = "Better-Code-42"
            try (newCode + "\n").write(toFile: codePath, atomically: true, encoding: .utf8)
            let resubmitted = try await world.ok("transfer", "set-code", bad, "--file", codePath)
            #expect(resubmitted.stdout.contains("status"), "\(resubmitted.stdout)")
            #expect(server.requests("set_transfer_auth_code").first?.parameters["auth_code"] == "REDACTED")
            #expect(server.state.read { $0.transfers.ins.first { $0.domain == bad }?.status } != "auth code needed")

            try await world.ok("history", "--json")
            let written = try world.everythingWritten()
            for code in [goodCode, badCode, newCode] {
                #expect(!written.contains(code), "an auth code leaked into the log, the cache or the history")
            }
        }
    }

    @Test func aRaisedTransferPriceOrALowBalanceHoldsTransfersWithExit4() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let price = try #require(server.state.read { $0.price(forTLD: "com")?.transferCents })
            let file = try codesFile(world, [("transfer-held.com", "HeldCode-1234")])
            try await world.ok("transfer", "in", "--file", file, "--max-cost", amountText(Int64(price)))
            try server.setPrice(tld: "com", transfer: price + 500)
            let raised = try await world.run("push", "--yes")
            #expect(raised.status == 4, "\(raised.stderr)")
            #expect(raised.stderr.contains("approved \(dollarText(Int64(price)))"), "\(raised.stderr)")
            try server.setPrice(tld: "com", transfer: price)
            server.state.mutate { $0.balanceCents = price - 1 }
            let poor = try await world.run("push", "--yes")
            #expect(poor.status == 4, "\(poor.stderr)")
            #expect(server.requests("transfer").isEmpty, "nothing is sent that is not covered")
        }
    }

    @Test func aLostTransferAnswerIsVerifiedAndNeverResent() async throws {
        let faults = SimFaults(dropAfterApplyCommand: "transfer")
        try await withSimWorld(simConfiguration(domains: 20, faults: faults)) { server, world in
            try await world.ok("sync", "--quiet")
            let file = try codesFile(world, [("transfer-lost.com", "LostCode-5678")])
            try await world.ok("transfer", "in", "--file", file, "--max-cost", "100")
            let push = try await world.run("push", "--yes")
            #expect(push.status == 0, "\(push.stderr)")
            #expect(server.requests("transfer").count == 1, "never sent twice")
            #expect(server.requests("get_transfer_status").count >= 1, "verified with get_transfer_status")
            #expect(server.state.read { $0.transfers.ins.count } == 1)
            let listed = try #require(try await world.ok("transfer", "ls", "--cached", "--json").json).list
            #expect(listed.first?["direction"]?.text == "in")
            #expect(!(try world.everythingWritten().contains("LostCode-5678")))
        }
    }

    @Test func aTransferInIsCancelledByItsCachedOrderIdAndRefunded() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = "transfer-cancel.com"
            let file = try codesFile(world, [(name, "CancelMe-1234")])
            try await world.ok("transfer", "in", "--file", file, "--max-cost", "100")
            let balance = server.state.read { $0.balanceCents }
            try await world.ok("push", "--yes")
            let order = try #require(server.state.read { $0.transfers.ins.first { $0.domain == name }?.orderId })
            let unknown = try await world.run("transfer", "cancel", "never-ordered.com", "--yes")
            #expect(unknown.status == 2 && unknown.stderr.contains("transfer ls"), "\(unknown.stderr)")
            try await world.ok("transfer", "cancel", name, "--yes")
            let sent = try #require(server.requests("cancel_transfer").first)
            #expect(sent.parameters["order_id"] == String(order))
            #expect(server.state.read { $0.transfers.ins.first { $0.domain == name }?.status } == "cancelled")
            #expect(server.state.read { $0.balanceCents } == balance)
            let listed = try #require(try await world.ok("transfer", "ls", "--cached", "--json").json).list
            #expect(listed.first { $0["name"]?.text == name }?["status"]?.text == "cancelled")
        }
    }

    @Test func aBadCodesFileIsRefusedWithItsLineAndQueuesNothing() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            try await world.ok("sync", "--quiet")
            let owned = server.state.read { $0.domains[0].name }
            for (lines, message) in [([("missing-code.com", "")], "line 2"), ([(owned, "SomeCode-123")], "already in your account"),
                                     ([("not a domain", "SomeCode-123")], "not a domain name")] {
                let file = try codesFile(world, lines)
                let result = try await world.run("transfer", "in", "--file", file, "--max-cost", "100")
                #expect(result.status == 2 && result.stderr.contains(message), "\(result.stderr)")
            }
            let plan = try #require(try await world.ok("plan", "--json").json)
            #expect(plan["calls"]?.int == 0, "\(plan)")
        }
    }

    @Test func pushesGoToAnotherSimulatedAccountWhichAcceptsOrDeclines() async throws {
        var configuration = simConfiguration(domains: 20)
        configuration.peerApiKey = cliPeerKey
        try await withSimWorld(configuration) { server, world in
            let peer = try #require(server.peerState)
            let receiver = peer.read { $0.username }
            let names = server.state.read { $0.domains.prefix(3).map(\.name) }
            for name in names { try server.editDomain(name) { $0.locked = false } }
            try server.editDomain(names[2]) { $0.locked = true }
            try await world.ok("sync", "--quiet")
            let all = names.joined(separator: ",")
            let refused = try await world.run("transfer", "push", "--domains", all, "--to", receiver, "--yes")
            #expect(refused.status == 2 && refused.stderr.contains("--unlock"), "\(refused.stderr)")
            #expect(server.requests("push").isEmpty)
            try await world.ok("transfer", "push", "--domains", all, "--to", receiver, "--unlock", "--yes")
            let push = try #require(server.requests("push").first)
            #expect(server.requests("push").count == 1, "one call for all three")
            #expect(push.parameters["domain"] == names.joined(separator: ";"))
            #expect(push.parameters["unlock_domain_for_push"] == "1")
            #expect(server.state.read { account in names.allSatisfy { account.domain(named: $0) == nil } })

            let other = try CLIWorld()
            other.endpoint = world.endpoint
            other.key = cliPeerKey
            let incoming = try #require(try await other.ok("transfer", "ls", "--json").json).list
            #expect(Set(incoming.filter { $0["direction"]?.text == "push-in" }.compactMap { $0["name"]?.text }) == Set(names))
            try await other.ok("transfer", "answer", "accept", names[0], names[1], "--yes")
            try await other.ok("transfer", "answer", "decline", names[2], "--yes")
            #expect(peer.read { account in account.domain(named: names[0]) != nil && account.domain(named: names[1]) != nil })
            #expect(try other.store().domain(named: names[0]) != nil, "accepted domains are read into the cache")
            #expect(server.domain(names[2]) != nil, "a declined push goes back to the sender")
            #expect(server.requests("set_domain_push_request").count == 2)
        }
    }
}
