import Foundation
import PortfolioApp
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI

/// Issue 16: `:import FILE` shows the CLI's preview in a dialog and queues
/// only when confirmed, as one operation with origin import.
@Suite("TUI :import")
struct ImportDialogTests {
    /// Drives the app on a thread of its own: the loop waits for the
    /// import's background jobs, which need the cooperative pool, so it must
    /// not hold one of the pool's threads (two such waits at once would
    /// starve it on a two-core machine).
    static func drive(_ fixture: AppFixture, _ keys: [KeyEvent]) async -> String {
        nonisolated(unsafe) let fixture = fixture
        return await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: screenText(fixture.drive(keys))) }.start()
        }
    }

    @Test("the preview (per field, bad rows by line) shows in a dialog; n queues nothing, y queues one import operation")
    func previewThenQueue() async throws {
        let fixture = try AppFixture()
        let file = fixture.directory.appendingPathComponent("sheet.csv")
        try Data("domain;price;note\nalpha.com;1.250,00;resell\ncharlie.com;;\nzulu.example;5;x\n".utf8).write(to: file)
        let open = [KeyEvent.char(":")] + AppFixture.typed("import \(file.path)") + [.enter]
        let shown = await Self.drive(fixture, open)
        #expect(shown.contains("Import sheet.csv"))
        #expect(shown.contains("Queue 2 changes as one operation?"))
        #expect(shown.contains("sale listing       1       0        2"))
        #expect(shown.contains("line 4: 'zulu.example' is not in the cache"))
        _ = await Self.drive(fixture, [.char("n")])
        #expect(try fixture.store.intentCounts()[.pending] == nil)
        _ = await Self.drive(fixture, open)
        let done = await Self.drive(fixture, [.char("y")])
        #expect(done.contains("queued 2 changes from sheet.csv as one operation"))
        #expect(try fixture.store.intentCounts()[.pending] == 2)
        #expect(try fixture.store.operations(limit: 1).first?.origin == .import)
        // The same file again: nothing to queue, said in the dialog.
        #expect(await Self.drive(fixture, open).contains("Nothing to queue"))
        let missing = await Self.drive(fixture, [.escape, .char(":")] + AppFixture.typed("import /nonexistent/x.csv") + [.enter])
        #expect(missing.contains("x.csv"))
        #expect(try fixture.store.intentCounts()[.pending] == 2)
    }

    @Test("long preview lines wrap inside the dialog instead of being cut")
    func longLinesWrap() async throws {
        let fixture = try AppFixture()
        let file = fixture.directory.appendingPathComponent("wide.csv")
        let long = "a-very-long-domain-name-that-is-not-in-this-portfolio-at-all.example"
        try Data("domain,price,Wholesale Reference Column,Marketplace Internal Identifier\nalpha.com,20,x,y\n\(long),5,,\n".utf8).write(to: file)
        let shown = await Self.drive(fixture, [KeyEvent.char(":")] + AppFixture.typed("import \(file.path)") + [.enter])
        #expect(shown.contains("Import wide.csv"), "\(shown)")
        // Both ends of the long lines are on screen, on lines of their own.
        #expect(shown.contains("Internal Identifier"), "\(shown)")
        #expect(shown.contains("`dynafolio sync`"), "\(shown)")
        #expect(!shown.split(separator: "\n").contains { $0.contains("…") && $0.contains("│") }, "\(shown)")
    }
}
