import Foundation
@_spi(OutboxWriter) import PortfolioStore
import Synchronization
import SyncEngine

/// The history's cost: recording 100k remote changes during a listing (the
/// listing's triggers) against the same upsert without them, and reading
/// `history` over a year of 1M recorded changes.
enum HistoryBenchmarks {
    /// A listing that changes the note of `changes` cached domains, written
    /// once through `DomainListing` (which records each change) and once as
    /// a plain upsert of the same rows (which records nothing).
    static func record(store: PortfolioDatabase, changes: Int) throws -> BenchResult {
        let rows = try store.rows(matching: .all, sort: .byName, limit: changes, offset: 0)
        func edited(_ note: String) -> [DomainRow] { rows.map { var row = $0; row.note = note; return row } }
        let plain = try timed { try store.upsertDomains(edited("bench plain"), syncedAtMs: store.nowMs) }
        let listing = DomainListing(store: store)
        let recording = try timed { try listing.ingest(pages: [edited("bench recorded")]) }
        let recorded = try store.recordRemoteEvent { "bench: \($0) changed" }.map { try store.remoteChanges(operationID: $0).count } ?? 0
        return BenchResult(name: "record \(NumberText.grouped(rows.count)) remote changes in a listing",
                           value: "\(format(recording, 2)) s recording (\(NumberText.grouped(recorded)) recorded) vs \(format(plain, 2)) s for the same upsert unrecorded",
                           budget: "—", met: nil,
                           json: ["seconds": .number(recording), "unrecorded_seconds": .number(plain), "recorded": .number(Double(recorded))])
    }

    /// A year of operations (one a day of ~2,740 intents, settled done) on a
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
        var written = 0
        let writeTime = try timed {
            for d in 0..<365 where written < changes {
                now.withLock { $0 = start + Int64(d) * day }
                let count = min(perDay, changes - written)
                let intents = (0..<count).map { i in
                    NewIntent(domain: names[(written + i) % names.count], field: "note", value: "\"day \(d)\"", baseValue: "\"\"")
                }
                let result = try store.enqueue(NewOperation(origin: .cli, label: "bench day \(d)"), intents: intents)
                _ = try store.recordBatchInFlight(command: "set_note", params: "{}", domains: "[]", intentIDs: result.added)
                try store.completeIntents(ids: result.added, writes: .none)
                written += count
            }
        }
        now.withLock { $0 = start + 365 * day }
        let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
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
