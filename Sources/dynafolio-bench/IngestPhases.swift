import DynadotAPI
import Foundation
@_spi(Bench) import PortfolioStore
@_spi(Bench) import SyncEngine

/// Where the time of parse + upsert goes: each phase of the pull's ingest
/// run alone, in turn, on the same canned pages (the pull overlaps parsing
/// with writing; here nothing overlaps).
enum IngestPhases {
    static func measure(bodies: [String: Data], domains: Int, pageSize: Int, directory: URL) throws -> BenchResult {
        let bodyPages = (0...(domains / pageSize)).compactMap { bodies["list_domain:\($0)"] }
        var lists: [DomainList] = []
        let decode = timed { lists = bodyPages.compactMap { DomainList.fastDecode($0) } }
        let now = UTCDate.nowMs()
        var pages: [[DomainRow]] = []
        let map = timed { pages = lists.map { BenchRecordMapping.rows($0, syncedAtMs: now) } }
        let count = pages.reduce(0) { $0 + $1.count }
        // Batches of ten pages, one transaction each, as `PageWriter` writes them.
        let batches = stride(from: 0, to: pages.count, by: 10).map { Array(pages[$0..<min($0 + 10, pages.count)]) }

        // The same rows written with the upsert alone (no sort, no history
        // triggers, no pushed-field protection), into a fresh cache.
        let bare = try PortfolioDatabase(path: directory.appendingPathComponent("phase-bare.sqlite").path)
        let upsert = try timed {
            // As a first sync writes: nothing stored to compare with.
            for batch in batches {
                try bare.upsertDomains(batch.flatMap { $0 }, syncedAtMs: now, rowsPerStatement: 1000, skippingUnchanged: false)
            }
        }
        try bare.close()
        // The same with a prepared one-row upsert run once per row.
        let single = try PortfolioDatabase(path: directory.appendingPathComponent("phase-single.sqlite").path)
        let oneRow = try timed {
            for batch in batches {
                try single.upsertDomains(batch.flatMap { $0 }, syncedAtMs: now, rowsPerStatement: 1, skippingUnchanged: false)
            }
        }
        // Both again with nothing changed, without the comparison that skips
        // unchanged rows: what a routine sync wrote before it.
        let singleUnchanged = try timed {
            for batch in batches {
                try single.upsertDomains(batch.flatMap { $0 }, syncedAtMs: now + 1, rowsPerStatement: 1, skippingUnchanged: false)
            }
        }
        try single.close()

        let store = try PortfolioDatabase(path: directory.appendingPathComponent("phase-listing.sqlite").path)
        let listing = DomainListing(store: store, startedMs: now)
        let write = try timed { for batch in batches { try listing.ingest(pages: batch) } }
        let seen = Set(pages.joined().map(\.name))
        var gone = 0
        let markGone = try timed { gone = try store.markGone(notIn: seen, atMs: now) }
        let optimize = try timed { try store.optimize() }
        // Again with nothing changed: what a routine sync writes.
        let again = DomainListing(store: store, startedMs: now + 1)
        let unchanged = try timed { for batch in batches { try again.ingest(pages: batch) } }
        let uncompared = try timed {
            for batch in batches {
                try store.upsertDomains(batch.flatMap { $0 }, syncedAtMs: now + 2, rowsPerStatement: 1000, skippingUnchanged: false)
            }
        }
        try store.close()

        let total = decode + map + write + markGone + optimize
        func ms(_ seconds: Double) -> String { format(seconds * 1000, 0) + " ms" }
        return BenchResult(
            name: "parse + upsert by phase, run one after another",
            value: "decode \(ms(decode)), map \(ms(map)), listing write \(ms(write)) (upsert alone \(ms(upsert))), mark gone \(ms(markGone)) (\(gone)), analyze \(ms(optimize)); \(count) rows, \(Int(Double(count) / total)) domains/s in all; unchanged resync write \(ms(unchanged)) (without skipping unchanged rows: \(ms(uncompared))); one-row prepared upsert: fill \(ms(oneRow)), unchanged \(ms(singleUnchanged)) (multi-row fill: \(ms(upsert)))",
            budget: "reference", met: nil,
            json: ["decode_ms": .number(decode * 1000), "map_ms": .number(map * 1000), "write_ms": .number(write * 1000),
                   "upsert_ms": .number(upsert * 1000), "mark_gone_ms": .number(markGone * 1000),
                   "analyze_ms": .number(optimize * 1000), "unchanged_write_ms": .number(unchanged * 1000),
                   "unchanged_uncompared_ms": .number(uncompared * 1000), "one_row_fill_ms": .number(oneRow * 1000),
                   "one_row_unchanged_ms": .number(singleUnchanged * 1000)])
    }
}
