import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

@Suite("DNS, account data and sync runs")
struct AccountDataTests {
    @Test("a DNS record set is replaced whole and keeps record order")
    func dnsReplace() throws {
        let store = try makeStore()
        #expect(try store.dnsRecordSet(domain: "alpha.com") == nil)
        let first = DNSRecordSet(domain: "Alpha.com", ttl: 300, records: [
            DNSRecord(type: "A", value: "192.0.2.1"),
            DNSRecord(subhost: "www", type: "CNAME", value: "alpha.com"),
            DNSRecord(type: "MX", value: "mx.alpha.com", value2: "10"),
        ], fetchedAtMs: testNow)
        try store.replaceDNSRecordSet(first)
        #expect(try store.dnsRecordSet(domain: "alpha.com") == first)
        let second = DNSRecordSet(domain: "alpha.com", ttl: 600, records: [DNSRecord(type: "TXT", value: "v=spf1 -all")],
                                  fetchedAtMs: testNow + 1)
        try store.replaceDNSRecordSet(second)
        #expect(try store.dnsRecordSet(domain: "alpha.com") == second)
        try store.deleteDNSRecordSet(domain: "alpha.com")
        #expect(try store.dnsRecordSet(domain: "alpha.com") == nil)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM dns_record") } == 0)
    }

    @Test("contacts, folders and name servers are replaced by each full list")
    func fullLists() throws {
        let store = try makeStore()
        let contact = ContactRow(id: "1001", name: "Ada", email: "ada@example.com", address: ["1 Main St", "Unit 2"],
                                 city: "Springfield", country: "US")
        try store.replaceContacts([contact, ContactRow(id: "1002", name: "Bob")], syncedAtMs: testNow)
        try store.replaceContacts([contact], syncedAtMs: testNow + 1)
        #expect(try store.contacts() == [contact])

        try store.replaceFolders([FolderRow(id: "2", name: "sale"), FolderRow(id: "1", name: "Archive")], syncedAtMs: testNow)
        #expect(try store.folders().map(\.name) == ["Archive", "sale"])

        let server = RegisteredNameServerRow(serverID: "7", host: "ns1.alpha.com", ips: ["192.0.2.53", "2001:db8::53"])
        try store.replaceRegisteredNameServers([server], syncedAtMs: testNow)
        #expect(try store.registeredNameServers() == [server])

        let listing = MarketplaceListingRow(listingID: "L1", domain: "Sold.com", priceCents: 5_000, currency: "USD")
        try store.replaceMarketplaceListings([listing], syncedAtMs: testNow)
        #expect(try store.marketplaceListings().first?.domain == "sold.com")
    }

    @Test("orders accumulate, an order seen again is rewritten with its items")
    func orders() throws {
        let store = try makeStore()
        let order = OrderRow(id: "123456", submittedMs: ms("2025-03-25"), currency: "USD", paymentMethod: "Account Balance",
                             totalCostCents: 800, totalPaidCents: 800, status: "Problem", items: [
                                OrderItemRow(itemType: "Domain Registration", domain: "a.com", duration: 1, costCents: 299, status: "Completed"),
                                OrderItemRow(itemType: "Domain Renewal", domain: "b.com", duration: 1, costCents: 399, status: "Completed"),
                             ])
        try store.upsertOrders([order, OrderRow(id: "1", submittedMs: ms("2024-01-02"))], syncedAtMs: testNow)
        var updated = order
        updated.status = "Completed"
        updated.items.removeLast()
        try store.upsertOrders([updated], syncedAtMs: testNow + 1)
        let cached = try store.orders()
        #expect(cached.map(\.id) == ["123456", "1"])
        #expect(cached.first == updated)
        #expect(try store.latestOrderSubmittedMs() == ms("2025-03-25"))
    }

    @Test("TLD prices and the account round-trip")
    func pricesAndAccount() throws {
        let store = try makeStore()
        try store.upsertTLDPrices([TLDPriceRow(tld: "COM", registerCents: 999, renewCents: 1_099, currency: "USD", fetchedAtMs: testNow)])
        #expect(try store.tldPrice(".com")?.renewCents == 1_099)
        #expect(try store.tldPrices().count == 1)
        #expect(try store.account() == nil)
        let account = AccountRow(username: "demo", tier: "bulk", balanceCents: 12_345, fetchedAtMs: testNow)
        try store.saveAccount(account)
        try store.saveAccount(account)
        #expect(try store.account() == account)
    }

    @Test("sync runs record outcome and the last complete one is found")
    func syncRuns() throws {
        let store = try makeStore()
        let first = try store.beginSyncRun(kind: "domains", startedMs: testNow)
        try store.endSyncRun(id: first, pages: 5, items: 5_000, changed: 5_000, outcome: .complete, endedMs: testNow + 9)
        let second = try store.beginSyncRun(kind: "domains", startedMs: testNow + 100)
        try store.endSyncRun(id: second, pages: 2, items: 2_000, changed: 0, outcome: .partial, message: "busy")
        #expect(try store.lastSyncRun(kind: "domains")?.id == second)
        let complete = try store.lastSyncRun(kind: "domains", outcome: .complete)
        #expect(complete == SyncRun(id: first, kind: "domains", startedMs: testNow, endedMs: testNow + 9, pages: 5,
                                    items: 5_000, changed: 5_000, outcome: .complete, message: ""))
        #expect(try store.lastSyncRun(kind: "contacts") == nil)
    }
}
