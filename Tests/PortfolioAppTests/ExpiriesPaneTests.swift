import Testing
import PortfolioStore
import TerminalUI
@testable import PortfolioApp

/// The Expiries pane on the pinned fixture (now = 2026-11-01): bravo.net is
/// in grace, the rest spread over the next 24 months.
@Suite struct ExpiriesPaneTests {
    @Test func expiriesAt80x24() throws {
        let fixture = try AppFixture()
        let text = screenText(fixture.drive([.char("2")]))
        #expect(recordIfDifferent("expiries-80", text, PaneGoldens.expiries80))
    }

    /// When the summary does not fit, it says less in shorter words and
    /// drops the auto-renew part whole instead of cutting a sum.
    @Test func theSummaryShortensInsteadOfBeingCut() throws {
        // The demo's numbers after ` 152 expired · ` at 80 columns.
        let total = "1,481 domains $24,141.19", auto = "764 $12,539.36"
        #expect(ExpiriesPane.summaryWords(total: total, auto: auto, room: 100).joined()
                == "next 24 months: 1,481 domains $24,141.19 · auto-renew 764 $12,539.36")
        #expect(ExpiriesPane.summaryWords(total: total, auto: auto, room: 65).joined()
                == "24 months: 1,481 domains $24,141.19 · auto 764 $12,539.36")
        #expect(ExpiriesPane.summaryWords(total: total, auto: auto, room: 40).joined() == "24 months: 1,481 domains $24,141.19")
        // The fixture's line fits whole at 80 columns.
        let lines = screenText(try AppFixture().drive([.char("2")])).split(separator: "\n")
        #expect(lines[1] == " 1 expired · next 24 months: 6 domains $32.97 +3? · auto-renew 4 $10.99 +3?")
    }

    @Test func expiriesWithASelectedMonthAt160x48() throws {
        let fixture = try AppFixture()
        // Rows: Overdue, In grace, 2026-11, 2026-12, …: select December.
        let terminal = fixture.drive([.char("2"), .char("j"), .char("j"), .char("j"), .char(" ")], size: GoldenScreenTests.wide)
        #expect(try fixture.selectedNames() == ["delta.io", "xn--bcher-kva.de"])
        #expect(recordIfDifferent("expiries-160", screenText(terminal), PaneGoldens.expiries160))
        // Space again unselects the month.
        fixture.drive([.char("k"), .char(" ")], size: GoldenScreenTests.wide)
        #expect(fixture.app.state.selection.isEmpty)
    }

    @Test func enterOnAMonthFiltersTheDomainsPane() throws {
        let fixture = try AppFixture()
        let terminal = fixture.drive([.char("2"), .char("j"), .char("j"), .char("j"), .enter])
        #expect(fixture.app.active == 0)
        #expect(fixture.app.domainsPane.queryText == "exp:2026-12")
        #expect(fixture.app.domainsPane.count == 2)
        let text = screenText(terminal)
        #expect(text.contains("/exp:2026-12"))
        #expect(text.contains("2 matches"))
        #expect(text.contains("delta.io") && text.contains("bücher.de") && !text.contains("alpha.com"))
    }

    @Test func enterOnTheGraceRowShowsTheExpiredDomains() throws {
        let fixture = try AppFixture()
        fixture.drive([.char("2"), .char("j"), .enter])
        #expect(fixture.app.domainsPane.queryText == "exp:overdue exp:>=2026-09-22")
        #expect(fixture.app.domainsPane.count == 1)
        #expect(fixture.app.domainsPane.cursorDomain == "bravo.net")
    }

    @Test func renewTheSelectedMonthsShowsTheTotalAndQueues() throws {
        let fixture = try AppFixture()
        // December holds delta.io (.io: no cached price) and bücher.de (.de: none either);
        // November holds alpha.com at $10.99.
        var keys: [KeyEvent] = [.char("2"), .char("j"), .char("j"), .char(" "), .char("+")]
        keys += [.ctrl("u")] + AppFixture.typed("renew 2") + [.enter]
        let terminal = fixture.drive(keys)
        #expect(recordIfDifferent("expiries-renew-80", screenText(terminal), PaneGoldens.expiriesRenew80))
        fixture.drive([.char("y")])
        let intents = try fixture.store.pendingIntents()
        #expect(intents.map(\.domain) == ["alpha.com"])
        #expect(intents.first?.field == "renew")
        #expect(intents.first?.costCents == 2198)
    }

    @Test func renewOptionForTheCursorMonthWhenNothingIsSelected() throws {
        let fixture = try AppFixture()
        fixture.drive([.char("2"), .char("j"), .char("j"), .char("j"), .char("a")] + AppFixture.typed("donot") + [.enter])
        let intents = try fixture.store.pendingIntents()
        #expect(Set(intents.map(\.domain)) == ["delta.io", "xn--bcher-kva.de"])
        #expect(intents.allSatisfy { $0.field == "renew_option" && $0.value == "\"donot\"" })
    }

    @Test func timelineRowsCountEveryDomainOnce() throws {
        let fixture = try AppFixture()
        let rows = try ExpiryTimeline.rows(fixture.store, nowMs: AppFixture.nowMs)
        #expect(rows.count == 2 + ExpiryTimeline.months + 2)
        #expect(rows.first?.label == "Overdue" && rows[1].label == "In grace" && rows[2].label == "2026-11")
        let total = try #require(rows.last)
        #expect(total.count == 7)
        #expect(rows.dropLast().reduce(0) { $0 + $1.count } == 7)
        // Each row's filter matches exactly its count in the Domains pane.
        for row in rows.dropLast() {
            let query = try PortfolioQuery(parsing: row.filter!)
            #expect(try fixture.store.count(matching: query) == row.count, "\(row.label)")
        }
        // alpha.com (auto) renews at $10.99; bravo.net (grace) at $12.99, charlie.com at $10.99.
        #expect(rows[2].costCents == 1099 && rows[2].autoCostCents == 1099)
        #expect(rows[1].costCents == 1299 && rows[1].autoCount == 0)
        #expect(total.unpriced == 3)
    }
}
