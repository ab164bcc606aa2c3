import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import Testing

@Suite("CLI offline and push lock", .serialized)
struct OfflineAndLockTests {
    /// "Offline (simulator stopped): `ls`, `show`, `set`, `plan`, `dns show`
    /// work from the cache; `push` fails with a clear message, exit 1, queue intact."
    @Test func offlineCommandsWorkAndPushFailsCleanly() async throws {
        let server = SimServer(configuration: simConfiguration(domains: 60))
        let world = try CLIWorld()
        world.endpoint = try await server.start()
        let (names, hosts, dnsDomain): ([String], [String], String?)
        do {
            try await world.ok("sync", "--quiet")
            names = server.state.read { $0.domains.map(\.name) }
            hosts = Array(server.registeredHosts.prefix(2))
            dnsDomain = server.state.read { account in
                account.domains.first { if case .dynadotDNS = $0.nameServers { return true } else { return false } }?.name
            }
            if let dnsDomain { try await world.ok("dns", "show", dnsDomain) }
            try await server.stop()
        } catch {
            try? await server.stop()
            throw error
        }
        // The stopped simulator's port may be handed to another test's
        // simulator (same fake key): point at port 1, which nothing serves
        // and no ephemeral port allocation ever picks.
        world.endpoint = URL(string: "http://127.0.0.1:1/api3.json")
        let domainWithDNS = try #require(dnsDomain, "the generated account has no Dynadot DNS domain")

        #expect(try await world.ok("ls").stdout.contains(names[0]))
        #expect(try await world.ok("show", names[0]).stdout.hasPrefix(names[0]))
        try await world.ok(arguments: ["set", "ns"] + hosts + ["--domains", "\(names[1]),\(names[2])"])
        try await world.ok("set", "note", "written offline", "--query", names[3])
        let plan = try await world.ok("plan", "--json")
        #expect(plan.json?["calls"]?.int == 2)
        let dns = try await world.ok("dns", "show", domainWithDNS, "--json")
        #expect(dns.json?["domain"]?.text == domainWithDNS)

        let push = try await world.run("push", "--yes")
        #expect(push.status == 1)
        #expect(push.stderr.contains("cannot reach Dynadot"))
        #expect(push.stderr.contains("queue is intact"))
        let sync = try await world.run("sync")
        #expect(sync.status == 1)
        #expect(sync.stderr.contains("cannot reach Dynadot"))

        let after = try await world.ok("plan", "--json")
        #expect(after.stdout == plan.stdout, "the queue changed after a failed push")
        let pending = try world.store().pendingIntents()
        #expect(pending.count == 3)
        let stuck = try world.store().intents(in: [.inflight, .failed]).map { "\($0.field) \($0.state) \($0.message)" }
        #expect(stuck.isEmpty, "\(stuck) \(push.stderr)")
    }

    /// Without a key: the TUI refuses an empty cache (creating none) and
    /// says how to set a key; `sync` and `push` say the same and exit 1.
    @Test func withoutAKeySyncAndPushSayHowToSetOne() async throws {
        let world = try CLIWorld()
        world.key = nil
        world.endpoint = URL(string: "http://127.0.0.1:1/api3.json")
        let tui = try await world.run()
        #expect(tui.status == 1)
        #expect(tui.stderr.contains("no Dynadot API key is configured and the cache is empty"), "\(tui.stderr)")
        #expect(tui.stderr.contains("Set DYNADOT_API_KEY"))
        #expect(!FileManager.default.fileExists(atPath: world.databasePath), "the refused TUI created a cache")
        for verb in ["sync", "push"] {
            let result = try await world.run(verb)
            #expect(result.status == 1, "\(verb): \(result.stderr)")
            #expect(result.stderr.contains("no Dynadot API key is configured; set DYNADOT_API_KEY or api_key in config.toml"),
                    "\(verb): \(result.stderr)")
        }
    }

    /// "Two processes: one pushing, the other's `push` is refused clearly."
    @Test func secondPushIsRefusedWhileOneRuns() async throws {
        try await withSimWorld(simConfiguration(domains: 40)) { server, world in
            try await world.ok("sync", "--quiet")
            let names = server.state.read { $0.domains.map(\.name) }
            try await world.ok("set", "note", "first", "--domains", names[0])
            server.setFaults(SimFaults(latencyMilliseconds: 8000))
            let first = try world.start(["push", "--yes"])
            defer { first.stop() }
            // Wait until the first process holds the lock (it records itself in the cache).
            let store = try world.store()
            var holder: PushLockHolder?
            for _ in 0..<200 where holder == nil {
                holder = try store.pushLockHolder()
                if holder == nil { try await Task.sleep(nanoseconds: 25_000_000) }
            }
            let held = try #require(holder, "the first push never took the lock")
            // Reading and queueing still work.
            try await world.ok("ls")
            try await world.ok("set", "note", "second", "--domains", names[1])
            let second = try await world.run("push", "--yes")
            #expect(second.status == 1)
            #expect(second.stderr.contains("another push is running"))
            #expect(second.stderr.contains(String(held.pid)))
            let done = try await first.finish()
            #expect(done.status == 0, "\(done.stderr)")
            server.setFaults(SimFaults())
            try await world.ok("push", "--yes")
            #expect(server.domain(names[1])?.note == "second")
        }
    }
}
