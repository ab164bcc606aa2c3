import Foundation
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// `DomainListing.ingest(pages:)`: several pages in one transaction, written
/// in name order.
@Suite("Domain listing, several pages at once")
struct DomainListingPagesTests {
    @Test("a name listed on two pages is stored once, with its later listing")
    func repeatedNameKeepsTheLaterListing() throws {
        let store = try makeStore()
        let listing = DomainListing(store: store, startedMs: testNow)
        var early = DomainRow(name: "twice.com", note: "first page")
        early.locked = false
        var late = early
        late.note = "second page"
        late.locked = true
        let changed = try listing.ingest(pages: [[early, DomainRow(name: "zeta.com")], [DomainRow(name: "alpha.com"), late]])
        #expect(changed == 3)
        #expect(listing.seenCount == 3)
        let stored = try #require(try store.domain(named: "twice.com"))
        #expect(stored.note == "second page")
        #expect(stored.locked)
        #expect(try store.count() == 3)
    }

    @Test("the same pages again change no row")
    func samePagesAgainChangeNothing() throws {
        let store = try makeStore()
        let rows = generatedDomains(300)
        let pages = [Array(rows[0..<100]), Array(rows[100..<200]), Array(rows[200..<300])]
        #expect(try DomainListing(store: store, startedMs: testNow).ingest(pages: pages) == 300)
        let second = DomainListing(store: store, startedMs: testNow + 1_000)
        #expect(try second.ingest(pages: pages.reversed()) == 0)
        #expect(try second.finishComplete() == 0)
        #expect(try store.domain(named: rows[0].name)?.syncedAtMs == testNow)
    }
}
