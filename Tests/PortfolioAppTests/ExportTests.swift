import Foundation
import PortfolioApp
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI

/// Issue 16: `:export FILE.csv|json [all]` writes the Domains pane's rows
/// (the filtered ones, or the selection) through the CLI's writer.
@Suite("TUI :export")
struct ExportTests {
    static func export(_ command: String) -> [KeyEvent] { [KeyEvent.char(":")] + AppFixture.typed("export \(command)") + [.enter] }

    static func filter(_ text: String) -> [KeyEvent] { [KeyEvent.char("/")] + AppFixture.typed(text) + [.enter] }

    static func read(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    @Test("the filtered rows in the order shown, with the visible columns; the status line says how many went where")
    func filteredRowsVisibleColumns() async throws {
        let fixture = try AppFixture()
        let file = fixture.directory.appendingPathComponent("com.csv")
        let screen = await ImportDialogTests.drive(fixture, Self.filter("tld:com") + Self.export(file.path))
        #expect(screen.contains("exported 3 domains to"), "\(screen)")
        #expect(try Self.read(file) == """
            name,expires,ns_type,nameservers,renew_option,locked,privacy,folder,for_sale,sale_type,sale_price,sale_min_offer,note
            alpha.com,2026-11-13,nameservers,ns1.hostingco.net ns2.hostingco.net,auto,true,full,Clients,false,,,,main site
            charlie.com,2027-05-20,forwarding,,none,false,full,,false,,,,
            echo.com,2027-01-20,stealth,,none,false,full,,false,,,,old campaign

            """)
        // Sorted by expiry, descending: the file follows the table.
        let sorted = fixture.directory.appendingPathComponent("sorted.csv")
        _ = await ImportDialogTests.drive(fixture, [KeyEvent.char(":")] + AppFixture.typed("sort expires:desc") + [.enter] + Self.export(sorted.path))
        #expect(try Self.read(sorted).split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] } == ["charlie.com", "echo.com", "alpha.com"])
    }

    @Test("columns switched off stay out of the file; `all` writes every field")
    func visibleColumnsOrAll() async throws {
        let fixture = try AppFixture(columns: ColumnSettings(shown: ["ns": false, "sale": false, "note": false, "privacy": false]))
        let visible = fixture.directory.appendingPathComponent("visible.csv")
        let everything = fixture.directory.appendingPathComponent("all.csv")
        // One drive each: the keys after the first `:export` may come while it still runs.
        _ = await ImportDialogTests.drive(fixture, Self.filter("alpha") + Self.export(visible.path))
        _ = await ImportDialogTests.drive(fixture, Self.export(everything.path + " all"))
        #expect(try Self.read(visible) == "name,expires,renew_option,locked,folder\nalpha.com,2026-11-13,auto,true,Clients\n")
        let lines = try Self.read(everything).split(separator: "\n")
        #expect(lines.first.map(String.init) == DomainExport.fields(.csv).joined(separator: ","))
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("alpha.com,alpha.com,2026-11-13,auto,true,full,Clients,nameservers,") == true)
        #expect(lines.last?.contains(",101,101,102,101,active,") == true, "\(lines)")
    }

    @Test("with a selection, the selected domains go to the file (JSON here), whatever the filter")
    func selectionAsJSON() async throws {
        let fixture = try AppFixture()
        let file = fixture.directory.appendingPathComponent("picked.json")
        let keys: [KeyEvent] = [.char(" "), .char("j"), .char(" ")] + Self.filter("tld:io") + Self.export(file.path)
        let screen = await ImportDialogTests.drive(fixture, keys)
        #expect(screen.contains("exported 2 domains to"), "\(screen)")
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
        #expect(objects.map { $0["name"] as? String } == ["alpha.com", "charlie.com"])
        #expect(Set(objects[0].keys) == Set(["name"] + ["expires", "ns_type", "nameservers", "renew_option", "locked", "privacy", "folder",
                                                         "for_sale", "sale_type", "sale_price", "sale_min_offer", "note"]))
        #expect(objects[0]["nameservers"] as? [String] == ["ns1.hostingco.net", "ns2.hostingco.net"])
        #expect(objects[0]["locked"] as? Bool == true)
        // `all` in JSON: the same keys as `ls --json`.
        let all = fixture.directory.appendingPathComponent("all.json")
        _ = await ImportDialogTests.drive(fixture, Self.export(all.path + " all"))
        let full = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: all)) as? [[String: Any]])
        #expect(full.count == 2)
        #expect(Set(full[0].keys) == Set(DomainExport.fields(.json)).subtracting(["parking_ads"]))
        #expect(full[0]["days_left"] as? Int == 12)
    }

    @Test("an existing file is replaced only when the dialog is confirmed")
    func overwriteRefusedThenConfirmed() async throws {
        let fixture = try AppFixture()
        let file = fixture.directory.appendingPathComponent("keep.csv")
        try Data("precious\n".utf8).write(to: file)
        let asked = await ImportDialogTests.drive(fixture, Self.filter("alpha") + Self.export(file.path))
        #expect(asked.contains("Overwrite keep.csv?"), "\(asked)")
        let refused = await ImportDialogTests.drive(fixture, [.char("n")])
        #expect(try Self.read(file) == "precious\n")
        #expect(!refused.contains("exported"))
        _ = await ImportDialogTests.drive(fixture, Self.export(file.path))
        let done = await ImportDialogTests.drive(fixture, [.char("y")])
        #expect(done.contains("exported 1 domain to"), "\(done)")
        #expect(try Self.read(file).hasPrefix("name,expires,"))
        // No temporary file is left next to it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).filter { $0.hasSuffix(".partial") }.isEmpty)
    }

    @Test("a folder that does not exist, a file that is a folder, no file and no .csv/.json: clear messages, nothing written")
    func badPaths() async throws {
        let fixture = try AppFixture()
        _ = await ImportDialogTests.drive(fixture, Self.export(fixture.directory.path + "/no/such/x.csv"))
        #expect(fixture.app.state.message?.text == "cannot export: folder \(fixture.directory.path)/no/such does not exist; create it first, or give another path")
        #expect(fixture.app.state.message?.isError == true)
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path + "/no"))
        let folder = await ImportDialogTests.drive(fixture, Self.export(fixture.directory.path + "/sub.csv"))
        #expect(folder.contains("exported 7 domains"), "\(folder)")
        let isFolder = fixture.directory.appendingPathComponent("dir.json")
        try FileManager.default.createDirectory(at: isFolder, withIntermediateDirectories: false)
        let folderShown = await ImportDialogTests.drive(fixture, Self.export(isFolder.path))
        #expect(fixture.app.state.message?.text.contains("it is a folder") == true, "\(folderShown)")
        #expect(await ImportDialogTests.drive(fixture, Self.export("")).contains("give a file"))
        let txtShown = await ImportDialogTests.drive(fixture, Self.export(fixture.directory.path + "/x.txt"))
        #expect(fixture.app.state.message?.text.contains("name the file .csv or .json") == true, "\(txtShown)")
        #expect(!FileManager.default.fileExists(atPath: fixture.directory.path + "/x.txt"))
    }

    @Test("~ expands to the home folder")
    func tildeExpands() async throws {
        let fixture = try AppFixture()
        let name = "dynafolio-export-test-\(UUID().uuidString).csv"
        let home = URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(name)
        defer { try? FileManager.default.removeItem(at: home) }
        _ = await ImportDialogTests.drive(fixture, Self.filter("alpha") + Self.export("~/" + name))
        #expect(fixture.app.state.message?.text == "exported 1 domain to ~/\(name) (the columns shown)")
        #expect(try Self.read(home).hasPrefix("name,"))
    }
}
