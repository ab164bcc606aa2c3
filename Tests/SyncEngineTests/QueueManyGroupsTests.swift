import DynadotAPI
import Foundation
import Logging
@_spi(OutboxWriter) @testable import PortfolioStore
import Synchronization
import Testing
@_spi(Bench) @testable import SyncEngine

/// An import queues one edit group per distinct value (a note per domain, a
/// price per domain): many groups, one set-based pass per field. Two caches
/// with the same hostile rows (`QueueSetBasedTests.rows()`) get the same
/// groups, one through the set-based path and one through the row path; every
/// intent and operation row, every summary and every progress step must be
/// identical.
@Suite("Many edit groups (an import) set-based against the row path")
struct QueueManyGroupsTests {
    /// The (done, total) steps a queue call reported.
    final class Steps: Sendable {
        let seen = Mutex<[[Int]]>([])
        var all: [[Int]] { seen.withLock { $0 } }
        @Sendable func record(_ done: Int, _ total: Int) { seen.withLock { $0.append([done, total]) } }
    }

    static func engines(_ rows: [DomainRow]) throws -> (setBased: SyncEngine, rowPath: SyncEngine) {
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let engines = try (0..<2).map { _ -> SyncEngine in
            let store = try PortfolioDatabase(inMemoryWithClock: { 1_000 })
            try store.upsertDomains(rows, syncedAtMs: 1_000)
            return SyncEngine(store: store, client: nil, logger: quiet)
        }
        return (engines[0], engines[1])
    }

    /// Queues `groups` through both paths and requires the same summary,
    /// progress, intents and operations.
    static func expectSame(_ groups: [(edit: Edit, names: [String])], _ setBased: SyncEngine, _ rowPath: SyncEngine,
                           _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stepsA = Steps(), stepsB = Steps()
        let a = try #require(try setBased.queueInSQL(groups, origin: .import, label: nil, progress: stepsA.record),
                             "the set-based path took \(what)", sourceLocation: sourceLocation)
        let b = try rowPath.queueFromRows(groups, origin: .import, label: nil, maxCostCents: nil, progress: stepsB.record)
        #expect(a == b, "summary of \(what)", sourceLocation: sourceLocation)
        #expect(stepsA.all == stepsB.all, "progress of \(what)", sourceLocation: sourceLocation)
        let (intentsA, operationsA) = try QueueSetBasedTests.snapshot(setBased.store)
        let (intentsB, operationsB) = try QueueSetBasedTests.snapshot(rowPath.store)
        #expect(intentsA.count == intentsB.count, "intents after \(what)", sourceLocation: sourceLocation)
        for (x, y) in zip(intentsA, intentsB) where x != y {
            Issue.record("intent \(x.id) differs after \(what): \(x) vs \(y)", sourceLocation: sourceLocation)
            break
        }
        #expect(operationsA == operationsB, "operations after \(what)", sourceLocation: sourceLocation)
    }

    /// Part of the pending intents go in flight (an edit back to base is then
    /// a real edit), the same ones in both caches.
    static func sendSome(_ engines: [SyncEngine], every: Int) throws {
        for engine in engines {
            let pending = try engine.store.pendingIntents().sorted { $0.id < $1.id }.map(\.id)
            _ = try engine.store.recordBatchInFlight(command: "c", params: "{}", domains: "[]",
                                                     intentIDs: pending.enumerated().filter { $0.offset % every == 0 }.map(\.element))
        }
    }

    @Test("distinct notes, prices, folders, mixed fields, in-flight intents, repeated and uncached names: identical to the row path")
    func importsSameAsRowPath() throws {
        let rows = QueueSetBasedTests.rows()
        let (setBased, rowPath) = try Self.engines(rows)
        let hostile = QueueSetBasedTests.hostile
        let names = rows.map(\.name)
        // Groups as an import makes them: one per distinct edit, in first-row
        // order, each with its names in row order.
        func grouped(_ pairs: [(Edit, String)]) -> [(edit: Edit, names: [String])] {
            var order: [Edit] = []
            var byEdit: [Edit: [String]] = [:]
            for (edit, name) in pairs {
                if byEdit[edit] == nil { order.append(edit) }
                byEdit[edit, default: []].append(name)
            }
            return order.map { ($0, byEdit[$0] ?? []) }
        }
        // A note per domain: most distinct, some a hostile value (equal to
        // other rows' cached notes, and to the row's own for some), a
        // name the cache lacks.
        var notes: [(Edit, String)] = names.enumerated().map { index, name in
            (.note(index % 4 == 0 ? hostile[index % hostile.count] : "imported \(hostile[(index * 5) % hostile.count]) \(index)"), name)
        }
        notes.append((.note("nowhere"), "missing.com"))
        notes.append((.note("nul"), "d\u{0}x.com"))
        try Self.expectSame(grouped(notes), setBased, rowPath, "a note per domain")
        // Again with other notes: supersedes; a fourth of the names get
        // their cached note back (cancels).
        try Self.sendSome([setBased, rowPath], every: 3)
        let again: [(Edit, String)] = names.enumerated().map { index, name in
            (.note(index % 4 == 1 ? rows[index].note : "second \(index % 7)"), name)
        }
        try Self.expectSame(grouped(again), setBased, rowPath, "notes again, some back to base, some in flight")
        // A price per domain (sale terms), some unlisted, some equal to the
        // cached listing.
        let prices: [(Edit, String)] = rows.enumerated().map { index, row in
            switch index % 5 {
            case 0: return (.unlist, row.name)
            case 1 where row.forSale:
                return (.forSale(SaleTerms(listingType: row.saleType ?? "buy_now", priceCents: row.salePriceCents,
                                           minimumOfferCents: row.saleMinOfferCents)), row.name)
            default:
                return (.forSale(SaleTerms(listingType: index % 2 == 0 ? "buy_now" : "buy_now_and_make_offer",
                                           priceCents: Int64(100 + index % 37), minimumOfferCents: index % 3 == 0 ? 50 : nil)), row.name)
            }
        }
        try Self.expectSame(grouped(prices), setBased, rowPath, "a price per domain")
        // Folders whose names equal the cached ones as Swift compares them
        // but not byte for byte (é, e + U+0301).
        let folders: [(Edit, String)] = rows.enumerated().map { index, row in
            switch index % 4 {
            case 0: return (.folder(row.folderName), row.name)
            case 1: return (.folder(row.folderName == "é" ? "e\u{301}" : row.folderName == "e\u{301}" ? "é" : "F\(index % 9)"), row.name)
            case 2: return (.folder(hostile[(index * 11) % hostile.count]), row.name)
            default: return (.folder(""), row.name)
            }
        }
        try Self.expectSame(grouped(folders), setBased, rowPath, "a folder per domain")
        // Mixed fields in one import, a name given the same field by two
        // groups (queued in rounds: the later value supersedes), contacts
        // (whose value keeps the cached roles the edit leaves open).
        try Self.sendSome([setBased, rowPath], every: 4)
        var mixed: [(edit: Edit, names: [String])] = [
            (.note("mixed"), Array(names.prefix(60))),
            (.privacy(.full), names.enumerated().filter { $0.offset % 3 == 0 }.map(\.element)),
            (.renewOption(.auto), names.enumerated().filter { $0.offset % 2 == 1 }.map(\.element) + ["missing.com"]),
            (.lock, Array(names.suffix(40))),
            (.contacts(registrant: "r-new", admin: nil, technical: nil, billing: nil), Array(names.prefix(90))),
            (.contacts(registrant: nil, admin: nil, technical: nil, billing: nil), Array(names.dropFirst(80).prefix(50))),
            (.note("mixed again"), Array(names.dropFirst(30).prefix(60))),
            (.folder("é"), Array(names.prefix(20))),
            (.note(hostile[2]), Array(names.dropFirst(50).prefix(20))),
            (.contacts(registrant: nil, admin: "a-new", technical: nil, billing: "b-new"), Array(names.prefix(10))),
        ]
        mixed += hostile.prefix(12).enumerated().map { index, value in (.note(value), [names[index], names[index + 100]]) }
        try Self.expectSame(mixed, setBased, rowPath, "mixed fields with repeated names")
        // One group alone (the label names the edit).
        try Self.expectSame([(.note("alone"), Array(names.suffix(7)) + ["missing.com"])], setBased, rowPath, "one group")
        let (intents, operations) = try QueueSetBasedTests.snapshot(setBased.store)
        #expect(Set(intents.map(\.state)).isSuperset(of: [.pending, .superseded, .cancelled, .inflight]))
        #expect(Set(intents.map(\.field)).isSuperset(of: ["note", "sale", "folder", "privacy", "renew_option", "lock", "contacts"]))
        #expect(operations.allSatisfy { $0.origin == .import })
    }

    @Test("many names (the table scanned) with a note and a price per domain, as the import benchmark queues them")
    func manyNamesSameAsRowPath() throws {
        let count = PortfolioDatabase.scanThreshold + 300
        let hostile = QueueSetBasedTests.hostile
        let rows = (0..<count).map { index in
            DomainRow(name: "m\(index).net", tld: "net", forSale: index % 5 == 0, salePriceCents: index % 5 == 0 ? 900 : nil,
                      saleType: index % 5 == 0 ? "buy_now" : nil, note: index % 7 == 0 ? hostile[index % hostile.count] : "")
        }
        let (setBased, rowPath) = try Self.engines(rows)
        // Names in an order unlike the table's, a few the cache lacks.
        let names = (rows.map(\.name) + ["gone-1.net", "gone-2.net"]).sorted { $0.reversed().lexicographicallyPrecedes($1.reversed()) }
        var groups: [(edit: Edit, names: [String])] = []
        for (index, name) in names.enumerated() {
            groups.append((.forSale(SaleTerms(listingType: "buy_now", priceCents: Int64(100 + index), minimumOfferCents: nil)), [name]))
            groups.append((.note(index % 11 == 0 ? "" : "imported note \(index)"), [name]))
        }
        try Self.expectSame(groups, setBased, rowPath, "a note and a price per domain")
        try Self.expectSame(groups.reversed(), setBased, rowPath, "the same again, reversed")
    }

    @Test("through queue(_:origin:): mixed case and duplicate names, the same result as the row path")
    func publicQueueSameAsRowPath() throws {
        let rows = QueueSetBasedTests.rows()
        let (setBased, rowPath) = try Self.engines(rows)
        let names = rows.map(\.name)
        let edits: [(edit: Edit, domains: [String])] = names.enumerated().map { index, name in
            (.note("sheet \(index)"), [index % 2 == 0 ? name.uppercased() : name, name])
        } + [(.privacy(.partial), names.map { $0.uppercased() } + names + ["Missing.com"])]
        let normalised = edits.map { edit, domains in
            var seen = Set<String>()
            return (edit: edit, names: domains.map { $0.lowercased() }.filter { seen.insert($0).inserted })
        }
        let a = try setBased.queue(edits, origin: .import, label: "sheet.csv")
        let b = try rowPath.queueFromRows(normalised, origin: .import, label: "sheet.csv", maxCostCents: nil, progress: nil)
        #expect(a == b)
        #expect(a.missing == ["missing.com"])
        #expect(a.added == names.count + rows.filter { $0.privacy != .partial }.count)
        #expect(try QueueSetBasedTests.snapshot(setBased.store).0 == QueueSetBasedTests.snapshot(rowPath.store).0)
        #expect(try QueueSetBasedTests.snapshot(setBased.store).1.map(\.label) == ["sheet.csv"])
    }

    @Test("a row with an irregular column type sends the whole import down the row path, which writes the same")
    func irregularRowFallsBack() throws {
        let rows = Array(QueueSetBasedTests.rows().prefix(10))
        let (setBased, rowPath) = try Self.engines(rows)
        for engine in [setBased, rowPath] {
            try engine.store.writer.write { db in try db.execute(sql: "UPDATE domain SET note = x'41' WHERE name = 'd1.com'") }
        }
        let groups: [(edit: Edit, names: [String])] = (0..<10).map { (.note("n\($0)"), ["d\($0).com"]) }
            + [(.folder(""), ["d1.com", "d2.com"])]
        #expect(try setBased.queueInSQL(groups, origin: .import, label: nil, progress: nil) == nil)
        #expect(try setBased.store.pendingIntents().isEmpty, "the refused set-based path wrote nothing")
        let a = try setBased.queue(groups.map { ($0.edit, $0.names) }, origin: .import)
        let b = try rowPath.queueFromRows(groups, origin: .import, label: nil, maxCostCents: nil, progress: nil)
        #expect(a == b)
        #expect(a.missing == ["d1.com"])
        #expect(a.added == 10)
        #expect(try QueueSetBasedTests.snapshot(setBased.store).0 == QueueSetBasedTests.snapshot(rowPath.store).0)
    }
}
