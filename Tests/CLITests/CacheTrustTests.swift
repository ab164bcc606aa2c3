import ChildProcess
import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// The push lock and a damaged or newer cache, as a user meets them (issue 10).
@Suite struct CacheTrustTests {
    /// Runs sqlite3 on the world's cache (the tests' stand-in for damage done
    /// by hand, a crash or a newer version).
    func sqlite(_ world: CLIWorld, _ sql: String) throws {
        let result = try ChildProcess.run("/usr/bin/env", ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()",
                                                           world.databasePath, sql])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func aLockFileLeftByADeadContainerProcessDoesNotBlockPushes() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = try #require(server.state.read { $0.domains.first?.name })
            try await world.ok("set", "note", "after a dead pid 1", "--domains", name)
            // What a push that died as pid 1 in a container left behind: the
            // file stays, but the kernel released its flock.
            try "1 1700000000000\n".write(toFile: world.databasePath + ".lock", atomically: true, encoding: .utf8)
            try await world.ok("push", "--yes")
            #expect(server.domain(name)?.note == "after a dead pid 1")
        }
    }

    @Test func aPushRunningElsewhereIsNamedByPidAndStartTime() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = try #require(server.state.read { $0.domains.first?.name })
            try await world.ok("set", "note", "waits", "--domains", name)
            // Another process — this test's — holds the lock (flock on the
            // lock file) and has written its pid and start time into it.
            let path = world.databasePath + ".lock"
            let fd = open(path, O_RDWR | O_CREAT, 0o600)
            #expect(fd >= 0)
            defer { close(fd) }
            #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
            let text = "\(getpid()) 1790000000000\n"
            #expect(ftruncate(fd, 0) == 0)
            #expect(text.withCString { write(fd, $0, strlen($0)) } == text.utf8.count)
            let push = try await world.run("push", "--yes")
            #expect(push.status == 1)
            #expect(push.stderr.contains("process \(getpid())"), "\(push.stderr)")
            #expect(push.stderr.contains("2026-09-21"), "\(push.stderr)")
            #expect(!push.stderr.contains("stop it"))
            #expect(flock(fd, LOCK_UN) == 0)
            try await world.ok("push", "--yes")
            #expect(server.domain(name)?.note == "waits")
        }
    }

    @Test func aRowWithAWrongTypeIsSkippedWithAWarningNotACrash() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = try #require(server.state.read { $0.domains.first?.name })
            try sqlite(world, "UPDATE domain SET expires_ms = 'soon' WHERE name = '\(name)'")
            let ls = try await world.run("ls", "--json")
            #expect(ls.status == 0, "\(ls.stderr)")
            #expect(ls.stderr.contains("could not be read"), "\(ls.stderr)")
            #expect(!(ls.json?.list.contains { $0["name"]?.text == name } ?? true))
            let show = try await world.run("show", name)
            #expect(show.status != 0 || show.stderr.contains("could not be read"))
            #expect(!show.stderr.contains("Fatal error"))
        }
    }

    @Test func aTruncatedCacheIsMovedAsideWithWhatItsOutboxHeld() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { _, world in
            try await world.ok("sync", "--quiet")
            try Data().write(to: URL(fileURLWithPath: world.databasePath))
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: world.databasePath + suffix) }
            let ls = try await world.run("ls")
            #expect(ls.stderr.contains(".damaged-"), "\(ls.stderr)")
            let folder = URL(fileURLWithPath: world.databasePath).deletingLastPathComponent().path
            let kept = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".damaged-") }
            #expect(!kept.isEmpty)
        }
    }

    @Test func aCacheFromANewerDynafolioIsRefusedForWriting() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = try #require(server.state.read { $0.domains.first?.name })
            try sqlite(world, "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future'); PRAGMA user_version = 99;")
            let set = try await world.run("set", "note", "x", "--domains", name)
            #expect(set.status == 1, "\(set.stderr)")
            #expect(set.stderr.contains("99"), "\(set.stderr)")
            #expect(set.stderr.contains("newer"), "\(set.stderr)")
            let ls = try await world.run("ls")
            #expect(ls.status == 0, "\(ls.stderr)")
        }
    }
}
