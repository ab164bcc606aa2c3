import DynadotSim
import Foundation
import PortfolioStore
import Synchronization
import SyncEngine

/// The history's cost: a sync that finds `changes` domains changed at
/// Dynadot (and records each) against the same sync finding nothing, and
/// reading `history` over a year of 1M recorded changes.
enum HistoryBenchmarks {
    /// Syncs a cache of its own from the simulator (timed: nothing to
    /// record), edits the note of `changes` domains on the simulator's side,
    /// and syncs again (timed: each change recorded as history).
    static func record(endpoint: URL, server: SimServer, changes: Int, pageSize: Int, directory: URL) async throws -> BenchResult {
        let store = try PortfolioDatabase(path: directory.appendingPathComponent("history-sync.sqlite").path)
        let (engine, _) = try SyncBenchmarks.engine(endpoint: endpoint, store: store, concurrency: 1)
        try await engine.pull(PullOptions(pageSize: pageSize))
        let quiet = try await seconds { try await engine.pull(PullOptions(pageSize: pageSize)) }
        let stamp = "bench \(UTCDate.nowMs())"
        let edited = server.state.mutate { account -> Int in
            let count = min(changes, account.domains.count)
            for index in 0..<count { account.domains[index].note = stamp }
            return count
        }
        let recording = try await seconds { try await engine.pull(PullOptions(pageSize: pageSize)) }
        let recorded = try engine.history().first { $0.origin == .remote }?.changes ?? 0
        return BenchResult(name: "sync recording \(NumberText.grouped(edited)) remote changes",
                           value: "\(format(recording, 2)) s (\(NumberText.grouped(recorded)) recorded) vs \(format(quiet, 2)) s for the same sync with nothing changed",
                           budget: "—", met: nil,
                           json: ["seconds": .number(recording), "unchanged_seconds": .number(quiet), "recorded": .number(Double(recorded))])
    }

    /// A year of operations (one a day of ~2,740 intents, each replacing the
    /// day before's on the same domains when the cache is small) on a
    /// cache of its own, then `history` (every entry with its counts),
    /// `history --domain` and `history show` of one operation.
    static func readYear(directory: URL, domains: Int, changes: Int) throws -> BenchResult {
        let day: Int64 = 86_400_000
        let start = UTCDate.nowMs() - 365 * day
        let now = Mutex(start)
        let store = try PortfolioDatabase(path: directory.appendingPathComponent("history.sqlite").path) { now.withLock { $0 } }
        let names = (0..<domains).map { "history-\($0).com" }
        try store.upsertDomains(names.map { DomainRow(name: $0) }, syncedAtMs: start)
        let perDay = max(1, changes / 365)
        let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
        var written = 0
        let writeTime = try timed {
            for d in 0..<365 where written < changes {
                now.withLock { $0 = start + Int64(d) * day }
                let count = min(perDay, changes - written)
                let targets = (0..<count).map { names[(written + $0) % names.count] }
                try engine.queue(.note("day \(d)"), domains: targets, origin: .cli, label: "bench day \(d)")
                written += count
            }
        }
        now.withLock { $0 = start + 365 * day }
        var entries = 0, forDomain = 0, shown = 0
        let listTime = try timed { entries = try engine.history().count }
        let domainTime = try timed { forDomain = try engine.history(domain: names[0]).count }
        let showTime = try timed { shown = try engine.historyDetail(id: 1)?.changes.count ?? 0 }
        return BenchResult(name: "history over a year of \(NumberText.grouped(written)) changes",
                           value: "history \(format(listTime, 2)) s (\(entries) entries); --domain \(format(domainTime, 2)) s (\(forDomain)); show \(format(showTime, 2)) s (\(shown) changes); writing the year took \(format(writeTime, 1)) s",
                           budget: "—", met: nil,
                           json: ["seconds": .number(listTime), "domain_seconds": .number(domainTime), "show_seconds": .number(showTime),
                                  "entries": .number(Double(entries)), "changes": .number(Double(written))])
    }
}
