import Foundation
import PortfolioStore
import SyncEngine

/// Queueing one edit on every cached domain through the sync engine (row
/// reads, intent building, the set-based enqueue), then a second edit of the
/// same field on all of them (every intent superseded), then dropping both.
/// Reading the rows alone is timed too (the rest is intent building and the
/// outbox write, which only the engine may do).
enum QueueBenchmarks {
    static func queueAll(store: PortfolioDatabase, domains: Int) throws -> BenchResult {
        let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
        let names = try store.names(matching: .all, sort: .byName, limit: nil, offset: 0)
        var first: QueueSummary?, second: QueueSummary?
        let queueTime = try timed { first = try engine.queue(.note("bench queue one"), domains: names, origin: .cli) }
        let supersedeTime = try timed { second = try engine.queue(.note("bench queue two"), domains: names, origin: .cli) }
        try engine.dropAll()
        var rowCount = 0
        let readTime = try timed { rowCount = try store.domains(named: names).count }
        let budget = domains >= 1_000_000 ? 8.0 : Double(max(domains, 100_000)) / 100_000
        let ok = first?.added == names.count && second?.superseded == names.count && rowCount == names.count
        return BenchResult(name: "queue one edit on every domain (\(names.count) domains)",
                           value: "\(format(queueTime, 2)) s (\(first?.added ?? 0) added); again on all: \(format(supersedeTime, 2)) s (\(second?.superseded ?? 0) superseded); rows read alone \(format(readTime, 2)) s",
                           budget: domains >= 1_000_000 ? "≤ 8 s" : "≤ 1 s at 100k",
                           met: ok && max(queueTime, supersedeTime) <= budget,
                           json: ["seconds": .number(queueTime), "supersede_seconds": .number(supersedeTime),
                                  "read_seconds": .number(readTime),
                                  "added": .number(Double(first?.added ?? 0)), "superseded": .number(Double(second?.superseded ?? 0))])
    }
}
