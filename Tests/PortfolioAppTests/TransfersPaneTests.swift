import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI
@testable import PortfolioApp

/// The Transfers pane over cached transfers (issue 19): `:transfers` shows
/// it at 80×24 with way, order, status and age; its answers ask first.
@Suite struct TransfersPaneTests {
    static func fixture(hasAccount: Bool = true) throws -> AppFixture {
        let fixture = try AppFixture(hasAccount: hasAccount)
        let now = AppFixture.nowMs, hour: Int64 = 3_600_000
        try fixture.store.saveTransfers([
            TransferRow(direction: .transferOut, domain: "alpha.com", orderId: "77", status: "Pending", startedMs: now - 3 * hour, checkedMs: now),
            TransferRow(direction: .transferIn, domain: "incoming.net", orderId: "78", status: "auth code needed", startedMs: now - 2 * 86_400_000, checkedMs: now),
            TransferRow(direction: .pushIn, domain: "gift.org", orderId: "", status: "awaiting your answer", startedMs: now - 60_000, checkedMs: now),
        ])
        fixture.app.refreshAll()
        return fixture
    }

    static let showTransfers: [KeyEvent] = [.char(":")] + AppFixture.typed("transfers") + [.enter]

    @Test func transfersShowWayOrderStatusAndAgeAt80x24() throws {
        let fixture = try Self.fixture(hasAccount: false)
        let text = screenText(fixture.drive(Self.showTransfers))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("in 1 · away 1 · pushes 1") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("push in") && $0.contains("gift.org") && $0.contains("awaiting your answer") && $0.hasSuffix("1m") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("away") && $0.contains("alpha.com") && $0.contains("77") && $0.contains("Pending") && $0.hasSuffix("3h") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("in ") && $0.contains("incoming.net") && $0.contains("auth code needed") && $0.hasSuffix("2d") }, "\(text)")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(fixture.app.isShown(TransfersPane.self))
    }

    @Test func answersAskFirstAndSayWhatTheyCall() throws {
        let fixture = try Self.fixture()
        // Rows are newest first: the push, the transfer away, the transfer in.
        let accept = screenText(fixture.drive(Self.showTransfers + [.char("a")]))
        #expect(accept.contains("Accept gift.org, pushed to this account?") && accept.contains("set_domain_push_request"), "\(accept)")
        let approve = screenText(fixture.drive([.escape, .char("j"), .char("a")]))
        #expect(approve.contains("Approve moving alpha.com away (order 77)?") && approve.contains("authorize_transfer_away"), "\(approve)")
        let cancel = screenText(fixture.drive([.escape, .char("j"), .char("x")]))
        #expect(cancel.contains("Cancel moving incoming.net in (order 78)?"), "\(cancel)")
        let code = screenText(fixture.drive([.escape, .char("c")]))
        #expect(code.contains("Fetch the auth code of incoming.net?") && code.contains("not kept"), "\(code)")
        // Nothing was answered: every dialog was closed.
        _ = fixture.drive([.escape])
        #expect(try fixture.store.transfers().count == 3)
    }
}

/// The Transfers pane's actions that take input (the CLI's `transfer in`,
/// `set-code` and `push`): each form ends in a confirmation that shows what
/// will be sent, never an auth code, and sends exactly that.
@Suite struct TransfersPaneActionTests {
    static let showTransfers = TransfersPaneTests.showTransfers

    /// The pinned fixture with transfer prices, and a codes file in its folder.
    /// The pinned transfers, the pane's first check (which needs the
    /// network) marked done: the screens and messages are the actions' own.
    static func fixture() throws -> AppFixture {
        let fixture = try TransfersPaneTests.fixture()
        _ = fixture.app.pane(TransfersPane.self)?.automaticJob(fixture.app.environment)
        return fixture
    }

    static func fixtureWithCodesFile(_ lines: [(String, String)]) throws -> (AppFixture, String) {
        let fixture = try Self.fixture()
        try fixture.store.upsertTLDPrices([TLDPriceRow(tld: "com", renewCents: 1099, transferCents: 899, fetchedAtMs: AppFixture.nowMs),
                                           TLDPriceRow(tld: "net", renewCents: 1299, transferCents: 1099, fetchedAtMs: AppFixture.nowMs)])
        let path = fixture.directory.appendingPathComponent("codes.csv").path
        try ("domain,auth code\n" + lines.map { "\($0.0),\($0.1)" }.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (fixture, path)
    }

    @Test func aTransferInFromAFileShowsEachPriceAndTheTotalButNoCode() async throws {
        let (fixture, path) = try Self.fixtureWithCodesFile([("moving-in.com", "Secret-Code-123"), ("also-moving.net", "Other-Secret-9")])
        let form = await drive(fixture, Self.showTransfers + [.char("i")])
        #expect(recordIfDifferent("transfers-in-form-80", form, TransfersGoldens.transfersInForm80))
        let text = await drive(fixture, AppFixture.typed(path) + [.enter])
        #expect(recordIfDifferent("transfers-in-confirm-80", text.replacingOccurrences(of: fixture.directory.path, with: "DIR"),
                                  TransfersGoldens.transfersInConfirm80))
        #expect(text.contains("Transfer in 2 domains for $19.98?"), "\(text)")
        #expect(text.contains("moving-in.com") && text.contains("$8.99") && text.contains("also-moving.net") && text.contains("$10.99"), "\(text)")
        #expect(!text.contains("Secret-Code-123") && !text.contains("Other-Secret-9"), "the codes are never shown")
        _ = await drive(fixture, [.char("n")])
        #expect(try fixture.store.pendingIntents().isEmpty, "No queues nothing")
    }

    @Test func aBadCodesFileIsRefusedWithItsLineAndNothingIsQueued() async throws {
        let (fixture, path) = try Self.fixtureWithCodesFile([("moving-in.com", ""), ("also-moving.net", "Other-Secret-9")])
        let text = await drive(fixture, Self.showTransfers + [.char("i")] + AppFixture.typed(path) + [.enter])
        #expect(fixture.app.state.message?.text.contains("line 2") == true, "\(text)")
        #expect(fixture.app.dialog == nil)
        let empty = await drive(fixture, [.char("i"), .enter])
        #expect(empty.contains("give the codes file"), "an empty path keeps the form open and says what to do: \(empty)")
        _ = await drive(fixture, [.escape])
        #expect(try fixture.store.pendingIntents().isEmpty)
    }

    @Test func aNewAuthCodeIsTypedUnseenAndTheConfirmationGivesOnlyItsLength() async throws {
        let fixture = try Self.fixture()
        // Rows are newest first: the push, the transfer away, the transfer in.
        let away = await drive(fixture, Self.showTransfers + [.char("j"), .char("e")])
        #expect(fixture.app.state.message?.text.contains("this row is away") == true, "\(away)")
        let typed = await drive(fixture, [.char("j"), .char("e")] + AppFixture.typed("Better-Code-42"))
        #expect(recordIfDifferent("transfers-code-form-80", typed, TransfersGoldens.transfersCodeForm80))
        #expect(!typed.contains("Better-Code-42") && typed.contains("••••••••••••••"), "\(typed)")
        let confirm = await drive(fixture, [.enter])
        #expect(confirm.contains("Send the new auth code of incoming.net (order 78)?") && confirm.contains("14 characters"), "\(confirm)")
        #expect(!confirm.contains("Better-Code-42"))
        _ = await drive(fixture, [.escape])
    }

    @Test func aPushAsksForTheReceiverAndListsEveryDomainAndTheLockedOnes() async throws {
        let fixture = try Self.fixture()
        let none = await drive(fixture, Self.showTransfers + [.char("p")])
        #expect(fixture.app.state.message?.text.contains("select the domains to push") == true, "\(none)")
        // alpha.com (locked) and bravo.net (unlocked), selected in the Domains pane.
        let keys: [KeyEvent] = [.char("1"), .char(" "), .char(" ")] + Self.showTransfers + [.char("p")] + AppFixture.typed("buyer-account")
        let form = await drive(fixture, keys)
        #expect(form.contains("the 2 selected domains"), "\(form)")
        let text = await drive(fixture, [.enter])
        #expect(recordIfDifferent("transfers-push-confirm-80", text, TransfersGoldens.transfersPushConfirm80))
        #expect(text.contains("Push 2 domains to buyer-account?") && text.contains("1 locked") && text.contains("Unlock and push"), "\(text)")
        _ = await drive(fixture, [.escape])
    }

    @Test func theTransferInIsQueuedAndPushedExactlyAsConfirmedAndTheCodesAreErased() async throws {
        try await AppFixture.withSimApp(SimConfiguration(domainCount: 10, seed: 7, tier: .bulk, apiKey: "FAKE-TUI-TRANSFER-KEY-19")) { app, store, server in
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("transfer-codes-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("codes.csv").path
            let good = "tui-moving-in.com", bad = "tui-bad-code.com"
            try "\(good),Secret-Code-123\n\(bad),short\n".write(toFile: path, atomically: true, encoding: .utf8)
            let price = Int64(try #require(server.state.read { $0.price(forTLD: "com")?.transferCents }))
            let asked = await drive(app, Self.showTransfers + [.char("i")] + AppFixture.typed(path) + [.enter])
            #expect(asked.contains("Transfer in 2 domains for \(Cents.dollars(price * 2))?"), "\(asked)")
            _ = await drive(app, [.char("n")])
            #expect(server.recentRequests.filter { $0.command == "transfer" }.isEmpty)
            #expect(try store.pendingIntents().isEmpty)
            // The dialog opens when the file is read: yes is a key of its own.
            _ = await drive(app, [.char("i")] + AppFixture.typed(path) + [.enter])
            _ = await drive(app, [.char("y")])
            let sent = server.recentRequests.filter { $0.command == "transfer" }
            #expect(sent.count == 2 && sent.allSatisfy { $0.parameters["auth"] == "REDACTED" })
            #expect(Set(server.state.read { $0.transfers.ins.map(\.domain) }) == [good, bad])
            #expect(try store.pendingIntents().isEmpty)
            #expect(app.state.message?.text.contains("started the transfer in of 2 domains") == true, "\(app.state.message?.text ?? "")")

            // The bad code stops at `auth code needed`; e sends a new one.
            _ = await drive(app, [.char("s")])
            let rows = try store.transfers()
            let index = try #require(rows.firstIndex { $0.domain == bad && $0.direction == .transferIn })
            let moves = Array(repeating: KeyEvent.char("j"), count: index)
            let confirm = await drive(app, [.char("g")] + moves + [.char("e")] + AppFixture.typed("Better-Code-42") + [.enter])
            #expect(confirm.contains("Send the new auth code of \(bad)"), "\(confirm)")
            #expect(server.recentRequests.filter { $0.command == "set_transfer_auth_code" }.isEmpty)
            _ = await drive(app, [.char("y")])
            let resent = server.recentRequests.filter { $0.command == "set_transfer_auth_code" }
            #expect(resent.count == 1 && resent.first?.parameters["auth_code"] == "REDACTED")
            #expect(server.state.read { $0.transfers.ins.first { $0.domain == bad }?.status } != "auth code needed")
        }
    }

    @Test func thePushSendsExactlyTheConfirmedDomainsToTheReceiver() async throws {
        var configuration = SimConfiguration(domainCount: 10, seed: 7, tier: .bulk, apiKey: "FAKE-TUI-TRANSFER-KEY-19")
        configuration.peerApiKey = "FAKE-TUI-PEER-KEY-19"
        try await AppFixture.withSimApp(configuration) { app, store, server in
            let receiver = try #require(server.peerState?.read { $0.username })
            let names = try store.domains(named: server.state.read { $0.domains.map(\.name) }).map(\.name).sorted().prefix(2)
            app.state.selection = Selection(Set(names))
            let asked = await drive(app, Self.showTransfers + [.char("p")] + AppFixture.typed(receiver) + [.enter])
            #expect(asked.contains("Push 2 domains to \(receiver)?"), "\(asked)")
            #expect(names.allSatisfy { asked.contains($0) }, "\(asked)")
            _ = await drive(app, [.char("n")])
            #expect(server.recentRequests.filter { $0.command == "push" }.isEmpty)
            _ = await drive(app, [.char("p")] + AppFixture.typed(receiver) + [.enter])
            _ = await drive(app, [.char("y")])
            let push = try #require(server.recentRequests.first { $0.command == "push" })
            #expect(push.parameters["domain"] == names.joined(separator: ";") && push.parameters["receiver_push_username"] == receiver)
            #expect(server.state.read { account in names.allSatisfy { account.domain(named: $0) == nil } })
            #expect(app.state.message?.text.contains("pushed 2 domains to \(receiver) in 1 call") == true, "\(app.state.message?.text ?? "")")
        }
    }

    /// Drives the pinned fixture without blocking a pool thread: its
    /// background jobs (reading a file, the pane's first check) need one.
    func drive(_ fixture: AppFixture, _ keys: [KeyEvent]) async -> String {
        let terminal = HeadlessTerminal(size: Size(rows: 24, cols: 80), keys: keys)
        await fixture.driveAwaiting(terminal)
        return screenText(terminal)
    }

    func drive(_ app: PortfolioApp, _ keys: [KeyEvent]) async -> String {
        let terminal = HeadlessTerminal(size: Size(rows: 24, cols: 80), keys: keys)
        await app.runUntilIdle(terminal: terminal)
        return screenText(terminal)
    }
}
