import DynadotAPI
import DynadotSim
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PortfolioStore
import SyncEngine

/// Benchmarks against the simulator over loopback: full sync, plan, push.
enum SyncBenchmarks {
    static func engine(endpoint: URL, store: PortfolioDatabase, concurrency: Int) throws -> (SyncEngine, DynadotClient) {
        let client = DynadotClient(configuration: try ClientConfiguration(endpoint: endpoint, apiKey: CacheBenchmarks.benchKey,
                                                                          concurrency: concurrency),
                                   logger: CacheBenchmarks.quietLogger())
        return (SyncEngine(store: store, client: client, logger: CacheBenchmarks.quietLogger()), client)
    }

    static func fullSync(endpoint: URL, server: SimServer, domains: Int, pageSize: Int, directory: URL) async throws -> BenchResult {
        let store = try PortfolioDatabase(path: directory.appendingPathComponent("sync.sqlite").path)
        let (engine, _) = try engine(endpoint: endpoint, store: store, concurrency: 1)
        let before = server.recentRequests.filter { $0.command == "list_domain" }.count
        var summary: PullSummary?
        let elapsed = try await seconds { summary = try await engine.pull(PullOptions(pageSize: pageSize)) }
        let listCalls = server.recentRequests.filter { $0.command == "list_domain" }.count - before
        let minimum = (domains + pageSize - 1) / pageSize
        return BenchResult(name: "full sync of \(domains) domains from the simulator",
                           value: "\(format(elapsed, 2)) s; list_domain calls \(listCalls) (⌈N/\(pageSize)⌉ = \(minimum), +1 empty page), \(summary?.calls ?? 0) calls in all",
                           budget: "⌈N/\(pageSize)⌉+1 list calls; ≤ \(domains >= 1_000_000 ? 30 : 2) s",
                           met: elapsed <= (domains >= 1_000_000 ? 30 : 2) && listCalls <= minimum + 1,
                           json: ["seconds": .number(elapsed), "list_domain_calls": .number(Double(listCalls)),
                                  "minimum_calls": .number(Double(minimum)), "all_calls": .number(Double(summary?.calls ?? 0))])
    }

    /// Queues `intentCount` intents of mixed kinds and times the plan.
    static func plan(store: PortfolioDatabase, intentCount: Int) throws -> BenchResult {
        let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
        let names = try store.names(matching: .all, sort: .byName, limit: intentCount, offset: 0)
        // Edits that differ from every cached value, so all of them queue.
        // 40% / 30% / 20% / 5% / 5% of the domains.
        func part(_ from: Int, _ to: Int) -> [String] { Array(names[names.count * from / 100..<names.count * to / 100]) }
        try engine.queue(.nameServers(["ns1.bench.example", "ns2.bench.example"]), domains: part(0, 40), origin: .cli)
        try engine.queue(.forwarding(url: "https://bench.example/landing", permanent: true), domains: part(40, 70), origin: .cli)
        try engine.queue(.stealth(url: "https://bench.example/frame", title: "Bench"), domains: part(70, 90), origin: .cli)
        try engine.queue(.note("bench note"), domains: part(90, 95), origin: .cli)
        try engine.queue(.folder("Bench folder"), domains: part(95, 100), origin: .cli, createFolder: true)
        var intents: [OutboxIntent] = []
        let readElapsed = try timed { intents = try store.pendingIntents() }
        var plan: Plan?
        let elapsed = try timed { plan = try engine.plan() }
        let items = intents.compactMap { intent -> PlanItem? in
            guard let field = IntentField(rawValue: intent.field), let edit = Edit(field: field, encodedValue: intent.value) else { return nil }
            return PlanItem(intentID: intent.id, domain: intent.domain, edit: edit)
        }
        let minimum = OutboxPlanner.minimumCalls(items)
        var pureElapsed = 0.0
        pureElapsed = timed { _ = OutboxPlanner.plan(items) }
        try engine.dropAll()
        let calls = plan?.batches.count ?? -1
        return BenchResult(name: "plan for \(intents.count) intents",
                           value: "\(calls) calls (minimum \(minimum)); \(format(elapsed * 1000, 1)) ms with store reads, \(format(pureElapsed * 1000, 1)) ms planner alone; reading every pending intent alone \(format(readElapsed * 1000, 1)) ms",
                           budget: "= the minimum call count; 100k intents ≤ 300 ms",
                           met: calls == minimum && elapsed <= 0.3 * Double(max(intents.count, 1)) / 100_000,
                           json: ["intents": .number(Double(intents.count)), "calls": .number(Double(calls)),
                                  "minimum": .number(Double(minimum)), "ms": .number(elapsed * 1000), "planner_ms": .number(pureElapsed * 1000),
                                  "read_ms": .number(readElapsed * 1000)])
    }

    /// Simulated network delay per request during the push comparison; both
    /// clients run with it and with the same concurrency.
    static let pushLatencyMilliseconds = 5

    /// Pushes 10,000 edits that all differ from the cached values (name
    /// servers for 5,000, a forwarding URL for 5,000) through the engine,
    /// then sends the same edits one request per domain — both with the
    /// same added latency and concurrency.
    static func push(endpoint: URL, server: SimServer, directory: URL, concurrency: Int) async throws -> BenchResult {
        let store = try PortfolioDatabase(path: directory.appendingPathComponent("push.sqlite").path)
        let (engine, client) = try engine(endpoint: endpoint, store: store, concurrency: concurrency)
        try await engine.pull(PullOptions(pageSize: 1000))
        let names = try store.names(matching: .all, sort: .byName, limit: 20_000, offset: 0)
        let half = min(names.count, 10_000) / 2
        let first = Array(names[0..<half]), second = Array(names[half..<half * 2])
        let hosts = ["ns1.pushbench.example", "ns2.pushbench.example"]
        let forwardURL = "https://pushbench.example/landing"
        try engine.queue(.nameServers(hosts), domains: first, origin: .cli)
        try engine.queue(.forwarding(url: forwardURL, permanent: true), domains: second, origin: .cli)
        let intents = try store.pendingIntents().count
        server.setFaults(SimFaults(latencyMilliseconds: pushLatencyMilliseconds))
        defer { server.setFaults(SimFaults()) }
        var summary: PushSummary?
        let elapsed = try await seconds { summary = try await engine.push() }

        // The same edits as a one-request-per-domain client sends them.
        let naiveHosts = ["ns3.pushbench.example", "ns4.pushbench.example"]
        for host in naiveHosts { _ = try await client.send(APIRequest("add_ns", ["host": host])) }
        let naiveCalls = first.count + second.count
        let naiveElapsed = try await seconds {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var iterator = (first.map { ($0, true) } + second.map { ($0, false) }).makeIterator()
                for _ in 0..<concurrency {
                    guard let (name, isNS) = iterator.next() else { break }
                    group.addTask { try await naiveSend(client, name, isNS, naiveHosts, forwardURL) }
                }
                while try await group.next() != nil {
                    guard let (name, isNS) = iterator.next() else { continue }
                    group.addTask { try await naiveSend(client, name, isNS, naiveHosts, forwardURL) }
                }
            }
        }
        guard let pushed = summary else { throw SyncError.aborted("push returned nothing") }
        return BenchResult(name: "push of \(intents) intents to the simulator (concurrency \(concurrency), \(pushLatencyMilliseconds) ms added latency per request)",
                           value: "\(pushed.calls) calls, \(format(elapsed, 2)) s (\(pushed.done) done); one request per domain: \(naiveCalls) calls, \(format(naiveElapsed, 2)) s — \(format(Double(naiveCalls) / Double(max(pushed.calls, 1)), 0))× fewer calls, \(format(naiveElapsed / max(elapsed, 0.001), 1))× faster",
                           budget: "fewest calls", met: pushed.clean && pushed.done == intents,
                           json: ["intents": .number(Double(intents)), "calls": .number(Double(pushed.calls)), "seconds": .number(elapsed),
                                  "naive_calls": .number(Double(naiveCalls)), "naive_seconds": .number(naiveElapsed),
                                  "latency_ms": .number(Double(pushLatencyMilliseconds)), "concurrency": .number(Double(concurrency))])
    }

    private static func naiveSend(_ client: DynadotClient, _ name: String, _ isNS: Bool, _ hosts: [String],
                                  _ forwardURL: String) async throws {
        if isNS {
            _ = try await client.send(APIRequest("set_ns", ["domain": name, "ns0": hosts[0], "ns1": hosts[1]]))
        } else {
            _ = try await client.send(APIRequest("set_forwarding", ["domain": name, "forward_url": forwardURL + "-naive",
                                                                    "is_temp": "no"]))
        }
    }
}
