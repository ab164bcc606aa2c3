import DynadotAPI
import DynadotSim
import Foundation
import Testing

@Suite("CLI configuration, secrets and usage", .serialized)
struct SecretsAndUsageTests {
    /// "A 0644 config is refused" with a message naming `chmod 600`.
    @Test func worldReadableConfigIsRefused() async throws {
        let world = try CLIWorld()
        world.key = nil
        let directory = (world.configPath as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: world.configPath, contents: Data("api_key = \"\(cliTestKey)\"\n".utf8),
                                       attributes: [.posixPermissions: 0o644])
        let refused = try await world.run("ls")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("chmod 600 \(world.configPath)"))
        #expect(!refused.stderr.contains(cliTestKey))
        chmod(world.configPath, 0o600)
        try await world.ok("ls")
    }

    /// `api_key_command` (a password manager) supplies the key; a failing one
    /// is reported without echoing anything it printed.
    @Test func keyFromACommand() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { _, world in
            world.key = nil
            let directory = (world.configPath as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: world.configPath,
                                           contents: Data("api_key_command = \"printf '%s\\n' \(cliTestKey)\"\n".utf8),
                                           attributes: [.posixPermissions: 0o600])
            try await world.ok("sync", "--quiet")
            let listed = try await world.ok("ls", "--json")
            #expect(listed.json?.list.count == 20)

            try Data("api_key_command = \"echo \(cliTestKey)-printed; exit 3\"\n".utf8).write(to: URL(fileURLWithPath: world.configPath))
            let failed = try await world.run("sync")
            #expect(failed.status == 1)
            #expect(failed.stderr.contains("api_key_command exited with status 3"))
            #expect(!failed.stderr.contains(cliTestKey))
        }
    }

    @Test func badConfigValuesAreNamed() async throws {
        let world = try CLIWorld()
        let directory = (world.configPath as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (text, hint) in [("timeout = 0", "timeout must be a number of seconds"), ("tier = \"gold\"", "tier 'gold'"),
                             ("colour = 1", "unknown setting 'colour'"), ("endpoint = \"http://api.example.com\"", "https://")] {
            FileManager.default.createFile(atPath: world.configPath, contents: Data((text + "\n").utf8),
                                           attributes: [.posixPermissions: 0o600])
            let refused = try await world.run("ls")
            #expect(refused.status == 1, "\(text)")
            #expect(refused.stderr.contains(hint), "\(text): \(refused.stderr)")
        }
    }

    /// "The test key appears nowhere in the cache file, the log, stdout or stderr."
    @Test func keyNeverLeaks() async throws {
        try await withSimWorld(simConfiguration(domains: 50)) { server, world in
            let names = server.state.read { $0.domains.map(\.name) }
            try await world.ok("sync", "--dns")
            try await world.ok("ls", "--json")
            try await world.ok("show", names[0], "--json")
            try await world.ok("set", "note", "secret test", "--domains", names[0])
            try await world.ok("renew", "--years", "1", "--max-cost", "500", "--domains", names[1])
            try await world.ok("push", "--yes")
            // A failure path prints errors too.
            server.setFaults(SimFaults())
            try await server.stop()
            _ = try await world.run("sync")
            _ = try await world.run("ls", "bogus:key")

            let output = try world.allOutput()
            #expect(!output.isEmpty)
            #expect(!output.contains(cliTestKey))
            let log = try String(contentsOfFile: world.logPath, encoding: .utf8)
            #expect(!log.isEmpty, "nothing was logged")
            #expect(!log.contains(cliTestKey))
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: world.databasePath + suffix) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: world.databasePath + suffix))
                #expect(bytes.range(of: Data(cliTestKey.utf8)) == nil, "key found in cache\(suffix)")
            }
        }
    }

    @Test func usageErrorsExitTwoWithAdvice() async throws {
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = server.state.read { $0.domains[0].name }
            let badQuery = try await world.run("ls", "exp:<banana")
            #expect(badQuery.status == 2)
            #expect(badQuery.stderr.contains("bad query: at column"))
            let both = try await world.run("set", "lock", "--domains", name, "--query", "tld:com")
            #expect(both.status == 2)
            #expect(both.stderr.contains("exactly one of --domains"))
            let neither = try await world.run("set", "lock")
            #expect(neither.status == 2)
            let unknown = try await world.run("set", "lock", "--domains", "no-such-domain-here.com")
            #expect(unknown.status == 2)
            #expect(unknown.stderr.contains("dynafolio sync"))
            let badNS = try await world.run("set", "ns", "not a host", "--domains", name)
            #expect(badNS.status == 2)
            let noLimit = try await world.run("renew", "--years", "1", "--domains", name)
            #expect(noLimit.status == 2)
            #expect(noLimit.stderr.contains("--max-cost"))
            let tooCheap = try await world.run("renew", "--years", "1", "--max-cost", "0.01", "--domains", name)
            #expect(tooCheap.status == 2)
            #expect(tooCheap.stderr.contains("nothing was queued"))
            let badRecord = try await world.run("dns", "set", name, "--record", "@ A 999.1.1.1")
            #expect(badRecord.status == 2)
            #expect(badRecord.stderr.contains("IPv4"))
            let unknownFlag = try await world.run("ls", "--frobnicate")
            #expect(unknownFlag.status == 2)
            #expect(try await world.ok("plan", "--json").json?["calls"]?.int == 0, "a refused command queued something")
        }
    }

    @Test func expiringExitsTenWhenSome() async throws {
        try await withSimWorld(simConfiguration(domains: 200)) { _, world in
            let none = try await world.run("expiring", "--within", "30d")
            #expect(none.status == 0, "an empty cache has nothing expiring")
            #expect(none.stdout.isEmpty)
            try await world.ok("sync", "--quiet")
            let some = try await world.run("expiring", "--within", "3650d", "--json")
            #expect(some.status == 10)
            #expect((some.json?.list.count ?? 0) > 0)
        }
    }
}
