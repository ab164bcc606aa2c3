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
