import ChildProcess
import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// The real `dynafolio` binary in tmux against an in-process simulator.
/// Skipped, with the reason shown, when tmux is not installed.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; the end-to-end TUI tests need it"))
struct TUIEndToEndTests {
    static let nameServers = ["dns1.cloudexample.com", "dns2.cloudexample.com"]

    /// A simulator with 300 domains, a temp folder, and the shell command
    /// that runs the TUI on them, saving `stty -a` before and after.
    final class World {
        let server: SimServer
        let folder: URL
        let endpoint: URL
        let binary: String

        init() async throws {
            guard let binary = BuiltBinary.path else {
                throw TmuxError(message: "the dynafolio binary was not found next to the tests; run `swift build` first")
            }
            self.binary = binary
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("dynafolio-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            server = SimServer(configuration: SimConfiguration(domainCount: 300, seed: 7, apiKey: "FAKE-TEST-KEY-0001"))
            endpoint = try await server.start()
        }

        func stop() async {
            try? await server.stop()
            try? FileManager.default.removeItem(at: folder)
        }

        var databasePath: String { folder.appendingPathComponent("cache.sqlite").path }

        /// What every run in this world sees: its own home, cache and simulator.
        var environment: [String: String] {
            [
                "HOME": folder.path, "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
                "XDG_DATA_HOME": folder.appendingPathComponent("data").path, "DYNADOT_API_KEY": "FAKE-TEST-KEY-0001",
                "DYNAFOLIO_ENDPOINT": endpoint.absoluteString, "DYNAFOLIO_DB": databasePath, "LANG": "C.UTF-8", "LC_ALL": "",
                // The local simulator needs no per-minute rate; a test may set its own.
                "DYNAFOLIO_RATE_PER_MINUTE": "100000",
            ]
        }

        /// Runs a CLI verb beside the TUI (another terminal, as a user would)
        /// and returns its exit status and output.
        @discardableResult
        func cli(_ arguments: String...) throws -> (status: Int32, output: String) {
            try ChildProcess.run(binary, arguments,
                                 environment: environment.merging(["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]) { $1 })
        }

        /// `sh -c` text running the TUI with `environment` added.
        func command(_ environment: [String: String] = [:], arguments: String = "") -> String {
            var env = self.environment
            env.merge(environment) { $1 }
            let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }.joined(separator: " ")
            let before = shellQuoted(folder.appendingPathComponent("stty-before.txt").path)
            let after = shellQuoted(folder.appendingPathComponent("stty-after.txt").path)
            let script = "stty -a > \(before); env \(assignments) \(shellQuoted(binary)) \(arguments) 2>&1; echo \"EXIT:$?\"; stty -a > \(after)"
            return "sh -c \(shellQuoted(script))"
        }

        func file(_ name: String) -> String {
            (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
        }
    }

    /// Runs `body` with a world and a tmux session, cleaning both up even on
    /// failure; `prepare` runs on the world before the TUI starts. With
    /// `recordOutput` the session's raw output is recorded to the file passed
    /// to `body` from the first byte (the program starts only once the pipe
    /// is in place).
    static func withSession(width: Int, height: Int, environment: [String: String] = [:], recordOutput: Bool = false,
                            prepare: (World) async throws -> Void = { _ in },
                            _ body: (World, TmuxSession, URL) async throws -> Void) async throws {
        let world = try await World()
        var session: TmuxSession?
        do {
            try await prepare(world)
            let ready = world.folder.appendingPathComponent("ready")
            let output = world.folder.appendingPathComponent("pty-output.bin")
            var command = world.command(environment)
            if recordOutput {
                command = "sh -c " + shellQuoted("while [ ! -e \(shellQuoted(ready.path)) ]; do sleep 0.05; done; " + command)
            }
            let started = try TmuxSession(width: width, height: height, command: command)
            session = started
            if recordOutput {
                try started.pipeOutput(to: output.path)
                FileManager.default.createFile(atPath: ready.path, contents: nil)
            }
            try await body(world, started, output)
        } catch {
            session?.kill()
            await world.stop()
            throw error
        }
        session?.kill()
        await world.stop()
    }

    /// ``withSession(width:height:environment:recordOutput:prepare:_:)`` at 120×40.
    func withSession(width: Int = 120, height: Int = 40, environment: [String: String] = [:],
                     prepare: (World) async throws -> Void = { _ in },
                     _ body: (World, TmuxSession) async throws -> Void) async throws {
        try await Self.withSession(width: width, height: height, environment: environment, prepare: prepare) { world, tmux, _ in
            try await body(world, tmux)
        }
    }

    /// Syncs with `r` and waits for the result.
    static func sync(_ tmux: TmuxSession) throws {
        try tmux.waitFor(text: "never synced")
        try tmux.send("r")
        try tmux.waitFor(text: "synced 300 domains")
    }

    func sync(_ tmux: TmuxSession) throws { try Self.sync(tmux) }

    @Test func bulkNameServerEditFromFilterToPush() async throws {
        try await withSession { world, tmux in
            try sync(tmux)
            try tmux.send("/")
            try tmux.type("tld:com exp:<90d")
            try tmux.send("Enter")
            let filtered = try tmux.waitFor("the match count") { $0.contains("/tld:com exp:<90d") && $0.contains(" match") }
            let matches = try #require(Self.number(before: " match", in: filtered))
            #expect(matches > 1)
            try tmux.send("Space")
            try tmux.waitFor(text: "1 selected")
            try tmux.send("*")
            try tmux.waitFor(text: "\(matches) selected")
            try tmux.send(":")
            try tmux.type("set ns " + Self.nameServers.joined(separator: " "))
            try tmux.send("Enter")
            let queued = try tmux.waitFor(text: "queued ns on")
            let added = try #require(Self.number(after: "queued ns on ", in: queued))
            try tmux.send("7")
            try tmux.waitFor(text: "Plan: \(added) change")
            try tmux.send("p")
            try tmux.waitFor(text: "[ Push ]")
            try tmux.send("y")
            // The push has finished (not only its results arrived: the
            // results can be drawn a frame before the status bar's queue
            // count and the message): `q` quits without asking.
            let pushed = try tmux.waitFor("the push's end", timeout: 120) {
                $0.contains("Last push: \(added) of \(added) done") && $0.contains("pushed:") && $0.contains("queue 0")
            }
            #expect(pushed.contains("pushed: \(added) done"))

            // The cache says every intent is done, and the simulator agrees.
            let store = try PortfolioDatabase(path: world.databasePath)
            let done = try store.intents(in: [.done])
            #expect(done.count == added)
            #expect(try store.intents(in: [.pending, .failed, .conflict, .inflight]).isEmpty)
            let remote = world.server.state.read { account in
                Dictionary(uniqueKeysWithValues: done.map { ($0.domain, account.domain(named: $0.domain)?.nameServers) })
            }
            for intent in done {
                #expect(remote[intent.domain] == .nameServers(Self.nameServers, slots: false) || Self.hosts(remote[intent.domain] ?? nil) == Self.nameServers,
                        "\(intent.domain)")
            }

            // Quitting leaves the terminal as it was.
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
            try tmux.waitFor("stty after") { _ in !world.file("stty-after.txt").isEmpty }
            let before = world.file("stty-before.txt").split(whereSeparator: { $0 == " " || $0 == "\n" })
            let after = world.file("stty-after.txt").split(whereSeparator: { $0 == " " || $0 == "\n" })
            #expect(before == after, "stty changed: \(Set(before).symmetricDifference(after).sorted().joined(separator: " "))")
            #expect(!world.file("stty-before.txt").isEmpty)
        }
    }

    @Test func resizeKeepsCursorAndSelection() async throws {
        try await withSession(width: 120, height: 40) { _, tmux in
            try sync(tmux)
            try tmux.send("j", "j", "Space", "k")
            let wide = try tmux.waitFor(text: "1 selected")
            let cursor = try #require(Self.detailTitle(wide))
            try tmux.resize(width: 80, height: 24)
            try tmux.waitFor("80 columns") { $0.split(separator: "\n").first.map { $0.count <= 80 } ?? false && $0.contains("1 selected") }
            try tmux.send("Enter")
            let narrow = try tmux.waitFor("the detail panel") { Self.detailTitle($0) != nil && $0.contains("1 selected") }
            #expect(Self.detailTitle(narrow) == cursor)
            #expect(narrow.contains("1 selected"))
            try tmux.resize(width: 200, height: 60)
            // Wait for the whole redraw (tmux may be captured mid-frame).
            let large = try tmux.waitFor("the 200-column layout") { screen in
                screen.split(separator: "\n").contains { $0.count > 150 } && screen.contains("1 selected") && Self.detailTitle(screen) != nil
            }
            #expect(Self.detailTitle(large) == cursor)
            #expect(large.contains("1 selected"))
            try tmux.resize(width: 70, height: 20)
            try tmux.waitFor(text: "terminal too small (need 80×24)")
            try tmux.resize(width: 100, height: 30)
            let back = try tmux.waitFor("the 100-column layout") { $0.contains("1 selected") && Self.detailTitle($0) != nil }
            #expect(Self.detailTitle(back) == cursor)
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }

    @Test func unknownTerminalTypeGivesAClearError() async throws {
        try await withSession(environment: ["TERM": "unknown"]) { _, tmux in
            let screen = try tmux.waitFor(text: "EXIT:", history: true)
            #expect(screen.contains("terminal type 'unknown' is not supported; set TERM to e.g. xterm-256color"))
            #expect(screen.contains("EXIT:1"))
        }
    }

    @Test func plainCLocaleShowsPunycodeAndStaysUsable() async throws {
        try await withSession(width: 100, height: 30, environment: ["LANG": "C", "LC_ALL": "", "LC_CTYPE": ""]) { _, tmux in
            try sync(tmux)
            try tmux.send("/")
            try tmux.type("xn--")
            try tmux.send("Enter")
            let screen = try tmux.waitFor("punycode names") { $0.contains("/xn--") && $0.contains("  xn--") }
            // Selection marker and queue marker, then the name.
            let rows = screen.split(separator: "\n").filter { $0.dropFirst(4).hasPrefix("xn--") }
            #expect(!rows.isEmpty)
            for row in rows { #expect(row.unicodeScalars.allSatisfy { $0.isASCII }, "\(row)") }
            try tmux.send("j", "Space")
            try tmux.waitFor(text: "1 selected")
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }

    // MARK: Reading the screen

    static func number(before marker: String, in screen: String) -> Int? {
        guard let range = screen.range(of: marker) else { return nil }
        let digits = screen[..<range.lowerBound].reversed().prefix { $0.isNumber }
        return Int(String(digits.reversed()))
    }

    static func number(after marker: String, in screen: String) -> Int? {
        guard let range = screen.range(of: marker) else { return nil }
        return Int(String(screen[range.upperBound...].prefix { $0.isNumber }))
    }

    /// The domain in the detail panel's title (`┌─ name ───`).
    static func detailTitle(_ screen: String) -> String? {
        for line in screen.split(separator: "\n") {
            guard let start = line.range(of: "┌─ ") else { continue }
            let rest = line[start.upperBound...]
            guard let end = rest.range(of: " ─") else { continue }
            let title = String(rest[..<end.lowerBound])
            if title.contains(".") { return title }
        }
        return nil
    }

    static func hosts(_ setting: SimNameServerSetting?) -> [String]? {
        guard case .nameServers(let hosts, _)? = setting else { return nil }
        return hosts.filter { !$0.isEmpty }
    }
}
