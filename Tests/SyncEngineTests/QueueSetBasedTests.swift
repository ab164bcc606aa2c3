import DynadotAPI
import Foundation
import Logging
@_spi(OutboxWriter) @testable import PortfolioStore
import Testing
@_spi(Bench) @testable import SyncEngine

/// The set-based queueing path (names and encodings joined in SQL, each
/// distinct combination of columns encoded once in Swift) must store exactly
/// what the row-by-row path stores: two caches with the same hostile rows get
/// the same edits, one through each path, and every intent and operation row
/// must be byte-identical.
@Suite("Set-based queueing against the row path")
struct QueueSetBasedTests {
    /// Strings a note, a folder or a contact id may hold in the cache:
    /// quotes, backslashes, every C0 control, DEL, C1 controls, non-ASCII,
    /// emoji, combining marks (equal to the precomposed form for Swift, not
    /// for SQLite), separators JSON escapes differently, empty, long.
    static let hostile: [String] = {
        var values = ["", "plain", "\"", "\\", "\\\"", "\"quoted\" \\ back\\slash", "/slash", "tab\there", "line\nbreak",
                      "\r\n", "\u{7F}", "del\u{7F}end", "\u{80}\u{85}\u{9F}", "c1 \u{9B}31m", "\u{1B}[31mred\u{1B}[0m",
                      "é", "e\u{301}", "Ünïcødé ✓", "日本語のメモ", "🙂", "👨‍👩‍👧‍👦 family", "🇩🇪", "\u{2028}\u{2029}",
                      "\u{FEFF}bom", "\u{FFFD}", "\u{10FFFF}", "a\u{0}b", String(repeating: "long \"value\" ", count: 200)]
        values += (0..<32).map { "c\(Unicode.Scalar(UInt8($0)))" }
        return values
    }()

    static func rows() -> [DomainRow] {
        let values = hostile
        return (0..<(values.count * 4)).map { index in
            let value = values[index % values.count]
            let other = values[(index * 7 + 3) % values.count]
            return DomainRow(
                name: "d\(index).com", tld: "com", expiresMs: 1_800_000_000_000 + Int64(index),
                registrantID: index % 3 == 0 ? nil : value, adminID: index % 5 == 0 ? nil : other,
                technicalID: index % 2 == 0 ? value : nil, billingID: other,
                locked: index % 2 == 0, privacy: [.none, .full, .partial][index % 3], forSale: index % 4 == 0,
                salePriceCents: index % 8 == 0 ? nil : Int64(index * 100),
                saleType: index % 4 == 0 ? (index % 8 == 0 ? nil : value) : nil,
                saleMinOfferCents: index % 3 == 0 ? Int64(index) : nil,
                renewOption: [.none, .auto, .donot][index % 3], note: value, folderName: other)
        }
    }

    /// Every intent and operation row, in id order.
    static func snapshot(_ store: PortfolioDatabase) throws -> ([OutboxIntent], [OutboxOperation]) {
        let intents = try store.intents(in: IntentState.allCases).sorted { $0.id < $1.id }
        return (intents, try store.operations(limit: 10_000).sorted { $0.id < $1.id })
    }

    @Test("hostile cached values: intents, summaries and operations are byte-identical to the row path")
    func sameAsRowPath() throws {
        let rows = Self.rows()
        let (setBased, rowPath) = try QueueManyGroupsTests.engines(rows)
        // Mixed case, duplicates and names the cache lacks, in a shuffled order.
        var names = rows.map(\.name).enumerated().map { $0.offset % 5 == 0 ? $0.element.uppercased() : $0.element }
        names += ["missing.com", "d3.com", "Missing.com", "d\u{0}x.com"]
        names = names.enumerated().sorted { ($0.offset * 37) % 101 < ($1.offset * 37) % 101 }.map(\.element)
        let unique: [String] = {
            var seen = Set<String>()
            return names.map { $0.lowercased() }.filter { seen.insert($0).inserted }
        }()
        var edits: [Edit] = [.note("x"), .renewOption(.auto), .privacy(.full), .lock, .folder(""), .unlist,
                             .forSale(SaleTerms(listingType: "buy_now", priceCents: 100, minimumOfferCents: nil)),
                             .contacts(registrant: nil, admin: nil, technical: nil, billing: nil)]
        // Values equal to some rows' cached values: those cancel or stay unchanged.
        edits += Self.hostile.map { Edit.note($0) }
        edits += [.note("x"), .renewOption(.none), .folder("é"), .folder("e\u{301}"), .privacy(.none)]
        var round = 0
        for edit in edits {
            round += 1
            // Every few edits, part of the pending intents goes in flight
            // (an edit back to base is then a real edit).
            if round % 6 == 0 {
                for engine in [setBased, rowPath] {
                    let pending = try engine.store.pendingIntents().sorted { $0.id < $1.id }.map(\.id)
                    _ = try engine.store.recordBatchInFlight(command: "c", params: "{}", domains: "[]",
                                                             intentIDs: pending.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
                }
            }
            #expect(SyncEngine.queuesInSQL(edit.field))
            let a = try #require(try setBased.queueInSQL(edit, names: unique, origin: .cli, label: nil, progress: nil),
                                 "the set-based path took \(edit.field)")
            let b = try rowPath.queueFromRows(edit, names: unique, origin: .cli, label: nil, maxCostCents: nil, progress: nil)
            #expect(a == b, "summary of \(edit.label(domains: 0))")
            let (intentsA, operationsA) = try Self.snapshot(setBased.store)
            let (intentsB, operationsB) = try Self.snapshot(rowPath.store)
            #expect(intentsA.count == intentsB.count)
            for (x, y) in zip(intentsA, intentsB) where x != y {
                Issue.record("intent \(x.id) differs after \(edit.label(domains: 0)): \(x) vs \(y)")
                break
            }
            #expect(operationsA == operationsB)
        }
        let (intents, _) = try Self.snapshot(setBased.store)
        // The hostile values were queued (not all cancelled) and reached the
        // stored JSON: a note of every hostile value is stored as a base
        // (but those with a NUL, which both paths read cut at the NUL).
        #expect(Set(intents.map(\.state)).isSuperset(of: [.pending, .superseded, .cancelled, .inflight]))
        for value in Self.hostile where !value.contains("\u{0}") {
            #expect(intents.contains { $0.field == "note" && $0.baseValue == Edit.note(value).encodedValue })
        }
    }

    @Test("many names (the table scanned in rowid order, names looked up among the targets) give what the row path gives")
    func manyNamesSameAsRowPath() throws {
        let count = PortfolioDatabase.scanThreshold + 200
        let rows = (0..<count).map { index in
            DomainRow(name: "m\(index).net", tld: "net", privacy: [.none, .full][index % 2],
                      note: Self.hostile[index % Self.hostile.count], folderName: index % 3 == 0 ? "A" : "")
        }
        let (setBased, rowPath) = try QueueManyGroupsTests.engines(rows)
        let engines = [setBased, rowPath]
        // Names in an order unlike the table's, with some the cache lacks.
        let names = (rows.map(\.name) + ["gone-1.net", "gone-2.net"]).sorted { $0.reversed().lexicographicallyPrecedes($1.reversed()) }
        for edit in [Edit.note("bulk"), .privacy(.full), .folder("A"), .note("again")] {
            let a = try #require(try engines[0].queueInSQL(edit, names: names, origin: .cli, label: nil, progress: nil))
            let b = try engines[1].queueFromRows(edit, names: names, origin: .cli)
            #expect(a == b)
            #expect(a.missing == ["gone-1.net", "gone-2.net"].sorted { $0.reversed().lexicographicallyPrecedes($1.reversed()) })
            #expect(try Self.snapshot(engines[0].store).0 == Self.snapshot(engines[1].store).0)
        }
    }

    @Test("a row with an irregular column type is queued from the row path, with the same result")
    func irregularRowFallsBack() throws {
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let store = try PortfolioDatabase(inMemoryWithClock: { 1_000 })
        try store.upsertDomains(Self.rows().prefix(10).map { $0 }, syncedAtMs: 1_000)
        // A blob where the note's text belongs: the whole-row read cannot
        // read the row and skips it, so queueing reports the name missing.
        try store.writer.write { db in try db.execute(sql: "UPDATE domain SET note = x'41' WHERE name = 'd1.com'") }
        let engine = SyncEngine(store: store, client: nil, logger: quiet)
        let names = (0..<10).map { "d\($0).com" }
        #expect(try engine.queueInSQL(.note("n"), names: names, origin: .cli, label: nil, progress: nil) == nil)
        #expect(try store.pendingIntents().isEmpty, "the refused set-based path wrote nothing")
        let summary = try engine.queue(.note("n"), domains: names, origin: .cli)
        #expect(summary.added == 9)
        #expect(summary.missing == ["d1.com"])
        #expect(try store.intents(forDomain: "d1.com").isEmpty)
    }
}
