import Foundation
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI
@testable import PortfolioApp

/// The Queue pane as a plan a person can read (issue 13): sections per
/// command and value that open page by page, DNS diffs per record, a push
/// dialog that starts on No when it matters, Ctrl-C that asks during a
/// push, and messages that name the keys the user bound.
@Suite struct QueuePlanTests {
    /// The fixture plus `count` plain .com domains, their renew option
    /// queued to donot.
    static func bigQueue(_ count: Int, keys: [String: [String]] = [:], hasAccount: Bool = false) throws -> AppFixture {
        let fixture = try AppFixture(hasAccount: hasAccount, keys: keys)
        let names = (0..<count).map { String(format: "bulk%04d.com", $0) }
        _ = try fixture.store.upsertDomains(names.map {
            DomainRow(name: $0, expiresMs: AppFixture.nowMs + 300 * AppFixture.day, renewOption: .auto)
        }, syncedAtMs: AppFixture.nowMs)
        try fixture.engine.queue(.renewOption(.donot), domains: names, origin: .tui)
        return fixture
    }

    @Test("a big section is one line with its counts; Enter opens it page by page, then closes it")
    func sectionsOpenPageByPage() throws {
        let fixture = try Self.bigQueue(250)
        let text = screenText(fixture.drive([.char("7")]))
        #expect(text.contains("▸ renew option → donot · 250 domains · 3 calls"))
        #expect(!text.contains("bulk0000.com"))
        let queue = try #require(fixture.app.pane as? QueuePane)
        fixture.drive([.char("j"), .enter])
        #expect(queue.lines.filter { $0.domain != nil }.count == QueuePane.pageSize)
        #expect(queue.lines.last?.isMore == true)
        #expect(screenText(fixture.drive([])).contains("▾ renew option → donot · 250 domains · 3 calls"))
        fixture.drive([.char("G"), .enter])
        #expect(queue.lines.filter { $0.domain != nil }.count == 250)
        #expect(queue.lines.contains { $0.isMore } == false)
        fixture.drive([.char("g"), .enter])  // g lands on the section, not the summary
        #expect(queue.lines.filter { $0.domain != nil }.isEmpty)
    }

    @Test("a note per domain (a section per value): only the first small sections start open, Enter opens any other; the push dialog lists the same")
    func manySmallSections() throws {
        let fixture = try AppFixture(hasAccount: true)
        let count = QueuePane.openSections + 25
        let names = (0..<count).map { String(format: "noted%03d.com", $0) }
        _ = try fixture.store.upsertDomains(names.map { DomainRow(name: $0, expiresMs: AppFixture.nowMs + 300 * AppFixture.day) },
                                            syncedAtMs: AppFixture.nowMs)
        try fixture.engine.queue(names.map { (edit: Edit.note("note for \($0)"), domains: [$0]) }, origin: .import)
        fixture.drive([.char("7")])
        let queue = try #require(fixture.app.pane as? QueuePane)
        let headers = queue.lines.filter { $0.section != nil && $0.domain == nil && !$0.isMore }
        #expect(headers.count == count)
        let listed = queue.lines.compactMap(\.domain)
        #expect(listed.count == QueuePane.openSections)
        #expect(Set(listed) == Set(names.prefix(QueuePane.openSections)))
        // Enter on a closed section lists its domain.
        let closed = try #require(queue.lines.lastIndex { $0.section != nil && $0.domain == nil })
        fixture.drive([.char("G")])
        #expect(queue.lines.count - 1 >= closed)
        fixture.drive([.enter])
        #expect(queue.lines.compactMap(\.domain).count == QueuePane.openSections + 1)
        #expect(queue.lines.compactMap(\.domain).last == names.last)
        // The push dialog names the domains of the same sections.
        fixture.drive([.char("p")])
        let dialog = try #require(fixture.app.dialog?.0)
        let text = dialog.lines.map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(text.contains("noted000.com: (no note) → note for noted000.com"))
        #expect(!text.contains("\(names.last!):"))
        fixture.drive([.escape])
    }

    @Test("x on a section header asks to drop the section; the cursor starts on the first section, not the summary")
    func dropOnAHeader() throws {
        let fixture = try Self.bigQueue(30)
        fixture.drive([.char("7"), .char("j"), .char("x")])
        let dialog = try #require(fixture.app.dialog?.0)
        #expect(dialog.summary == "Drop 30 queued changes: renew option → donot?")
        fixture.drive([.char("y")])
        #expect(try fixture.store.pendingIntents().isEmpty)
        #expect(fixture.app.state.message?.text == "dropped 30 queued changes (renew option)")

        // The summary line takes no key: the cursor starts on the first
        // section and `k` does not leave it for the summary.
        let other = try Self.bigQueue(3)
        other.drive([.char("7"), .char("k"), .char("x")])
        let second = try #require(other.app.dialog?.0)
        #expect(second.summary == "Drop 3 queued changes: renew option → donot?")
        other.drive([.escape])
        #expect(try other.store.pendingIntents().count == 3)
    }

    @Test("the push dialog lists the sections and starts on No over 100 domains; small plans start on Push")
    func pushDialogDefaults() throws {
        let big = try Self.bigQueue(150, hasAccount: true)
        big.drive([.char("7"), .char("p")])
        let careful = try #require(big.app.dialog?.0)
        #expect(careful.focus == .cancel)
        #expect(careful.summary == "150 changes in 2 API calls")
        #expect(careful.lines.first?.map(\.text).joined().hasPrefix("renew option → donot · 150 domains · 2 calls") == true)
        big.drive([.enter])
        #expect(try big.store.pendingIntents().count == 150, "Enter on the default (No) sends nothing")

        let small = try Self.bigQueue(5, hasAccount: true)
        small.drive([.char("7"), .char("p")])
        #expect(small.app.dialog?.0.focus == .confirm)
    }

    @Test("Ctrl-C asks during a push, as q does, and quits otherwise")
    func ctrlCAsksDuringAPush() throws {
        let fixture = try AppFixture()
        let size = Size(rows: 24, cols: 80)
        fixture.app.state.push = ProgressBar(done: 1, total: 9, label: "push")
        fixture.app.handle(.ctrl("c"), size: size)
        #expect(!fixture.app.quitting)
        #expect(fixture.app.dialog?.0.summary == "A push is running. Quit anyway?")
        fixture.app.state.push = nil
        fixture.app.dialog = nil
        fixture.app.handle(.ctrl("c"), size: size)
        #expect(fixture.app.quitting)
    }

    @Test("messages name the key the user bound, not a fixed one")
    func messagesNameBoundKeys() throws {
        #expect(try ActionTable().reviewHint == "press 7 (Queue) to review and push")
        let remapped = try ActionTable(overrides: ["pane-queue": ["Q"], "sync": ["Z"]])
        #expect(remapped.reviewHint == "press Q (Queue) to review and push")
        #expect(remapped.key(.sync) == "Z")
        let fixture = try AppFixture(keys: ["pane-queue": ["Q"]])
        fixture.drive([.char(":")] + AppFixture.typed("set note hello") + [.enter])
        #expect(fixture.app.state.message?.text == "queued note on 1 domain — press Q (Queue) to review and push")
    }

    @Test("Listings: $ on a selection made in the Domains pane says where it comes from; U acts on the listed selection")
    func listingsSayWhoseSelection() throws {
        let fixture = try AppFixture()
        // alpha.com and bravo.net selected in the Domains pane: neither is listed.
        fixture.drive([.char(" "), .char(" "), .char("4"), .char("$")])
        let listings = try #require(fixture.app.pane as? ListingsPane)
        let (names, source) = try listings.targets(fixture.app.state, fixture.app.environment)
        #expect(names == ["alpha.com", "bravo.net"])
        #expect(source == "selected in Domains (1), not in this list")
        #expect(screenText(fixture.drive([])).contains("2 domains selected in Domains (1), not in this list"))
        // With a listed domain in the selection, only what this pane shows.
        fixture.app.state.setSelection(["alpha.com", "xn--bcher-kva.de"])
        let mixed = try listings.targets(fixture.app.state, fixture.app.environment)
        #expect(mixed.names == ["xn--bcher-kva.de"])
        #expect(mixed.source == "selected here (1 selected elsewhere, not listed, left out)")
    }

    @Test func queueShowsDnsChangesPerRecordAt80x24And160x48() throws {
        let fixture = try DnsPaneTests.fixture()
        var keys = DnsPaneTests.toBücher
        keys += [.char("a")] + AppFixture.typed("MX") + [.tab] + AppFixture.typed("mx2.mailhost.example") + [.tab]
        keys += AppFixture.typed("20") + [.enter]
        keys += [.char("G"), .char("x"), .char("7")]
        #expect(recordIfDifferent("queue-dns-80", screenText(fixture.drive(keys)), QueueGoldens.queueDns80))
        #expect(recordIfDifferent("queue-dns-160", screenText(fixture.drive([], size: GoldenScreenTests.wide)), QueueGoldens.queueDns160))
    }
}
