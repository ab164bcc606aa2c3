import Foundation
import Testing
import TerminalUI
@testable import PortfolioApp

/// Issue 12 on the TUI's `:` line: the same refusals as the CLI (one
/// parser, one engine check), nothing queued, and no prefill a paste doubles.
@Suite struct HostileCommandLineTests {
    /// `:` line text → a fragment of the error shown in the status bar.
    static let cases: [(String, String)] = [
        ("set forward https://https://example.org", "scheme is repeated"),
        ("set forward \"https://exa mple.com\"", "holds a space"),
        ("set forward ftp://example.com", "http:// or https://"),
        ("set forward https://example.com:99999", "1 to 65535"),
        ("set stealth https://user@example.com", "user name or password"),
        ("set note", "set note \"\" (or --clear)"),
        ("set folder", "set folder \"\" (or --clear)"),
        ("set ns 192.0.2.1 ns2.example.net", "is an IP address"),
        ("set ns ns1.example.net ns1.example.net", "given twice"),
        ("set contacts --registrant 999", "'999' is not in the account"),
        ("set note \"a\u{1b}[2Jb\"", "control character (\\e)"),
        ("set renew sometimes", "takes one of"),
    ]

    @Test func refusedOnTheCommandLineWithNothingQueued() throws {
        for (line, fragment) in Self.cases {
            let fixture = try AppFixture()
            fixture.drive([.char(":")] + AppFixture.typed(line) + [.enter])
            let message = fixture.app.state.message
            #expect(message?.isError == true, "\(line): \(String(describing: message))")
            #expect(message?.text.contains(fragment) == true, "\(line): \(message?.text ?? "no message")")
            #expect(try fixture.engine.plan().calls == 0, "\(line) queued something")
        }
    }

    @Test func explicitEmptyValuesClear() throws {
        let fixture = try AppFixture()
        fixture.drive([.char(":")] + AppFixture.typed("set note \"\"") + [.enter])
        #expect(fixture.app.state.message?.isError == false)
        #expect(try fixture.engine.plan().changes.values.map(\.after) == ["(no note)"])
    }

    @Test func forwardKeysPrefillNothingAPasteWouldDouble() throws {
        let fixture = try AppFixture()
        let text = screenText(fixture.drive([.char("w")] + AppFixture.typed("https://example.org") + [.enter]))
        #expect(!text.contains("https://https://"))
        #expect(fixture.app.state.message?.isError == false, "\(fixture.app.state.message?.text ?? "")")
        #expect(try fixture.engine.plan().batches.first?.command == "set_forwarding")
    }

    @Test func anUnknownFolderIsCreatedOnlyAfterConfirmation() throws {
        let fixture = try AppFixture()
        let asked = screenText(fixture.drive([.char(":")] + AppFixture.typed("set folder Brand New") + [.enter]))
        #expect(asked.contains("Create folder Brand New"))
        #expect(try fixture.engine.plan().calls == 0)
        fixture.drive([.char("y")])
        // A typo gets the did-you-mean in the dialog, and n queues nothing.
        let typo = screenText(fixture.drive([.char(":")] + AppFixture.typed("set folder Clints") + [.enter]))
        #expect(typo.contains("did you mean 'Clients'"))
        fixture.drive([.char("n")])
        let plan = try fixture.engine.plan()
        #expect(plan.setup.map(\.command) == ["create_folder", "folder_list"])
        #expect(plan.calls == 3)
    }

    @Test func controlCharactersFromDataAreDrawnAsReplacement() {
        var screen = Screen(size: Size(rows: 1, cols: 20))
        screen.put("a\u{1b}]0;x\u{07}\u{9b}b", at: Point(row: 0, col: 0), style: Style(.row))
        let text = screen.plainText()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(text.hasPrefix("a\u{FFFD}]0;x\u{FFFD}\u{FFFD}b"))
    }
}
