import Foundation
@testable import PortfolioApp
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI

/// A big selection is queued in the background: the loop keeps running, the
/// edit lands in the outbox once, and the footer says what was queued.
@Suite("Queueing a big selection in the background")
struct BackgroundQueueTests {
    @Test("an edit on thousands of selected domains is queued off the UI thread and reported")
    func bigSelection() throws {
        let fixture = try AppFixture()
        let extra = (0..<(EditQueueing.backgroundThreshold + 500)).map {
            DomainRow(name: "bulk-\($0).com", expiresMs: AppFixture.nowMs + 90 * AppFixture.day, renewOption: .donot)
        }
        _ = try fixture.store.upsertDomains(extra, syncedAtMs: AppFixture.nowMs)
        fixture.drive([.char("/")] + AppFixture.typed("bulk-") + [.enter, .char("*")])
        #expect(fixture.app.state.selection.count == extra.count)
        let terminal = fixture.drive([.char(":")] + AppFixture.typed("set renew auto") + [.enter])
        #expect(fixture.app.state.queueing == nil)
        #expect(try fixture.store.intentCounts()[.pending] == extra.count)
        #expect(screenText(terminal).contains("queued renew_option on \(extra.count) domains"))
        // Again on the same selection: every intent is replaced, none added twice.
        fixture.drive([.char(":")] + AppFixture.typed("set renew none") + [.enter])
        #expect(try fixture.store.intentCounts()[.pending] == extra.count)
        #expect(try fixture.store.intentCounts()[.superseded] == extra.count)
    }
}
