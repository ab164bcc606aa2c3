import Foundation
import PortfolioStore
@_spi(Bench) import SyncEngine

/// Queueing one edit on every cached domain through the sync engine (the
/// set-based SQL path: names staged, each distinct base encoded once, one
/// join into the outbox), then a second edit of the same field on all of them
/// (every intent superseded), then dropping both; then the same through the
/// row path it replaced, for comparison in the same run.
/// Reading the rows alone is timed too (the rest is intent building and the
/// outbox write, which only the engine may do).
enum QueueBenchmarks {
    static func queueAll(store: PortfolioDatabase, domains: Int) throws -> BenchResult {
        let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
        let names = try store.names(matching: .all, sort: .byName, limit: nil, offset: 0)
        var first: QueueSummary?, second: QueueSummary?
        // The engine's progress steps split each call: rows read, intents
        // built, outbox written.
        let firstMarks = PhaseMarks(), secondMarks = PhaseMarks()
        let queueTime = try timed {
            first = try engine.queue(.note("bench queue one"), domains: names, origin: .cli, progress: firstMarks.mark)
        }
        let supersedeTime = try timed {
            second = try engine.queue(.note("bench queue two"), domains: names, origin: .cli, progress: secondMarks.mark)
        }
        try engine.dropAll()
        // The same two edits through the row path (rows read into Swift,
        // intents staged value by value), which queueing used before the
        // set-based SQL path and still uses for name servers and renewals.
        let rowMarks = PhaseMarks(), rowAgainMarks = PhaseMarks()
        var rowFirst: QueueSummary?, rowSecond: QueueSummary?
        let rowQueueTime = try timed {
            rowFirst = try engine.queueFromRows(.note("bench queue one"), names: names, origin: .cli, progress: rowMarks.mark)
        }
        let rowSupersedeTime = try timed {
            rowSecond = try engine.queueFromRows(.note("bench queue two"), names: names, origin: .cli, progress: rowAgainMarks.mark)
        }
        try engine.dropAll()
        var rowCount = 0
        let readTime = try timed { rowCount = try store.domains(named: names).count }
        var narrowCount = 0
        let narrowTime = try timed { narrowCount = try store.domains(named: names, reading: ["note"]).count }
        let budget = domains >= 1_000_000 ? 8.0 : Double(max(domains, 100_000)) / 100_000
        let ok = first?.added == names.count && second?.superseded == names.count && rowCount == names.count && narrowCount == names.count
            && rowFirst == first.map { var s = $0; s.operationID = rowFirst?.operationID; return s }
            && rowSecond?.superseded == names.count
        return BenchResult(name: "queue one edit on every domain (\(names.count) domains)",
                           value: "\(format(queueTime, 2)) s (\(first?.added ?? 0) added); again on all: \(format(supersedeTime, 2)) s (\(second?.superseded ?? 0) superseded); rows read alone \(format(readTime, 2)) s (all columns), \(format(narrowTime, 2)) s (the note's, as queueing reads them); phases (read / encoded + staged / written): \(firstMarks.phases) s, again \(secondMarks.phases) s; row path, same run: \(format(rowQueueTime, 2)) s, again \(format(rowSupersedeTime, 2)) s (read / build / write \(rowMarks.phases) s, again \(rowAgainMarks.phases) s)",
                           budget: domains >= 1_000_000 ? "≤ 8 s" : "≤ 1 s at 100k",
                           met: ok && max(queueTime, supersedeTime) <= budget,
                           json: ["seconds": .number(queueTime), "supersede_seconds": .number(supersedeTime),
                                  "read_seconds": .number(readTime), "narrow_read_seconds": .number(narrowTime),
                                  "added": .number(Double(first?.added ?? 0)), "superseded": .number(Double(second?.superseded ?? 0)),
                                  "row_path_seconds": .number(rowQueueTime), "row_path_supersede_seconds": .number(rowSupersedeTime)])
    }
}

extension QueueBenchmarks {
    /// `dynafolio import` of a sheet with a distinct price and note for
    /// every cached domain: reading and previewing the CSV (SwiftCSV, the
    /// cached rows, what is queued), then queueing it as one operation
    /// through the shared queue path (one edit group per distinct value, one
    /// set-based pass per field), then the same groups through the row path.
    static func importAll(store: PortfolioDatabase, domains: Int) throws -> BenchResult {
        let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
        let names = try store.names(matching: .all, sort: .byName, limit: nil, offset: 0)
        var text = "Domain,Asking Price,Notes\r\n"
        for (index, name) in names.enumerated() {
            text += "\(name),\"$\(1 + index % 9),\(String(format: "%03d.%02d", index % 1000, index % 100))\",imported note \(index)\r\n"
        }
        var preview: ImportPreview?
        let previewTime = try timed { preview = try engine.previewImport(text) }
        var summary: QueueSummary?
        let marks = PhaseMarks()
        let queueTime = try timed { summary = try engine.queueImport(preview!, label: "bench import", progress: marks.mark) }
        try engine.dropAll()
        // The same groups through the row path (rows read into Swift, intents
        // staged value by value), which imports used before, in the same run.
        var rowSummary: QueueSummary?
        let rowMarks = PhaseMarks()
        let rowQueueTime = try timed {
            rowSummary = try engine.queueFromRows(preview!.edits.map { (edit: $0.edit, names: $0.domains) }, origin: .import,
                                                  label: "bench import", maxCostCents: nil, progress: rowMarks.mark)
        }
        try engine.dropAll()
        let rows = preview?.rowsRead ?? 0, changes = preview?.changeCount ?? 0
        let budget = 5.0 * Double(max(domains, 100_000)) / 100_000
        let ok = rows == names.count && (preview?.problems.isEmpty ?? false) && summary?.added == changes && changes == 2 * names.count
            && rowSummary == summary.map { var s = $0; s.operationID = rowSummary?.operationID; return s }
        return BenchResult(name: "import a sheet with a price and a note per domain (\(names.count) rows)",
                           value: "\(format(previewTime + queueTime, 2)) s: read + preview \(format(previewTime, 2)) s, queue \(format(queueTime, 2)) s (\(summary?.added ?? 0) intents, one operation; phases read / encoded + staged / written \(marks.phases) s); row path, same run: queue \(format(rowQueueTime, 2)) s (read / build / write \(rowMarks.phases) s)",
                           budget: "≤ 5 s at 100k",
                           met: ok && previewTime + queueTime <= budget,
                           json: ["seconds": .number(previewTime + queueTime), "preview_seconds": .number(previewTime),
                                  "queue_seconds": .number(queueTime), "added": .number(Double(summary?.added ?? 0)),
                                  "row_path_queue_seconds": .number(rowQueueTime)])
    }
}

/// When each progress step of a queue call arrived.
final class PhaseMarks: @unchecked Sendable {
    private let lock = NSLock()
    private var times: [ContinuousClock.Instant] = []

    @Sendable func mark(_ done: Int, _ total: Int) {
        lock.withLock { times.append(ContinuousClock.now) }
    }

    /// The seconds between consecutive steps, "a / b / c".
    var phases: String {
        lock.withLock {
            zip(times, times.dropFirst()).map { pair in
                let d = pair.1 - pair.0
                return format(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, 2)
            }.joined(separator: " / ")
        }
    }
}
