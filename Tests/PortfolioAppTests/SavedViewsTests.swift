import Foundation
import PortfolioApp
import PortfolioStore
import Testing
import TerminalUI

/// Issue 16: saved views — `[views]` in config.toml, `:view NAME`,
/// `:save-view NAME` written back as a text edit (comments, other tables
/// and the file's 0600 mode kept), the view's name in the Domains pane.
@Suite("Saved views")
struct SavedViewsTests {
    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("saving edits the text: comments, other tables and the mode stay; a view of the same name is replaced")
    func saveKeepsCommentsAndMode() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("config.toml").path
        let original = """
        # my dynafolio settings
        api_key = "FAKE-KEY-FOR-TESTS"  # keep private

        [views]
        # the ones I use every Monday
        old = "tld:net"

        [keys]
        quit = "q"

        """
        #expect(FileManager.default.createFile(atPath: path, contents: Data(original.utf8), attributes: [.posixPermissions: 0o600]))
        try SavedViews.save("expiring-com", SavedView(query: "tld:com exp:<60d"), to: path)
        try SavedViews.save("old", SavedView(query: "note:\"a \\ b\"", sort: "expires:desc"), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == """
        # my dynafolio settings
        api_key = "FAKE-KEY-FOR-TESTS"  # keep private

        [views]
        # the ones I use every Monday
        old = { query = "note:\\"a \\\\ b\\"", sort = "expires:desc" }
        expiring-com = "tld:com exp:<60d"

        [keys]
        quit = "q"

        """)
        #expect(try Self.mode(path) == 0o600)
    }

    @Test("a missing file is created 0600 with the table; a file without [views] gets it at the end")
    func createsFileAndTable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("dynafolio/config.toml").path
        try SavedViews.save("mine", SavedView(query: "folder:none"), to: path)
        #expect(try Self.mode(path) == 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("[views]\nmine = \"folder:none\"\n"))
        let added = SavedViews.replacing("b", with: SavedView(query: "tab\there"), in: "theme = \"light\"\n\n")
        #expect(added.hasPrefix("theme = \"light\"\n\n# Saved views"))
        #expect(added.hasSuffix("[views]\nb = \"tab\\there\"\n"))
    }

    @Test("bad names are refused with what to use; nothing is written")
    func badNamesRefused() throws {
        for bad in ["", "a b", "x=y", "na\"me", "über", String(repeating: "v", count: 41)] {
            #expect(throws: SavedViewError.self) { try SavedViews.check(name: bad) }
        }
        try SavedViews.check(name: "Expiring_com-60")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("views-\(UUID().uuidString).toml").path
        #expect(throws: SavedViewError.self) { try SavedViews.save("a b", SavedView(query: "tld:com"), to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("TUI: :view applies filter and sort and names the view in the header; ? lists views; unknown lists the names")
    func applyInTUI() throws {
        let fixture = try AppFixture(views: ViewSettings(views: [
            "coms": SavedView(query: "tld:com", sort: "name:desc"),
            "io": SavedView(query: "tld:io"),
        ]))
        let shown = screenText(fixture.drive([.char(":")] + AppFixture.typed("view coms") + [.enter]))
        #expect(shown.contains("view coms · 3 matches"), "\(shown)")
        let names = shown.split(separator: "\n").compactMap { line in ["echo.com", "charlie.com", "alpha.com"].first { line.contains($0) } }
        #expect(names == ["echo.com", "charlie.com", "alpha.com"])
        #expect(!shown.contains("bravo.net"))
        let help = screenText(fixture.drive([.char("?")]))
        #expect(help.contains("Saved views (:view NAME applies one)"), "\(help)")
        #expect(help.contains("tld:io"))
        let unknown = screenText(fixture.drive([.escape, .char(":")] + AppFixture.typed("view nope") + [.enter]))
        #expect(unknown.contains("no view named 'nope'; saved views: coms, io"), "\(unknown)")
        // Typing another filter leaves the view: its name goes.
        let typed = screenText(fixture.drive([.char("/")] + AppFixture.typed(" exp:<30d") + [.enter]))
        #expect(!typed.contains("view coms"), "\(typed)")
    }

    @Test("TUI: :save-view writes the filter and sort through the settings; bad names and bad filters are refused")
    func saveInTUI() throws {
        let saved = Saved()
        let fixture = try AppFixture(views: ViewSettings { name, view in saved.append(name, view) })
        fixture.drive([.char("/")] + AppFixture.typed("tld:com exp:<60d") + [.enter, .char("S")])
        let done = screenText(fixture.drive([.char(":")] + AppFixture.typed("save-view expiring-com") + [.enter]))
        #expect(done.contains("view expiring-com saved in config.toml [views]"), "\(done)")
        #expect(done.contains("view expiring-com ·"))
        #expect(saved.all == [Saved.Entry(name: "expiring-com", view: SavedView(query: "tld:com exp:<60d", sort: "name:desc"))])
        let bad = screenText(fixture.drive([.char(":")] + AppFixture.typed("save-view a=b") + [.enter]))
        #expect(bad.contains("cannot name a view"), "\(bad)")
        fixture.drive([.char("/"), .ctrl("u")] + AppFixture.typed("tld:") + [.enter])
        let broken = screenText(fixture.drive([.char(":")] + AppFixture.typed("save-view x") + [.enter]))
        #expect(broken.contains("the filter has an error"), "\(broken)")
        #expect(saved.all.count == 1)
        // Saved this session: :view finds it.
        let again = screenText(fixture.drive([.char(":")] + AppFixture.typed("view expiring-com") + [.enter]))
        #expect(again.contains("view expiring-com: tld:com exp:<60d"), "\(again)")
    }

    /// What the save closure received.
    final class Saved: @unchecked Sendable {
        struct Entry: Equatable { let name: String; let view: SavedView }
        private let lock = NSLock()
        private var entries: [Entry] = []
        func append(_ name: String, _ view: SavedView) { lock.withLock { entries.append(Entry(name: name, view: view)) } }
        var all: [Entry] { lock.withLock { entries } }
    }
}
