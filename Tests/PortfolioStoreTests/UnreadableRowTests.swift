import Foundation
import GRDB
import Testing
@testable import PortfolioStore

@Suite("Rows with values of the wrong type")
struct UnreadableRowTests {
    /// A store with a bit of everything, then one value of the wrong type
    /// per table, written with raw SQL as another tool (or a bad page) would.
    func corruptedStore() throws -> PortfolioDatabase {
        let store = try makeStore()
        try store.upsertDomains(generatedDomains(20), syncedAtMs: testNow)
        try store.replaceContacts([ContactRow(id: "c1"), ContactRow(id: "c2")], syncedAtMs: testNow)
        try store.replaceFolders([FolderRow(id: "f1", name: "Sale"), FolderRow(id: "f2", name: "Keep")], syncedAtMs: testNow)
        try store.replaceRegisteredNameServers([RegisteredNameServerRow(serverID: "s1", host: "ns1.a.com", ips: ["192.0.2.1"]),
                                                RegisteredNameServerRow(serverID: "s2", host: "ns2.a.com", ips: [])],
                                               syncedAtMs: testNow)
        try store.upsertOrders([OrderRow(id: "o1", submittedMs: testNow, items: [OrderItemRow(itemType: "renew", domain: "domain-0.com"),
                                                                                OrderItemRow(itemType: "renew", domain: "domain-1.net")]),
                                OrderRow(id: "o2", submittedMs: testNow - dayMs)], syncedAtMs: testNow)
        try store.upsertTLDPrices([TLDPriceRow(tld: "com", renewCents: 1000, fetchedAtMs: testNow),
                                   TLDPriceRow(tld: "net", renewCents: 1200, fetchedAtMs: testNow)])
        try store.saveAccount(AccountRow(username: "me", balanceCents: 5000, fetchedAtMs: testNow))
        let run = try store.beginSyncRun(kind: "domains", startedMs: testNow)
        try store.endSyncRun(id: run, pages: 1, items: 20, changed: 20, outcome: .complete, endedMs: testNow)
        try store.replaceDNSRecordSet(DNSRecordSet(domain: "domain-1.net", records: [DNSRecord(type: "A", value: "192.0.2.1"),
                                                                                  DNSRecord(type: "A", value: "192.0.2.2")],
                                                   fetchedAtMs: testNow))
        try store.replaceDNSRecordSet(DNSRecordSet(domain: "domain-2.org", records: [], fetchedAtMs: testNow))
        try store.replaceMarketplaceListings([MarketplaceListingRow(listingID: "l1", domain: "a.com"),
                                              MarketplaceListingRow(listingID: "l2", domain: "b.com")], syncedAtMs: testNow)
        try store.writer.write { db in
            try db.execute(sql: """
                UPDATE domain SET expires_ms = 'soon' WHERE name = 'domain-5.com';
                UPDATE domain SET locked = 'maybe' WHERE name = 'domain-10.com';
                UPDATE domain SET note = X'FF00' WHERE name = 'domain-15.com';
                UPDATE contact SET email = X'00' WHERE id = 'c2';
                UPDATE folder SET name = X'00' WHERE id = 'f2';
                UPDATE registered_ns SET ips = X'00' WHERE server_id = 's2';
                UPDATE "order" SET total_cost_cents = 'lots' WHERE id = 'o2';
                UPDATE order_item SET cost_cents = 'some' WHERE order_id = 'o1' AND position = 1;
                UPDATE tld_price SET renew_cents = 'cheap' WHERE tld = 'net';
                UPDATE account SET balance_cents = 'plenty';
                UPDATE sync_run SET pages = 'many';
                UPDATE dns_record SET value = X'00' WHERE domain = 'domain-1.net' AND position = 1;
                UPDATE dns_record_set SET ttl = 'long' WHERE domain = 'domain-2.org';
                UPDATE marketplace_listing SET price_cents = 'x' WHERE listing_id = 'l2';
                """)
        }
        return store
    }

    static let badDomains: Set = ["domain-5.com", "domain-10.com", "domain-15.com"]

    @Test("every domain query path skips the bad rows instead of crashing")
    func domainPaths() throws {
        let store = try corruptedStore()
        #expect(try store.count() == 20, "counting reads no values")
        let all = try store.rows()
        #expect(all.count == 17)
        #expect(Set(all.map(\.name)).isDisjoint(with: Self.badDomains))
        #expect(try store.names().count == 20)
        #expect(store.skippedRows == 3)

        let expires = try DomainSort(parsing: "expires")
        for text in ["", "domain-1", "domain-5", "tld:com", "domain tld:com", "exp:<30d", "lock:yes", "ns:example -privacy:full"] {
            let query = try PortfolioQuery(parsing: text)
            for sort in [DomainSort.byName, expires] {
                let window = try store.window(matching: query, sort: sort, limit: 60)
                #expect(Set(window.rows.map(\.name)).isDisjoint(with: Self.badDomains), "\(text)")
                _ = try store.rows(matching: query, sort: sort, limit: 5, offset: 1)
            }
        }
        #expect(try store.domain(named: "domain-5.com") == nil)
        #expect(try store.domain(named: "domain-6.net")?.name == "domain-6.net")
        #expect(try store.domains(named: ["domain-5.com", "domain-6.net", "domain-10.com"]).map(\.name) == ["domain-6.net"])
        #expect(try store.index(of: "domain-10.com") == nil)
        #expect(try store.index(of: "domain-11.net") != nil)
        #expect(try store.expiryBuckets().map(\.count).reduce(0, +) == 20)
        _ = try store.contactUsage()
        #expect(store.skippedRows == 3, "the same bad rows read again count once")
        #expect(store.skippedRowsNote == "3 cached rows could not be read and were skipped — run `dynafolio sync` to refresh the cache")
    }

    @Test("contacts, folders, name servers, orders, prices, account, sync runs, DNS and listings skip their bad rows")
    func otherTables() throws {
        let store = try corruptedStore()
        #expect(try store.contacts().map(\.id) == ["c1"])
        #expect(try store.folders().map(\.id) == ["f1"])
        #expect(try store.registeredNameServers().map(\.serverID) == ["s1"])
        let orders = try store.orders()
        #expect(orders.map(\.id) == ["o1"])
        #expect(orders.first?.items.map(\.domain) == ["domain-0.com"])
        #expect(try store.orders(matching: OrderFilter()).map(\.id) == ["o1"])
        #expect(try store.tldPrices().map(\.tld) == ["com"])
        #expect(try store.tldPrice("net") == nil)
        #expect(try store.account() == nil)
        #expect(try store.lastSyncRun(kind: "domains") == nil)
        #expect(try store.dnsRecordSet(domain: "domain-1.net")?.records.map(\.value) == ["192.0.2.1"])
        #expect(try store.dnsRecordSet(domain: "domain-2.org") == nil)
        #expect(try store.marketplaceListings().map(\.listingID) == ["l1"])
        #expect(store.skippedRows == 11)
        // What `ls --json` and the detail panel read besides rows.
        _ = try store.pendingFields(for: ["domain-5.com"])
        _ = try store.intentCounts()
    }

    @Test("integral reals and integer-valued text read as integers")
    func tolerantConversions() throws {
        let row = try DatabaseQueue().read { db in
            try Row.fetchOne(db, sql: "SELECT 3.0, '42', 'x', NULL, X'00', 7")
        }
        let columns = ColumnReader(try #require(row))
        #expect(try columns.int64(0) == 3)
        #expect(try columns.int64(1) == 42)
        #expect(throws: UnreadableValue.self) { try columns.int64(2) }
        #expect(try columns.optionalInt64(3) == nil)
        #expect(throws: UnreadableValue.self) { try columns.int64(3) }
        #expect(throws: UnreadableValue.self) { try columns.text(4) }
        #expect(try columns.text(5) == "7")
        #expect(try columns.bool(5))
    }
}
