import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore

/// `swift run -c release dynafolio-bench [--domains N] [--json]`
///
/// Measures every line of DESIGN.md's performance budget on this machine and
/// prints a table (or JSON with `--json`).
let arguments = CommandLine.arguments
if let flag = arguments.firstIndex(of: "--app-frame"), arguments.indices.contains(flag + 1) {
    try AppBenchmarks.measureInThisProcess(cachePath: arguments[flag + 1])
    exit(0)
}
let jsonOutput = arguments.contains("--json")
let domainCount = arguments.firstIndex(of: "--domains").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? 100_000
let pageSize = 1000
/// `--only queue` / `--only plan` / `--only app` / `--only history` /
/// `--only ingest` / `--only filter` / `--only import`: just the ingest (which gives the cache and the raw-insert
/// control) and those lines (`queue`: queueing and the import; `app`: the
/// child process's lines; `ingest`: the ingest's phases timed one by one),
/// for measuring one thing alone.
let only = arguments.firstIndex(of: "--only").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }

/// `--history-changes N`: the changes of the year `history` reads (1M by default).
let historyChanges = arguments.firstIndex(of: "--history-changes").flatMap { arguments.indices.contains($0 + 1) ? Int(arguments[$0 + 1]) : nil } ?? 1_000_000

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

let directory = temporaryDirectory()
defer { try? FileManager.default.removeItem(at: directory) }
var results: [BenchResult] = []

let server = SimServer(configuration: SimConfiguration(domainCount: domainCount, seed: 1, tier: .superBulk,
                                                       apiKey: CacheBenchmarks.benchKey, busyWaitMilliseconds: 2000))
let endpoint = try await server.start()
do {
    log("fetching \(domainCount) domains of list_domain pages from the simulator…")
    let bodies = try await CacheBenchmarks.cannedBodies(server: server, endpoint: endpoint, domains: domainCount, pageSize: pageSize)
    log("parse + upsert…")
    let (ingest, raw, store) = try await CacheBenchmarks.ingest(bodies: bodies, domains: domainCount, pageSize: pageSize, directory: directory)
    results += [ingest, raw]
    if only == "ingest" {
        log("parse + upsert by phase…")
        results.append(try IngestPhases.measure(bodies: bodies, domains: domainCount, pageSize: pageSize, directory: directory))
    } else if only == "history" {
        log("history…")
        results.append(try await HistoryBenchmarks.record(endpoint: endpoint, server: server, changes: min(domainCount, 100_000),
                                                          pageSize: pageSize, directory: directory))
        results.append(try HistoryBenchmarks.readYear(directory: directory, domains: domainCount, changes: historyChanges))
    } else if only == "queue" {
        log("queue one edit on every domain…")
        results.append(try QueueBenchmarks.queueAll(store: store, domains: domainCount))
        log("import a sheet of every domain…")
        results.append(try QueueBenchmarks.importAll(store: store, domains: domainCount))
    } else if only == "import" {
        log("import a sheet of every domain…")
        results.append(try QueueBenchmarks.importAll(store: store, domains: domainCount))
    } else if only == "filter" {
        log("filter…")
        results += try CacheBenchmarks.filter(store: store)
    } else if only == "plan" {
        log("plan…")
        results.append(try SyncBenchmarks.plan(store: store, intentCount: min(domainCount, 100_000)))
    } else if only == "app" {
        log("first frame, End / G, select-all, sorts, memory…")
        results += try AppBenchmarks.measure(cachePath: directory.appendingPathComponent("ingest.sqlite").path, domains: domainCount)
    } else {
        log("decode…")
        results.append(try CacheBenchmarks.decode(bodies: bodies, domains: domainCount, pageSize: pageSize))
        log("full sync over loopback…")
        results.append(try await SyncBenchmarks.fullSync(endpoint: endpoint, server: server, domains: domainCount, pageSize: pageSize, directory: directory))
        log("filter…")
        results += try CacheBenchmarks.filter(store: store)
        log("quick_check…")
        results.append(try CacheBenchmarks.quickCheck(store: store))
        log("first frame, frame render, memory…")
        results += try AppBenchmarks.measure(cachePath: directory.appendingPathComponent("ingest.sqlite").path, domains: domainCount)
        log("queue one edit on every domain…")
        results.append(try QueueBenchmarks.queueAll(store: store, domains: domainCount))
        log("  \(results[results.count - 1].name): \(results[results.count - 1].value)")
        log("import a sheet of every domain…")
        results.append(try QueueBenchmarks.importAll(store: store, domains: domainCount))
        log("  \(results[results.count - 1].name): \(results[results.count - 1].value)")
        log("Queue pane and push dialog on a plan of every domain…")
        results.append(try AppBenchmarks.queuePane(store: store))
        log("  \(results[results.count - 1].name): \(results[results.count - 1].value)")
        log("history…")
        results.append(try await HistoryBenchmarks.record(endpoint: endpoint, server: server, changes: min(domainCount, 100_000),
                                                          pageSize: pageSize, directory: directory))
        results.append(try HistoryBenchmarks.readYear(directory: directory, domains: domainCount, changes: historyChanges))
        log("plan…")
        results.append(try SyncBenchmarks.plan(store: store, intentCount: min(domainCount, 100_000)))
        // The per-domain push comparison takes minutes at a million; it is
        // measured at smaller sizes only.
        if domainCount < 1_000_000 {
            log("push…")
            results.append(try await SyncBenchmarks.push(endpoint: endpoint, server: server, directory: directory, concurrency: 5))
        }
    }
    try await server.stop()
} catch {
    try? await server.stop()
    log("benchmark failed: \(error)")
    exit(1)
}

if jsonOutput {
    var all: [String: JSONValue] = ["date": .string(UTCDate.isoTimestamp(UTCDate.nowMs())),
                                     "domains": .number(Double(domainCount))]
    for result in results {
        var fields = result.json
        fields["budget"] = .string(result.budget)
        if let met = result.met { fields["met"] = .bool(met) }
        all[result.name] = .object(fields)
    }
    print(JSONValue.object(all).serialized())
} else {
    print("| work | measured | budget | met |")
    print("| --- | --- | --- | --- |")
    for r in results {
        print("| \(r.name) | \(r.value) | \(r.budget) | \(r.met.map { $0 ? "yes" : "**no**" } ?? "–") |")
    }
}
