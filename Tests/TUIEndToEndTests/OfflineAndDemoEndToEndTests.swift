import ChildProcess
import Foundation
import Testing

/// Issue 13 part C: a cache opens without a key, and the demo leaves no
/// temporary folder behind.
extension TUIEndToEndTests {
    /// A synced cache opens with no key: the banner says edits queue and a
    /// key is needed; an edit queues; sync and push say how to set a key.
    @Test func aFullCacheOpensWithoutAKey() async throws {
        let synced = { (world: World) in
            let result = try world.cli("sync")
            #expect(result.status == 0, "\(result.output)")
        }
        try await withSession(width: 80, height: 24, environment: ["DYNADOT_API_KEY": ""], prepare: synced) { world, tmux in
            let opened = try tmux.waitFor(text: "no API key: edits queue here; sync and push need one (DYNADOT_API_KEY)")
            #expect(opened.contains("queue 0"))
            let firstDomain = try #require(world.server.state.read { $0.domains.map(\.name).min() })
            #expect(opened.contains(firstDomain), "the cached domains are not shown")
            try tmux.send("r")
            try tmux.waitFor(text: "sync needs an API key: set DYNADOT_API_KEY or api_key in config.toml")
            try tmux.send(":")
            try tmux.type("set note offline-note")
            try tmux.send("Enter")
            try tmux.waitFor(text: "queue 1")
            try tmux.send("7")
            try tmux.waitFor(text: "Plan: 1 change")
            try tmux.send("p")
            try tmux.waitFor(text: "push needs an API key: set DYNADOT_API_KEY or api_key in config.toml")
            try tmux.send("q")
            try tmux.waitFor(text: "EXIT:0", history: true)
        }
    }

    /// SIGHUP (what an SSH drop sends) ends the demo and removes its
    /// temporary folder; a folder left by a process that is gone is swept
    /// when the next demo starts, one whose process runs is kept.
    @Test func theDemoCleansUpAfterSIGHUPAndSweepsLeftovers() async throws {
        guard let binary = BuiltBinary.path else {
            throw TmuxError(message: "the dynafolio binary was not found next to the tests; run `swift build` first")
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("dynafolio-e2e-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: tmp) }
        // A pid that is certainly gone: a child that has exited and been reaped.
        let child = try ChildProcess("/bin/true", [])
        child.waitUntilExit()
        let stale = tmp.appendingPathComponent("dynafolio-demo-\(child.processIdentifier)-deadbeef")
        let alive = tmp.appendingPathComponent("dynafolio-demo-\(getpid())-cafef00d")
        for folder in [stale, alive] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: folder.appendingPathComponent("demo.sqlite").path, contents: Data("x".utf8))
        }
        let env = ["TMPDIR": tmp.path, "HOME": tmp.path, "XDG_CONFIG_HOME": tmp.appendingPathComponent("config").path,
                   "XDG_STATE_HOME": tmp.appendingPathComponent("state").path, "LANG": "C.UTF-8", "LC_ALL": ""]
        let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuoted($0.value))" }.joined(separator: " ")
        let script = "env \(assignments) \(shellQuoted(binary)) demo --domains 40 2>&1; echo \"EXIT:$?\""
        let tmux = try TmuxSession(width: 80, height: 24, command: "sh -c \(shellQuoted(script))")
        defer { tmux.kill() }
        try tmux.waitFor(text: "synced 40 domains")
        let mine = try FileManager.default.contentsOfDirectory(atPath: tmp.path)
            .filter { $0.hasPrefix("dynafolio-demo-") && $0 != alive.lastPathComponent }
        #expect(!FileManager.default.fileExists(atPath: stale.path), "the leftover of a gone process was not swept")
        #expect(FileManager.default.fileExists(atPath: alive.path), "the folder of a running process was removed")
        let folder = try #require(mine.first, "the demo made no folder in \(tmp.path)")
        #expect(mine.count == 1)
        let pid = try #require(pid_t(folder.dropFirst("dynafolio-demo-".count).prefix { $0.isNumber }))
        #expect(FileManager.default.fileExists(atPath: tmp.appendingPathComponent(folder).appendingPathComponent("demo.sqlite").path))
        #expect(kill(pid, SIGHUP) == 0)
        try tmux.waitFor(text: "EXIT:129", history: true)
        #expect(!FileManager.default.fileExists(atPath: tmp.appendingPathComponent(folder).path), "the demo left \(folder) after SIGHUP")
    }
}
