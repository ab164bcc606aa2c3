import Foundation
@testable import PortfolioApp
import Synchronization
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI

/// A big selection is queued in the background: the loop keeps running, the
/// edit lands in the outbox once, and the footer says what was queued.
@Suite("Queueing a big selection in the background")
struct BackgroundQueueTests {
    @Test("an edit on thousands of selected domains is queued off the UI thread and reported")
    func bigSelection() async throws {
        let (fixture, extra) = try Self.selectedBulk()
        let terminal = HeadlessTerminal(keys: [.char(":")] + AppFixture.typed("set renew auto") + [.enter])
        await fixture.driveAwaiting(terminal)
        #expect(fixture.app.state.queueing == nil)
        #expect(try fixture.store.intentCounts()[.pending] == extra.count)
        #expect(screenText(terminal).contains("queued renew_option on \(extra.count) domains"))
        // Again on the same selection: every intent is replaced, none added twice.
        await fixture.driveAwaiting(HeadlessTerminal(keys: [.char(":")] + AppFixture.typed("set renew none") + [.enter]))
        #expect(try fixture.store.intentCounts()[.pending] == extra.count)
        #expect(try fixture.store.intentCounts()[.superseded] == extra.count)
    }

    @Test("keys typed after a big edit are answered while its job runs; two such loops waiting at once do not starve the jobs")
    func keysAnsweredWhileQueueing() async throws {
        // Two apps at once: each loop waits for its job by suspending, so
        // even with every pool thread running a loop the jobs get to run.
        async let first = Self.editThenFilter()
        async let second = Self.editThenFilter()
        for outcome in try await [first, second] {
            #expect(outcome.sawFilterWhileQueueing, "the filter typed after the edit showed while the job was held")
            #expect(outcome.pending == outcome.selected)
            #expect(outcome.finalScreen.contains("queued renew_option on \(outcome.selected) domains"))
            #expect(outcome.finalScreen.contains("bulk-77"))
        }
    }

    final class Flag: Sendable {
        let value = Mutex(false)
    }

    struct Outcome: Sendable {
        var sawFilterWhileQueueing: Bool
        var pending: Int?
        var selected: Int
        var finalScreen: String
    }

    /// `:set renew auto` on the bulk selection, then the filter narrowed
    /// (`bulk-` to `bulk-77`) at once.
    /// The job is held until every key was read and the filter's rows are on
    /// screen with the queueing progress line: the keys were answered while
    /// the edit waited to be queued.
    static func editThenFilter() async throws -> Outcome {
        let (fixture, extra) = try selectedBulk()
        let terminal = HeadlessTerminal(keys: [.char(":")] + AppFixture.typed("set renew auto") + [.enter, .char("/")]
                                            + AppFixture.typed("77") + [.enter])
        let saw = Flag()
        fixture.app.work.beforeJob = {
            // Bounded: a loop that never answered would leave `saw` false.
            for _ in 0..<10_000 {
                let text = terminal.lastScreen.map { $0.plainText() } ?? ""
                if terminal.pendingKeys.isEmpty, text.contains("bulk-770"), text.contains("queueing renew_option") {
                    saw.value.withLock { $0 = true }
                    return
                }
                try? await Task.sleep(for: .milliseconds(1))
            }
        }
        await fixture.driveAwaiting(terminal)
        return Outcome(sawFilterWhileQueueing: saw.value.withLock { $0 }, pending: try fixture.store.intentCounts()[.pending],
                       selected: extra.count, finalScreen: screenText(terminal))
    }

    /// A fixture with more domains than the background threshold, all selected.
    static func selectedBulk() throws -> (AppFixture, [DomainRow]) {
        let fixture = try AppFixture()
        let extra = (0..<(EditQueueing.backgroundThreshold + 500)).map {
            DomainRow(name: "bulk-\($0).com", expiresMs: AppFixture.nowMs + 90 * AppFixture.day, renewOption: .donot)
        }
        _ = try fixture.store.upsertDomains(extra, syncedAtMs: AppFixture.nowMs)
        fixture.drive([.char("/")] + AppFixture.typed("bulk-") + [.enter, .char("*")])
        #expect(fixture.app.state.selection.count == extra.count)
        return (fixture, extra)
    }
}
