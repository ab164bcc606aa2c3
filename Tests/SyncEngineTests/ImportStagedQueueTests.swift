import DynadotAPI
import Foundation
import Logging
@_spi(OutboxWriter) @testable import PortfolioStore
import Testing
@_spi(Bench) @testable import SyncEngine

/// An import queues the intents its preview worked out (values and bases,
/// nothing read or encoded again) while the cache is as the preview read
/// it. That must store exactly what queueing the preview's edits from the
/// cache stores; and after a commit in between, what a preview made after
/// that commit would have queued.
@Suite("Import: queueing the preview's own intents")
struct ImportStagedQueueTests {
    /// A cell as a spreadsheet writes it: always quoted, quotes doubled.
    static func cell(_ value: String) -> String { "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// A sheet over the hostile rows: blanks, zero prices, amounts in every
    /// format, values equal to the cached ones, hostile notes (some refused
    /// as controls), renew options, privacy, the default folder.
    static func sheet(_ rows: [DomainRow], round: Int) -> String {
        let hostile = QueueSetBasedTests.hostile
        var lines = ["domain,price,min offer,note,renew,privacy,folder"]
        for (index, row) in rows.enumerated() {
            let price: String
            switch (index + round) % 5 {
            case 0: price = ""
            case 1: price = "0"
            case 2: price = "$1,2\(index % 10)0.50"
            case 3: price = row.salePriceCents.map { String(format: "%d.%02d", $0 / 100, $0 % 100) } ?? "12"
            default: price = "\(100 + index + round) USD"
            }
            let note: String
            switch (index + round) % 4 {
            case 0: note = row.note
            case 1: note = "imported \(index) round \(round)"
            case 2: note = ""
            default: note = hostile[(index * 5 + round) % hostile.count]
            }
            let cells = [index % 9 == 0 ? row.name.uppercased() : row.name, price, index % 3 == 0 ? "50" : "", note,
                         ["yes", "no", "", "none"][(index + round) % 4], ["full", "", "partial", "none"][index % 4],
                         index % 6 == 0 ? "default" : ""]
            lines.append(cells.map(cell).joined(separator: ","))
        }
        lines.append(cell("missing.com") + ",5,,x,,,")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    @Test("the preview's intents store exactly what its edits queued from the cache store: intents, operations, summary, progress")
    func sameAsQueueingTheEdits() throws {
        let rows = QueueSetBasedTests.rows()
        let (staged, fromCache) = try QueueManyGroupsTests.engines(rows)
        // Open intents to supersede, some of them in flight.
        for engine in [staged, fromCache] {
            try engine.queue(.note("earlier"), domains: rows.prefix(80).map(\.name), origin: .tui)
            try engine.queue(.privacy(.full), domains: rows.suffix(50).map(\.name), origin: .tui)
        }
        try QueueManyGroupsTests.sendSome([staged, fromCache], every: 3)
        for round in 0..<3 {
            let text = Self.sheet(rows, round: round)
            let a = try staged.previewImport(text), b = try fromCache.previewImport(text)
            #expect(a.staged != nil, "round \(round): the preview worked out its intents")
            #expect(a.changeCount > 0 && !a.problems.isEmpty, "round \(round): \(a.lines.joined(separator: "\n"))")
            let stepsA = QueueManyGroupsTests.Steps(), stepsB = QueueManyGroupsTests.Steps()
            let summaryA = try staged.queueImport(a, label: "sheet.csv", progress: stepsA.record)
            let summaryB = try fromCache.queue(b.edits, origin: .import, label: "sheet.csv", progress: stepsB.record)
            #expect(summaryA == summaryB, "round \(round)")
            #expect(summaryA.added + summaryA.cancelled > 0)
            #expect(stepsA.all == stepsB.all, "round \(round)")
            let (intentsA, operationsA) = try QueueSetBasedTests.snapshot(staged.store)
            let (intentsB, operationsB) = try QueueSetBasedTests.snapshot(fromCache.store)
            #expect(intentsA == intentsB, "round \(round)")
            #expect(operationsA == operationsB, "round \(round)")
        }
        let (intents, _) = try QueueSetBasedTests.snapshot(staged.store)
        #expect(Set(intents.map(\.state)).isSuperset(of: [.pending, .superseded, .inflight]))
        #expect(Set(intents.map(\.field)).isSuperset(of: ["note", "sale", "privacy", "renew_option", "folder"]))
    }

    @Test("a sync between the preview and the queueing: the import queues from the rows as they are now")
    func cacheChangedSincePreview() throws {
        let rows = (0..<40).map { DomainRow(name: "s\($0).com", tld: "com", note: "cached \($0)") }
        let (early, late) = try QueueManyGroupsTests.engines(rows)
        let text = "domain,note\r\n" + rows.map { "\($0.name),sheet \($0.name)" }.joined(separator: "\r\n")
        let before = try early.previewImport(text)
        #expect(before.changeCount == rows.count)
        // The sync: one note changed at Dynadot, one changed to the sheet's.
        var changed = rows[3], matching = rows[7]
        changed.note = "synced"
        matching.note = "sheet s7.com"
        for engine in [early, late] { _ = try engine.store.upsertDomains([changed, matching], syncedAtMs: 2_000) }
        let after = try late.previewImport(text)
        #expect(after.changeCount == rows.count - 1)
        let summaryEarly = try early.queueImport(before, label: "sheet.csv")
        let summaryLate = try late.queueImport(after, label: "sheet.csv")
        #expect(summaryEarly.added == rows.count - 1 && summaryLate.added == rows.count - 1)
        let (intentsEarly, operationsEarly) = try QueueSetBasedTests.snapshot(early.store)
        let (intentsLate, operationsLate) = try QueueSetBasedTests.snapshot(late.store)
        #expect(intentsEarly == intentsLate)
        #expect(operationsEarly == operationsLate)
        // The base is the synced note, not the one the preview read.
        #expect(intentsEarly.first { $0.domain == "s3.com" }?.baseValue == Edit.note("synced").encodedValue)
        #expect(!intentsEarly.contains { $0.domain == "s7.com" })
    }

    @Test("a sheet large enough to be read on every core, with the cache read while it is parsed: problems in file order, a duplicate across the halves, the same intents as without the early read")
    func largeSheet() throws {
        let count = max(ParallelRows.threshold, 5_000) + 900
        let rows = (0..<count).map { index in
            DomainRow(name: "p\(index).org", tld: "org", forSale: index % 4 == 0, salePriceCents: index % 4 == 0 ? 700 : nil,
                      saleType: index % 4 == 0 ? "buy_now" : nil, note: index % 3 == 0 ? "kept \(index)" : "")
        }
        let (staged, fromCache) = try QueueManyGroupsTests.engines(rows)
        var lines = ["domain,price,note"]
        for (index, row) in rows.enumerated() {
            lines.append("\(row.name),\(index == count - 5 ? "abc" : index % 4 == 0 ? "7" : "\(index + 1)"),\(index % 3 == 0 ? "kept \(index)" : "n\(index)")")
            if index == 10 { lines.append("nowhere.org,5,x") }
        }
        // The first row again, in the last part of the file.
        lines.append("P0.ORG,9,again")
        let text = lines.joined(separator: "\n")
        // The other cache holds more than twice the sheet's domains besides:
        // it reads only the sheet's names, after parsing it.
        _ = try fromCache.store.upsertDomains((0..<(2 * count)).map { DomainRow(name: "x\($0).net", tld: "net") }, syncedAtMs: 1_000)
        #expect(try CachePrefetch.columns(for: text, options: ImportOptions(), store: staged.store) == ["for_sale", "sale_type", "sale_price_cents", "sale_min_offer_cents", "note"])
        #expect(try CachePrefetch.columns(for: text, options: ImportOptions(), store: fromCache.store) == nil)
        let a = try staged.previewImport(text), b = try fromCache.previewImport(text)
        // Line 1 is the header; the unknown name is on line 13, after row 10 (line 12).
        #expect(a.problems.map(\.line) == [13, count - 5 + 3, count + 3])
        #expect(a.problems.first?.reason.contains("nowhere.org") == true)
        #expect(a.problems.dropFirst().first?.reason.contains("price 'abc'") == true)
        #expect(a.problems.last?.reason.contains("'p0.org' is on line 2 already") == true)
        let tallies = Dictionary(a.tallies.map { ($0.field, $0) }, uniquingKeysWith: { x, _ in x })
        // Listed at 7.00 already: every fourth row; the bad row changes nothing.
        #expect(tallies["sale listing"]?.same == count / 4 + (count % 4 == 0 ? 0 : 1))
        #expect(tallies["sale listing"]?.change == count - (count / 4 + (count % 4 == 0 ? 0 : 1)) - 1)
        #expect(tallies["note"]?.same == (0..<count).filter { $0 % 3 == 0 && $0 != count - 5 }.count)
        #expect(a.tallies == b.tallies && a.problems == b.problems)
        let summaryA = try staged.queueImport(a, label: "big.csv")
        let summaryB = try fromCache.queue(b.edits, origin: .import, label: "big.csv")
        #expect(summaryA == summaryB && summaryA.added == a.changeCount)
        let (intentsA, operationsA) = try QueueSetBasedTests.snapshot(staged.store)
        let (intentsB, operationsB) = try QueueSetBasedTests.snapshot(fromCache.store)
        #expect(intentsA == intentsB)
        #expect(operationsA == operationsB)
    }

    @Test("each import column has its own cell slot, in the order of allCases")
    func cellSlots() {
        #expect(ImportColumn.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal })
        var cells = ImportCells()
        for column in ImportColumn.allCases { cells[column] = column.rawValue }
        #expect(ImportColumn.allCases.allSatisfy { cells[$0] == $0.rawValue })
    }
}
