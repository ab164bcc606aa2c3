import Foundation
import GRDB
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

@Suite("Domain ingest")
struct DomainIngestTests {
    @Test("5,000 rows ingest, and ingesting them again changes no row")
    func reingestChangesNothing() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let store = try PortfolioDatabase(path: dir.path("cache.sqlite"), clock: { testNow })
        let rows = generatedDomains(5_000)
        var changed = 0
        for page in stride(from: 0, to: rows.count, by: 1_000) {
            changed += try store.upsertDomains(Array(rows[page..<page + 1_000]), syncedAtMs: testNow)
        }
        #expect(changed == 5_000)
        #expect(try store.count() == 5_000)

        let totalBefore = try store.writer.write { db in db.totalChangesCount }
        let again = try store.upsertDomains(rows, syncedAtMs: testNow + 1_000)
        let totalAfter = try store.writer.write { db in db.totalChangesCount }
        #expect(again == 0)
        #expect(totalAfter == totalBefore)
        #expect(try store.domain(named: "domain-1.net")?.syncedAtMs == testNow)
    }

    @Test("a changed field rewrites exactly that row and round-trips every column")
    func changedRowIsRewritten() throws {
        let store = try makeStore()
        var rows = generatedDomains(50)
        try store.upsertDomains(rows, syncedAtMs: testNow)
        rows[7].nameservers = ["a.ns.cloudflare.com", "b.ns.cloudflare.com"]
        rows[7].nsType = .nameservers
        rows[7].salePriceCents = 12_345
        rows[7].extraJSON = #"{"x":1}"#
        #expect(try store.upsertDomains(rows, syncedAtMs: testNow + 5) == 1)
        var expected = rows[7]
        expected.syncedAtMs = testNow + 5
        #expect(try store.domain(named: rows[7].name) == expected)
        #expect(try store.domain(named: rows[8].name)?.syncedAtMs == testNow)
    }

    @Test("gone is marked only after a complete listing, and cleared when the domain returns")
    func goneAfterCompleteListing() throws {
        let store = try makeStore()
        let rows = generatedDomains(30)
        let first = DomainListing(store: store, startedMs: testNow)
        try first.ingest(rows)
        #expect(try first.finishComplete() == 0)

        // A partial pass (interrupted after one page) marks nothing.
        let partial = DomainListing(store: store, startedMs: testNow + 1)
        try partial.ingest(Array(rows[0..<10]))
        #expect(try store.count(matching: PortfolioQuery(parsing: "gone:yes")) == 0)

        // A complete pass without domains 20…29 marks exactly those.
        let complete = DomainListing(store: store, startedMs: testNow + 2)
        try complete.ingest(Array(rows[0..<10]))
        try complete.ingest(Array(rows[10..<20]))
        #expect(complete.seenCount == 20)
        #expect(try complete.finishComplete() == 10)
        #expect(try store.count() == 20)
        #expect(try store.count(matching: PortfolioQuery(parsing: "gone:yes")) == 10)
        #expect(try store.domain(named: rows[25].name)?.gone == true)

        let back = DomainListing(store: store, startedMs: testNow + 3)
        #expect(try back.ingest([rows[25]]) == 1)
        #expect(try store.domain(named: rows[25].name)?.gone == false)
    }

    @Test("a listing of unchanged rows writes nothing: no remote event, no change-feed step; a changed field still records one")
    func unchangedRowsAreSkipped() throws {
        let dir = try TempDirectory()
        defer { dir.cleanup() }
        let store = try PortfolioDatabase(path: dir.path("cache.sqlite"), clock: { testNow })
        var rows = generatedDomains(3_000)
        let remoteEvents = { try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM history_remote") ?? 0 } }
        let first = DomainListing(store: store, startedMs: testNow)
        #expect(try first.ingest(pages: [Array(rows[0..<1_000]), Array(rows[1_000...])]) == 3_000)
        #expect(try first.finishComplete() == 0)
        let events = try remoteEvents()
        let generation = try store.changeGeneration()

        let again = DomainListing(store: store, startedMs: testNow + 1_000)
        #expect(try again.ingest(pages: [rows]) == 0)
        #expect(try again.ingest(Array(rows[0..<500])) == 0)
        #expect(try remoteEvents() == events)
        #expect(try store.changeGeneration() == generation, "an unchanged listing committed a change")
        #expect(try store.domain(named: rows[42].name)?.syncedAtMs == testNow)

        // One field of one row, and one new domain: exactly those are written and recorded.
        rows[42].note = "changed remotely"
        let added = DomainRow(name: "brand-new-domain.com", expiresMs: testNow + 86_400_000, renewOption: .auto)
        let third = DomainListing(store: store, startedMs: testNow + 2_000)
        #expect(try third.ingest(pages: [rows + [added]]) == 2)
        #expect(try remoteEvents() == events + 2)
        #expect(try store.changeGeneration() != generation)
        var expected = rows[42]
        expected.syncedAtMs = testNow + 2_000
        #expect(try store.domain(named: rows[42].name) == expected)
        let after = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT after_row FROM history_remote WHERE domain = ?", arguments: [rows[42].name])
        }
        #expect(after.count == 1)
        #expect(after.first?.contains("changed remotely") == true, "\(after)")

        // NULL against a value, and a value against NULL, are changes too.
        var cleared = rows[7]
        cleared.registrantID = rows[7].registrantID == nil ? "77" : nil
        cleared.salePriceCents = rows[7].salePriceCents == nil ? 100 : nil
        #expect(try store.upsertDomains([cleared], syncedAtMs: testNow + 3_000) == 1)
        #expect(try store.domain(named: cleared.name)?.registrantID == cleared.registrantID)
        #expect(try store.upsertDomains([cleared], syncedAtMs: testNow + 4_000) == 0)
    }
}
