import Foundation
@testable import PortfolioApp
import Testing
import TerminalUI

/// `~` in the paths `:export` and `:import` take: `$HOME` when set (the
/// shell's rule), the passwd entry only when it is not.
@Suite("~ in typed paths")
struct UserPathTests {
    /// A fresh directory to stand in for `$HOME`, removed by `body`'s end.
    func withHome(_ body: (URL) async throws -> Void) async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("portfolioapp-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try await body(home)
    }

    @Test(":export ~/x.csv writes into $HOME, not the passwd home")
    func exportIntoHome() async throws {
        try await withHome { home in
            let fixture = try AppFixture(processEnvironment: ["HOME": home.path])
            let screen = await ImportDialogTests.drive(fixture, ExportTests.filter("alpha") + ExportTests.export("~/mine.csv"))
            #expect(screen.contains("exported 1 domain"), "\(screen)")
            #expect(try ExportTests.read(home.appendingPathComponent("mine.csv")).hasPrefix("name,expires,"))
        }
    }

    @Test(":import ~/x.csv reads from $HOME")
    func importFromHome() async throws {
        try await withHome { home in
            try Data("domain;note\nalpha.com;from home\n".utf8).write(to: home.appendingPathComponent("notes.csv"))
            let fixture = try AppFixture(processEnvironment: ["HOME": home.path])
            let screen = await ImportDialogTests.drive(fixture, [KeyEvent.char(":")] + AppFixture.typed("import ~/notes.csv") + [.enter])
            #expect(screen.contains("Import notes.csv"), "\(screen)")
            #expect(screen.contains("Queue 1 change as one operation?"), "\(screen)")
        }
    }

    @Test("the rule: $HOME when set and not empty, else passwd; ~name from passwd; other paths as typed")
    func expansionRule() throws {
        let passwd = try #require(UserPath.passwdHome(name: nil))
        #expect(UserPath.expanded("~/a/b.csv", environment: ["HOME": "/tmp/h"]) == "/tmp/h/a/b.csv")
        #expect(UserPath.expanded("~", environment: ["HOME": "/tmp/h"]) == "/tmp/h")
        #expect(UserPath.expanded("~/x", environment: ["HOME": "/"]) == "/x")
        #expect(UserPath.expanded("~/x", environment: [:]) == passwd + (passwd.hasSuffix("/") ? "x" : "/x"))
        #expect(UserPath.expanded("~/x", environment: ["HOME": ""]) == UserPath.expanded("~/x", environment: [:]))
        #expect(UserPath.expanded("~root/x", environment: ["HOME": "/tmp/h"]) == (UserPath.passwdHome(name: "root") ?? "") + "/x")
        #expect(UserPath.expanded("~no-such-user-here/x", environment: ["HOME": "/tmp/h"]) == "~no-such-user-here/x")
        #expect(UserPath.expanded("/abs/~/x", environment: ["HOME": "/tmp/h"]) == "/abs/~/x")
        #expect(UserPath.expanded("rel/x", environment: ["HOME": "/tmp/h"]) == "rel/x")
    }
}
