import Foundation
import GRDB
import Synchronization
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// The filter index and the SQL path (what `ls` runs) must agree on every
/// query: the same counts, the same names in the same order, the same
/// windows and positions.
@Suite("Filter index against SQL")
struct FilterIndexTests {
    /// A portfolio with the awkward cases: Unicode names (IDN), mixed-case
    /// Unicode, SLD zones, folders that differ only in case, no expiry,
    /// expiries on period edges, name servers, gone rows, pending, failed
    /// and conflicting intents.
    static func portfolio() -> [DomainRow] {
        var rows: [DomainRow] = []
        let tlds = ["com", "net", "org", "co.uk", "xn--p1ai", "de"]
        let folders = ["", "", "Sale", "sale", "For Sale", "Ünï", "ünï", "100%_off"]
        let edges: [Int64?] = [nil, testNow, testNow - 1, testNow + 1, ms("2027-01-01"), ms("2027-01-01") - 1,
                               ms("2027-02-01"), ms("2026-07-01"), ms("2026-06-15") + 30 * dayMs,
                               ms("2026-06-15") + 30 * dayMs + 1, ms("2027-06-15"), ms("2027-06-15") - 1, ms("2028-01-01")]
        let unicodeStems = ["bücher", "Straße", "ÜBER", "日本語", "café", "naïve"]
        for i in 0..<420 {
            let tld = tlds[i % tlds.count]
            var row: DomainRow
            if i % 7 == 3 {
                let stem = unicodeStems[i % unicodeStems.count]
                row = DomainRow(name: "xn--\(i)-stem.\(tld)", nameUnicode: "\(stem)-\(i).\(tld)", tld: tld)
            } else {
                row = DomainRow(name: "domain-\(i).\(tld)", tld: tld)
            }
            row.expiresMs = i % 3 == 0 ? edges[i % edges.count] : testNow + Int64((i * 37) % 900 - 60) * dayMs
            row.nsType = [.nameservers, .dynadotDNS, .parking, .forwarding, .other][i % 5]
            row.nameservers = row.nsType == .nameservers ? ["ns\(i % 4).example.net", "dns.Host-\(i % 3).org"] : []
            row.locked = i % 2 == 0
            row.privacy = [.full, .partial, .none][i % 3]
            row.forSale = i % 9 == 0
            row.renewOption = [.auto, .donot, .none][i % 3]
            row.folderName = folders[i % folders.count]
            row.note = ["", "Resell at AUCTION", "keep, 100%_sure", "", "bücher-Liste"][i % 5]
            let yearAgo = UTCDate.adding(-1, .year, to: testNow)
            let registeredEdges: [Int64?] = [nil, yearAgo, yearAgo - 1, yearAgo + 1, ms("2020-01-01"), ms("2021-01-01") - 1,
                                             testNow - 1, ms("2019-06-30")]
            row.registeredMs = i % 2 == 0 ? registeredEdges[(i / 2) % registeredEdges.count] : testNow - Int64((i * 53) % 4000) * dayMs
            let priceEdges: [Int64?] = [nil, 0, 10_000, 9_999, 50_000, 50_001, 100_000, 100_001, 125_050]
            row.salePriceCents = i % 3 == 1 ? priceEdges[(i / 3) % priceEdges.count] : (i % 3 == 2 ? Int64((i * 137) % 2000) * 100 : nil)
            rows.append(row)
        }
        return rows
    }

    static func makePortfolioStore() throws -> PortfolioDatabase {
        let store = try makeStore()
        try store.upsertDomains(portfolio(), syncedAtMs: testNow)
        try store.writer.write { db in
            try db.execute(sql: "UPDATE domain SET gone = 1 WHERE rowid % 13 = 5")
        }
        var intents: [NewIntent] = []
        for i in stride(from: 1, to: 420, by: 11) {
            intents.append(NewIntent(domain: "domain-\(i).\(["com", "net", "org", "co.uk", "xn--p1ai", "de"][i % 6])",
                                     field: "note", value: "\"n\(i)\"", baseValue: "\"\""))
        }
        try store.enqueue(intents: intents)
        try store.writer.write { db in
            try db.execute(sql: "UPDATE outbox_intent SET state = 'failed' WHERE id % 4 = 1")
            try db.execute(sql: "UPDATE outbox_intent SET state = 'conflict' WHERE id % 4 = 2")
            try db.execute(sql: "UPDATE outbox_intent SET state = 'inflight' WHERE id % 8 = 3")
            // `changed:` windows: done intents and remote changes at ages 0 to 39 days.
            try db.execute(sql: "UPDATE outbox_intent SET state = 'done', updated_ms = ? - (id % 5) * 3 * ? WHERE id % 8 = 0",
                           arguments: [testNow, dayMs])
            try db.execute(sql: """
                INSERT INTO history_remote (created_ms, domain, before_row, after_row)
                SELECT ? - (rowid % 40) * ?, name, NULL, NULL FROM domain WHERE rowid % 17 = 2
                """, arguments: [testNow, dayMs])
        }
        return store
    }

    /// One value per key the generator draws from; every entry is also
    /// tried alone and negated.
    static let vocabulary: [String] = [
        // free words: ASCII, case, Unicode, LIKE's own characters, empty
        "a", "dom", "DOMAIN", "-1", "1.c", "ü", "Ü", "bü", "straße", "STRASSE", "日本", "xn--", "stem", "%", "_", "\\",
        "\"\"", ".", "z", "é", "ï", "\"ain-1\"",
        "tld:com", "tld:net", "tld:co.uk", "tld:CO.UK", "tld:.de", "tld:xn--p1ai", "tld:zz", "tld:uk",
        "folder:Sale", "folder:SALE", "folder:\"For Sale\"", "folder:\"\"", "folder:Ünï", "folder:ünï", "folder:ÜNÏ",
        "folder:100%_off", "folder:100",
        "exp:<30d", "exp:<=30d", "exp:>30d", "exp:>=30d", "exp:30d", "exp:0d", "exp:<=0d", "exp:>1y", "exp:>=1y",
        "exp:<2w", "exp:6m", "exp:overdue", "exp:expired", "exp:2027", "exp:2027-01", "exp:2026-06-15", "exp:2026-06-14",
        "exp:<2027-01", "exp:<=2027-01", "exp:>2027-01", "exp:>=2027-01", "exp:2026-06..2026-07", "exp:2027-01..2027-01",
        "exp:2027-02-28", "exp:>2028", "exp:<=2026",
        "renew:auto", "renew:donot", "renew:none",
        "lock:yes", "lock:no", "privacy:full", "privacy:partial", "privacy:none", "privacy:off",
        "ns:ns1", "ns:example", "ns:EXAMPLE", "ns:dynadot", "ns:parking", "ns:host-2", "ns:.net", "ns:s",
        "ns:forward", "ns:zz",
        "sale:yes", "sale:no", "pending:yes", "pending:no", "failed:yes", "failed:no", "gone:yes", "gone:no",
        "changed:<7d", "changed:<=30d", "changed:<1d", "changed:<2w", "changed:<1y",
        // value lists, wildcards, folder:none
        "tld:com,net", "tld:co.uk,de,zz", "renew:auto,donot", "lock:yes,no", "folder:Sale,none", "exp:overdue,>1y",
        "tld:c*", "tld:*k", "tld:*o*", "folder:none", "folder:sal*", "folder:*SALE", "folder:*ï", "folder:100%*",
        "ns:ns1*", "ns:*.net", "ns:*example*", "ns:*-1.org", "ns:DNS.*", "ns:*.net,*.org",
        // notes, days left, registration, prices
        "note:resell", "note:AUCTION", "note:100%", "note:\"keep, 100\"", "note:ü", "note:_",
        "days:<45", "days:<=0", "days:>=30", "days:10..30", "days:-5..5", "days:<0", "days:0", "days:>365",
        "registered:<1y", "registered:<=1y", "registered:>1y", "registered:>=1y", "registered:>5y", "registered:2020",
        "registered:<2021-01", "registered:2019..2021", "registered:<30d",
        "sale:>500", "sale:>=500", "price:100..1000", "price:<=500", "price:0", "price:$1,000", "price:1250.50",
        "price:<100", "sale:>1,000",
        // groups inside one term
        "(tld:com OR lock:yes)", "(tld:net exp:<30d OR folder:Sale)", "(note:resell OR price:>500) renew:auto",
        "selected:yes", "selected:no",
    ]

    static func generatedQueries(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator.Seeded(seed: 14)
        var queries: [String] = ["", "-a"]
        for term in vocabulary { queries += [term, "-" + term] }
        while queries.count < count {
            var terms = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
                (Bool.random(using: &generator) && Int.random(in: 0..<3, using: &generator) == 0 ? "-" : "")
                    + vocabulary.randomElement(using: &generator)!
            }
            // Sometimes two neighbours become an OR group (negated now and then),
            // and sometimes the terms are ORed instead of ANDed.
            if terms.count >= 2, Int.random(in: 0..<3, using: &generator) == 0 {
                let i = Int.random(in: 0..<(terms.count - 1), using: &generator)
                let sign = Int.random(in: 0..<3, using: &generator) == 0 ? "-" : ""
                terms[i] = sign + "(" + terms[i] + " OR " + terms[i + 1] + ")"
                terms.remove(at: i + 1)
            }
            queries.append(terms.joined(separator: Int.random(in: 0..<4, using: &generator) == 0 ? " OR " : " "))
        }
        return queries
    }

    /// Every read of the query API, through the index and through SQL.
    static func expectSameAnswers(_ store: PortfolioDatabase, _ text: String, seed: Int) throws {
        let query = try PortfolioQuery(parsing: text)
        var generator = SystemRandomNumberGenerator.Seeded(seed: UInt64(seed))
        let sort = DomainSort(DomainSort.Field.allCases.randomElement(using: &generator)!,
                              descending: Bool.random(using: &generator))
        let offset = Int.random(in: 0..<40, using: &generator)
        func both<T: Equatable>(_ what: String, _ read: () throws -> T) throws {
            let indexed = try read()
            let sql = try store.bypassingFilterIndex(read)
            #expect(indexed == sql, "\(what) differs for '\(text)' (sort \(sort))")
        }
        try both("count") { try store.count(matching: query) }
        try both("names by name") { try store.names(matching: query) }
        try both("names sorted") { try store.names(matching: query, sort: sort) }
        try both("names window") { try store.names(matching: query, sort: sort, limit: 17, offset: offset) }
        try both("rows window") { try store.rows(matching: query, sort: sort, limit: 12, offset: offset).map(\.name) }
        try both("window") { try store.window(matching: query, sort: sort, limit: 9, offset: offset) }
        try both("window past the end") { try store.window(matching: query, sort: sort, limit: 9, offset: 10_000).total }
        let probe = try store.bypassingFilterIndex { try store.names(matching: query, sort: sort) }.randomElement(using: &generator)
        for name in [probe, "domain-3.org", "DOMAIN-4.co.uk", "missing.com"].compactMap({ $0 }) {
            try both("position of \(name)") { try store.index(of: name, matching: query, sort: sort) }
        }
    }

    @Test("300+ generated queries (every key, negation, combinations, Unicode, edge dates) give the same answers through the index and through SQL")
    func differential() throws {
        let store = try Self.makePortfolioStore()
        try store.buildFilterIndexNow()
        #expect(store.filterIndexCounts.builds == 1)
        let queries = Self.generatedQueries(count: 700)
        #expect(queries.count >= 600)
        // Every new form is in the generated set, alone and combined.
        for form in ["tld:com,net", " OR ", "(", "folder:none", "folder:sal*", "ns:*.net", "note:", "days:", "registered:",
                     "price:", "sale:>500", "selected:"] {
            #expect(queries.filter { $0.contains(form) }.count >= 3, "\(form) is rarely generated")
        }
        var matchedSome = 0
        for (seed, text) in queries.enumerated() {
            try Self.expectSameAnswers(store, text, seed: seed)
            if try store.count(matching: PortfolioQuery(parsing: text)) > 0 { matchedSome += 1 }
        }
        // The generated queries are not all empty or all full.
        #expect(matchedSome > 200 && matchedSome < queries.count - 20)
        // Again with every name-sorted window walking the whole name order
        // (the path many matches take), not sorting the matches on their own.
        store.filterIndex.state.withLock { $0.fewMatches = 0 }
        for (seed, text) in queries.enumerated() where seed % 2 == 0 {
            try Self.expectSameAnswers(store, text, seed: seed)
        }
        // Answers came from the index: it was current throughout.
        #expect(try store.withFilterIndex { _ in true } == true)
        #expect(store.filterIndexCounts.builds == 1)
    }

    @Test("a scan split across cores visits every slot exactly once, in disjoint ranges")
    func chunkedScanCoversEverySlot() {
        for count in [0, 1, FilterColumns.chunkedScanThreshold - 1, FilterColumns.chunkedScanThreshold, 1_000_003] {
            let visits = Mutex([Int](repeating: 0, count: count))
            let ranges = Mutex([Range<Int>]())
            FilterColumns.inChunks(count) { range in
                ranges.withLock { $0.append(range) }
                visits.withLock { for slot in range { $0[slot] += 1 } }
            }
            #expect(visits.withLock { $0.allSatisfy { $0 == 1 } }, "count \(count)")
            let sorted = ranges.withLock { $0 }.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
            #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound }, "count \(count): \(sorted)")
            if count >= FilterColumns.chunkedScanThreshold && ProcessInfo.processInfo.activeProcessorCount > 1 {
                #expect(sorted.count > 1, "count \(count) was not split")
            }
        }
    }

    @Test("edits, pulls, deletions and outbox changes patch the index in place, and it still agrees with SQL")
    func patchedIndexAgrees() throws {
        let store = try Self.makePortfolioStore()
        try store.buildFilterIndexNow()
        let queries = Self.generatedQueries(count: 320).enumerated().filter { $0.offset % 4 == 0 }
        func check() throws {
            for (seed, text) in queries { try Self.expectSameAnswers(store, text, seed: seed) }
        }
        // A pull page: changed keys, a renamed Unicode form, new rows (one of
        // them sorting first), a returning gone row.
        var page = Array(Self.portfolio()[0..<30])
        for i in page.indices {
            page[i].folderName = i % 2 == 0 ? "Moved" : "sale"
            page[i].expiresMs = i % 3 == 0 ? nil : ms("2027-01-01") + Int64(i)
            page[i].nameservers = ["NS\(i).Changed.example"]
            page[i].nsType = .nameservers
            page[i].renewOption = .auto
        }
        page += [DomainRow(name: "aaa-new.com", nameUnicode: "äaa-new.com"), DomainRow(name: "zzz-new.net")]
        try store.upsertDomains(page, syncedAtMs: testNow + 1)
        try check()
        // An edit queued, a push's outcome, a deletion by raw SQL, a row gone.
        try store.enqueue(intents: [NewIntent(domain: "domain-2.org", field: "note", value: "\"x\"", baseValue: "\"\"")])
        try store.writer.write { db in
            try db.execute(sql: "UPDATE outbox_intent SET state = 'done' WHERE id % 5 = 0")
            try db.execute(sql: "DELETE FROM domain WHERE name IN ('domain-10.xn--p1ai', 'aaa-new.com')")
            try db.execute(sql: "UPDATE domain SET gone = 1, tld = 'com' WHERE name = 'domain-20.de'")
        }
        try check()
        // A row deleted and inserted again takes a new rowid.
        try store.writer.write { db in try db.execute(sql: "DELETE FROM domain WHERE name = 'domain-4.co.uk'") }
        try store.upsertDomains([DomainRow(name: "domain-4.co.uk", tld: "co.uk", locked: true)], syncedAtMs: testNow + 2)
        try check()
        let counts = store.filterIndexCounts
        #expect(counts.builds == 1)
        #expect(counts.patches >= 3)
    }

    @Test("an edit opening more intents than a patch re-reads leaves only the markers stale: other queries stay on the index, pending:/failed: run in SQL until the markers are read in the background")
    func staleMarkersKeepTheIndex() throws {
        let store = try Self.makePortfolioStore()
        try store.buildFilterIndexNow()
        store.filterIndex.state.withLock { $0.columns.markerPatchLimit = 5 }
        let names = try store.names(matching: .all)
        try store.enqueue(intents: names.prefix(80).map { NewIntent(domain: $0, field: "folder", value: "\"f\"", baseValue: "\"\"") })
        let markerQueries = ["pending:yes", "-pending:yes tld:com", "failed:no a", "pending:no -lock:yes"]
        // Not a rebuild: a query that does not read the markers is answered
        // by the patched index at once.
        #expect(try store.withFilterIndex(reading: PortfolioQuery(parsing: "tld:com")) { _ in true } == true)
        #expect(store.filterIndexCounts.builds == 1)
        for (seed, text) in (markerQueries + ["tld:com", "dom -lock:yes", ""]).enumerated() {
            try Self.expectSameAnswers(store, text, seed: seed)
        }
        // The background read replaces the markers (bounded wait for it).
        for _ in 0..<4000 where store.filterIndex.state.withLock({ $0.markerRefreshes == 0 }) { usleep(1000) }
        #expect(store.filterIndex.state.withLock { $0.markerRefreshes == 1 && !$0.columns.markersStale })
        #expect(try store.withFilterIndex(reading: PortfolioQuery(parsing: "pending:yes")) { _ in true } == true)
        for (seed, text) in markerQueries.enumerated() { try Self.expectSameAnswers(store, text, seed: seed) }
        #expect(store.filterIndexCounts.builds == 1)
    }

    @Test("a value the index does not model (text in expires_ms) leaves every query to SQL, with the same answers")
    func unmodelledValueFallsBackToSQL() throws {
        let store = try Self.makePortfolioStore()
        try store.writer.write { db in try db.execute(sql: "UPDATE domain SET expires_ms = 'soon' WHERE name = 'domain-1.net'") }
        try store.buildFilterIndexNow()
        #expect(store.filterIndexCounts.builds == 0)
        #expect(try store.withFilterIndex { _ in true } == nil)
        #expect(try store.count(matching: PortfolioQuery(parsing: "exp:>1y")) ==
                store.bypassingFilterIndex { try store.count(matching: PortfolioQuery(parsing: "exp:>1y")) })
    }

    @Test("a change to a row that the index did not see (patched from the change log) shows in the next answer")
    func nextAnswerSeesTheChange() throws {
        let store = try Self.makePortfolioStore()
        try store.buildFilterIndexNow()
        let query = try PortfolioQuery(parsing: "folder:Elsewhere")
        #expect(try store.count(matching: query) == 0)
        try store.writer.write { db in try db.execute(sql: "UPDATE domain SET folder_name = 'elsewhere' WHERE name = 'domain-0.com'") }
        #expect(try store.names(matching: query) == ["domain-0.com"])
        #expect(store.filterIndexCounts.patches == 1)
    }

    @Test("the new forms select what they say: lists and OR are unions, groups nest, wildcards, folder:none, note, days, registered, prices, selected")
    func newFormsSelectTheRightDomains() throws {
        let store = try Self.makePortfolioStore()
        try store.buildFilterIndexNow()
        let present = try store.rows(matching: .all)
        // Through the index, through SQL, and against a plain Swift reading of every present row.
        func check(_ text: String, _ holds: (DomainRow) -> Bool) throws {
            let query = try PortfolioQuery(parsing: text)
            let expected = present.filter(holds).map(\.name)
            #expect(!expected.isEmpty, "'\(text)' matches nothing in the fixture")
            #expect(try store.names(matching: query) == expected, "'\(text)' through the index")
            #expect(try store.bypassingFilterIndex { try store.names(matching: query) } == expected, "'\(text)' in SQL")
        }
        try check("tld:com,net") { $0.tld == "com" || $0.tld == "net" }
        try check("tld:com OR tld:net") { $0.tld == "com" || $0.tld == "net" }
        try check("(tld:com OR tld:net) lock:yes") { ($0.tld == "com" || $0.tld == "net") && $0.locked }
        try check("lock:yes tld:com OR renew:auto") { ($0.locked && $0.tld == "com") || $0.renewOption == .auto }
        try check("-(tld:com OR tld:net) privacy:full") { $0.tld != "com" && $0.tld != "net" && $0.privacy == .full }
        try check("((tld:de OR tld:org) OR (lock:yes sale:yes))") { $0.tld == "de" || $0.tld == "org" || ($0.locked && $0.forSale) }
        try check("folder:none") { $0.folderName.isEmpty }
        try check("folder:sal*") { $0.folderName.lowercased().hasPrefix("sal") }
        try check("folder:*sale") { $0.folderName.lowercased().hasSuffix("sale") }
        try check("ns:*.net") { $0.nameservers.contains { $0.lowercased().hasSuffix(".net") } }
        try check("ns:ns1*") { $0.nameservers.contains { $0.lowercased().hasPrefix("ns1") } }
        try check("note:auction") { $0.note.lowercased().contains("auction") }
        try check("note:100%") { $0.note.contains("100%") }
        try check("price:100..1000") { ($0.salePriceCents ?? -1) >= 10_000 && ($0.salePriceCents ?? -1) <= 100_000 }
        try check("sale:>500") { ($0.salePriceCents ?? -1) > 50_000 }
        try check("price:$1,250.50") { $0.salePriceCents == 125_050 }
        try check("days:<45") { $0.expiresMs.map { UTCDate.daysLeft(until: $0, from: testNow) < 45 } ?? false }
        try check("days:10..30") { $0.expiresMs.map { (10...30).contains(UTCDate.daysLeft(until: $0, from: testNow)) } ?? false }
        try check("days:-1") { $0.expiresMs.map { UTCDate.daysLeft(until: $0, from: testNow) == -1 } ?? false }
        let yearAgo = UTCDate.adding(-1, .year, to: testNow)
        try check("registered:<1y") { $0.registeredMs.map { $0 > yearAgo } ?? false }
        try check("registered:>=1y") { $0.registeredMs.map { $0 <= yearAgo } ?? false }
        try check("registered:2020") { $0.registeredMs.map { $0 >= ms("2020-01-01") && $0 < ms("2021-01-01") } ?? false }
        // selected: reads the TUI's selection; unresolved (the CLI) nothing is selected.
        let picked: Set<String> = ["domain-1.net", "domain-2.org", "xn--3-stem.co.uk", "missing.example", "we\"ird\\\u{1}.com"]
        let resolved = try PortfolioQuery(parsing: "selected:yes OR tld:de").resolvingSelection(picked)
        let expected = present.filter { picked.contains($0.name) || $0.tld == "de" }.map(\.name)
        #expect(try store.names(matching: resolved) == expected)
        #expect(try store.bypassingFilterIndex { try store.names(matching: resolved) } == expected)
        let unpicked = try PortfolioQuery(parsing: "selected:no").resolvingSelection(picked)
        #expect(try store.count(matching: unpicked) == present.count - present.filter { picked.contains($0.name) }.count)
        #expect(try store.count(matching: PortfolioQuery(parsing: "selected:yes")) == 0)
    }
}

extension SystemRandomNumberGenerator {
    /// A seeded generator (SplitMix64), so the generated queries are the same every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
