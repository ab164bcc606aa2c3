import Foundation
import Testing

/// What reaches the terminal: ASCII only under a non-UTF-8 locale, a
/// selection marker without colour, and nothing of ours left on the shell's
/// screen after quitting (also after a resize, also on a terminal without an
/// alternate screen). The real binary in tmux against the simulator.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end TUI tests need it"))
struct ScreenEndToEndTests {
    typealias World = TUIEndToEndTests.World

    /// A session at 80×24 unless told, its raw output recorded on request
    /// (``TUIEndToEndTests/withSession(width:height:environment:recordOutput:prepare:_:)``).
    func withSession(width: Int = 80, height: Int = 24, environment: [String: String] = [:], recordOutput: Bool = false,
                     prepare: (World) throws -> Void = { _ in },
                     _ body: (World, TmuxSession, URL) async throws -> Void) async throws {
        try await TUIEndToEndTests.withSession(width: width, height: height, environment: environment,
                                               recordOutput: recordOutput, prepare: prepare, body)
    }

    func sync(_ tmux: TmuxSession) throws { try TUIEndToEndTests.sync(tmux) }

    @Test func aPlainCLocaleGetsOnlyASCIIBytes() async throws {
        try await withSession(environment: ["LANG": "C", "LC_ALL": "C", "LC_CTYPE": ""], recordOutput: true) { world, tmux, output in
            try sync(tmux)
            // Selection marker, sort marker, the detail panel's box, a long
            // message, the help overlay, and every pane.
            try tmux.send("Space")
            try tmux.waitFor(text: "1 selected")
            try tmux.send("Enter")
            try tmux.waitFor(text: "Esc closes")
            try tmux.send("Escape")
            try tmux.waitFor(text: "Domain ^")
            try tmux.send(":")
            try tmux.type("frobnicate")
            try tmux.send("Enter")
            try tmux.waitFor(text: "unknown command 'frobnicate'")
            try tmux.send("?")
            try tmux.waitFor(text: "Keys")
            try tmux.send("Escape")
            // The DNS pane shows the records, or that the domain uses other name servers.
            for (key, texts) in [("2", ["Month"]), ("3", ["Host", "not on Dynadot DNS"]), ("4", ["Your listings"]), ("5", ["Organization"]),
                                 ("6", ["Order"]), ("7", ["queue is empty"])] {
                try tmux.send(key)
                try tmux.waitFor("pane \(key)") { screen in texts.contains { screen.contains($0) } }
            }
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
            let bytes = try Data(contentsOf: output)
            #expect(bytes.count > 1000, "the pane's output was recorded")
            let high = bytes.enumerated().filter { $0.element >= 0x80 }
            #expect(high.isEmpty, "\(high.count) bytes ≥ 0x80, the first at \(high.first?.offset ?? 0): \(String(decoding: bytes.dropFirst(max(0, (high.first?.offset ?? 0) - 40)).prefix(80), as: UTF8.self))")
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(text.contains("Domain ^"), "the sort marker in ASCII")
            #expect(text.contains("+-"), "box corners in ASCII")
        }
    }

    @Test func withoutColourSelectedRowsCarryAMarker() async throws {
        try await withSession(environment: ["NO_COLOR": "1"]) { _, tmux, _ in
            try sync(tmux)
            try tmux.send("j")
            try tmux.send("Space")
            try tmux.send("j")
            try tmux.send("Space")
            let screen = try tmux.waitFor(text: "2 selected")
            let marked = screen.split(separator: "\n").filter { $0.hasPrefix("● ") }
            #expect(marked.count == 2, "\(screen)")
            #expect(marked.allSatisfy { $0.contains(".") }, "the marked lines are domain rows")
            try tmux.send("Escape")
            let cleared = try tmux.waitFor(text: "0 selected")
            #expect(!cleared.contains("●"))
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }

    @Test(arguments: ["xterm-256color", "vt100"])
    func quittingAfterAResizeLeavesNoFrameBehind(term: String) async throws {
        try await withSession(width: 120, height: 40, environment: ["TERM": term]) { _, tmux, _ in
            try sync(tmux)
            try tmux.resize(width: 80, height: 24)
            try tmux.waitFor("the 80-column layout") { screen in
                screen.contains("0 selected") && !screen.split(separator: "\n").contains { $0.count > 80 }
            }
            try tmux.send("q")
            // Shrinking may push the line above the program into the history.
            try tmux.waitFor(text: "EXIT:0", history: true)
            let after = try tmux.capture()
            for word in ["Domains", "Expires", "selected", "queue 0", "synced 300"] {
                #expect(!after.contains(word), "'\(word)' is still on the screen after quitting (\(term)):\n\(after)")
            }
        }
    }

    @Test func theColumnChooserKeepsItsChoiceInTheConfigFile() async throws {
        let original = "# my settings\ntheme = \"default\"\n\n[keys]\nquit = \"q\"\n"
        var configPath = ""
        try await withSession(prepare: { world in
            let folder = world.folder.appendingPathComponent("config/dynafolio")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            configPath = folder.appendingPathComponent("config.toml").path
            FileManager.default.createFile(atPath: configPath, contents: Data(original.utf8), attributes: [.posixPermissions: 0o600])
        }) { world, tmux, _ in
            try sync(tmux)
            #expect(try tmux.capture().contains("Expires"))
            try tmux.send("C")
            try tmux.waitFor(text: "[x] Expires")
            try tmux.send("Space")
            try tmux.waitFor(text: "[ ] Expires")
            try tmux.send("Enter")
            let after = try tmux.waitFor(text: "columns kept in config.toml [columns]")
            #expect(!after.contains("Expires"), "\(after)")
            let text = try String(contentsOfFile: configPath, encoding: .utf8)
            #expect(text.hasPrefix(original), "the rest of the file is kept:\n\(text)")
            #expect(text.contains("[columns]\nexpires = false\nfolder = true\n"), "\(text)")
            let mode = try FileManager.default.attributesOfItem(atPath: configPath)[.posixPermissions] as? Int
            #expect(mode == 0o600)
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
        // The next start reads it back.
        try await withSession(prepare: { world in
            let folder = world.folder.appendingPathComponent("config/dynafolio")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: folder.appendingPathComponent("config.toml").path,
                                           contents: Data("[columns]\nexpires = false\n".utf8), attributes: [.posixPermissions: 0o600])
        }) { _, tmux, _ in
            try sync(tmux)
            let screen = try tmux.capture()
            #expect(screen.contains("Domain") && !screen.contains("Expires"), "\(screen)")
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }
}
