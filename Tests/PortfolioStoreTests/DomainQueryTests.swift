import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// Six hand-made domains with the pinned now 2026-06-15.
func querySample() throws -> PortfolioDatabase {
    let store = try makeStore()
    var rows: [DomainRow] = []
    rows.append(DomainRow(name: "alpha.com", expiresMs: ms("2026-06-20"), nsType: .nameservers,
                          nameservers: ["kim.ns.cloudflare.com", "lee.ns.cloudflare.com"], locked: true,
                          privacy: .full, forSale: true, renewOption: .auto, folderName: "Sale"))
    rows.append(DomainRow(name: "beta.net", expiresMs: ms("2026-08-01"), nsType: .dynadotDNS, renewOption: .donot))
    rows.append(DomainRow(name: "xn--mnchen-3ya.de", nameUnicode: "münchen.de", expiresMs: ms("2027-01-10"),
                          nsType: .parking, locked: true, privacy: .partial, folderName: "For Sale"))
    rows.append(DomainRow(name: "gamma-shop.com", expiresMs: ms("2027-02-28"), nsType: .nameservers,
                          nameservers: ["ns1.example.org"], forSale: true, renewOption: .auto, folderName: "sale"))
    rows.append(DomainRow(name: "old.org", expiresMs: ms("2026-06-01"), nsType: .forwarding, locked: true,
                          privacy: .full, renewOption: .donot))
    rows.append(DomainRow(name: "noexp.io"))
    try store.upsertDomains(rows, syncedAtMs: testNow)
    return store
}

@Suite("Domain queries")
struct DomainQueryTests {
    func names(_ store: PortfolioDatabase, _ text: String) throws -> [String] {
        try store.names(matching: PortfolioQuery(parsing: text))
    }

    @Test("free words match ASCII and Unicode names as substrings, case-insensitively")
    func freeWords() throws {
        let store = try querySample()
        #expect(try names(store, "") == ["alpha.com", "beta.net", "gamma-shop.com", "noexp.io", "old.org", "xn--mnchen-3ya.de"])
        #expect(try names(store, "SHOP") == ["gamma-shop.com"])
        #expect(try names(store, "münchen") == ["xn--mnchen-3ya.de"])
        #expect(try names(store, "xn--") == ["xn--mnchen-3ya.de"])
        #expect(try names(store, "a -alpha -gamma") == ["beta.net", "xn--mnchen-3ya.de"])
        #expect(try names(store, "_").isEmpty)
        #expect(try names(store, "%").isEmpty)
    }

    @Test("tld, folder, renew, lock, privacy, ns and sale filter, and negate")
    func keyFilters() throws {
        let store = try querySample()
        #expect(try names(store, "tld:com") == ["alpha.com", "gamma-shop.com"])
        #expect(try names(store, "tld:.COM") == ["alpha.com", "gamma-shop.com"])
        #expect(try names(store, "-tld:com") == ["beta.net", "noexp.io", "old.org", "xn--mnchen-3ya.de"])
        #expect(try names(store, "folder:SALE") == ["alpha.com", "gamma-shop.com"])
        #expect(try names(store, #"folder:"For Sale""#) == ["xn--mnchen-3ya.de"])
        #expect(try names(store, #"folder:"""#) == ["beta.net", "noexp.io", "old.org"])
        #expect(try names(store, "renew:auto") == ["alpha.com", "gamma-shop.com"])
        #expect(try names(store, "renew:none") == ["noexp.io", "xn--mnchen-3ya.de"])
        #expect(try names(store, "lock:yes") == ["alpha.com", "old.org", "xn--mnchen-3ya.de"])
        #expect(try names(store, "lock:no") == ["beta.net", "gamma-shop.com", "noexp.io"])
        #expect(try names(store, "-lock:no") == ["alpha.com", "old.org", "xn--mnchen-3ya.de"])
        #expect(try names(store, "privacy:full") == ["alpha.com", "old.org"])
        #expect(try names(store, "privacy:partial") == ["xn--mnchen-3ya.de"])
        #expect(try names(store, "ns:cloudflare") == ["alpha.com"])
        #expect(try names(store, "ns:EXAMPLE.org") == ["gamma-shop.com"])
        #expect(try names(store, "ns:parking") == ["xn--mnchen-3ya.de"])
        #expect(try names(store, "sale:yes") == ["alpha.com", "gamma-shop.com"])
        #expect(try names(store, "tld:com sale:yes -lock:yes") == ["gamma-shop.com"])
    }

    @Test("exp: relative ages use the injected now; calendar periods and ranges are UTC")
    func expiryFilters() throws {
        let store = try querySample()
        #expect(try names(store, "exp:<30d") == ["alpha.com", "old.org"])
        #expect(try names(store, "-exp:<30d") == ["beta.net", "gamma-shop.com", "noexp.io", "xn--mnchen-3ya.de"])
        #expect(try names(store, "exp:<=90d") == ["alpha.com", "beta.net", "old.org"])
        #expect(try names(store, "exp:>6m") == ["gamma-shop.com", "xn--mnchen-3ya.de"])
        #expect(try names(store, "exp:>1y").isEmpty)
        #expect(try names(store, "exp:overdue") == ["old.org"])
        #expect(try names(store, "exp:2027-01") == ["xn--mnchen-3ya.de"])
        #expect(try names(store, "exp:2027-01..2027-02") == ["gamma-shop.com", "xn--mnchen-3ya.de"])
        #expect(try names(store, "exp:2026") == ["alpha.com", "beta.net", "old.org"])
        #expect(try names(store, "exp:2026-06-20") == ["alpha.com"])
        #expect(try names(store, "exp:<2027-01") == ["alpha.com", "beta.net", "old.org"])
        #expect(try names(store, "exp:<=2027-01") == ["alpha.com", "beta.net", "old.org", "xn--mnchen-3ya.de"])
        #expect(try names(store, "exp:>2027-01") == ["gamma-shop.com"])
        #expect(try names(store, "exp:>=2027-01") == ["gamma-shop.com", "xn--mnchen-3ya.de"])

        // The same query a month later sees other domains: now is injected.
        let later = try makeStore(now: ms("2026-07-20"))
        try later.upsertDomains(try querySample().rows(), syncedAtMs: testNow)
        #expect(try later.names(matching: PortfolioQuery(parsing: "exp:<30d")) == ["alpha.com", "beta.net", "old.org"])
    }

    @Test("pending and failed follow the outbox; gone rows appear only when asked for")
    func outboxAndGoneFilters() throws {
        let store = try querySample()
        let added = try store.enqueue(intents: [
            NewIntent(domain: "beta.net", field: "renew", value: #""auto""#, baseValue: #""donot""#),
            NewIntent(domain: "old.org", field: "note", value: #""x""#, baseValue: #""""#),
        ]).added
        try store.failIntents(ids: [added[1]], message: "refused")
        #expect(try names(store, "pending:yes") == ["beta.net"])
        #expect(try names(store, "failed:yes") == ["old.org"])
        #expect(try store.count(matching: PortfolioQuery(parsing: "pending:no")) == 5)
        #expect(try store.count(matching: PortfolioQuery(parsing: "-failed:yes")) == 5)

        try store.markGone(notIn: ["alpha.com", "beta.net", "gamma-shop.com", "old.org", "xn--mnchen-3ya.de"], atMs: testNow)
        #expect(try store.count() == 5)
        #expect(try names(store, "gone:yes") == ["noexp.io"])
        #expect(try store.count(matching: PortfolioQuery(parsing: "gone:no")) == 5)
        #expect(try store.count(matching: PortfolioQuery(parsing: "-gone:yes")) == 5)
        #expect(try names(store, "noexp").isEmpty)
        #expect(try names(store, "noexp gone:yes") == ["noexp.io"])
        #expect(try store.domain(named: "noexp.io")?.gone == true)
    }

    @Test("sorting by each field, both directions, with name as tie-break and NULL expiry first")
    func sorting() throws {
        let store = try querySample()
        #expect(try store.names(sort: DomainSort(.expires)) ==
                ["noexp.io", "old.org", "alpha.com", "beta.net", "xn--mnchen-3ya.de", "gamma-shop.com"])
        #expect(try store.names(sort: DomainSort(.expires, descending: true)) ==
                ["gamma-shop.com", "xn--mnchen-3ya.de", "beta.net", "alpha.com", "old.org", "noexp.io"])
        #expect(try store.names(sort: DomainSort(.tld)) ==
                ["alpha.com", "gamma-shop.com", "xn--mnchen-3ya.de", "noexp.io", "beta.net", "old.org"])
        #expect(try store.names(sort: DomainSort(.name, descending: true)).first == "xn--mnchen-3ya.de")
        #expect(try store.names(sort: DomainSort(.folder)) ==
                ["beta.net", "noexp.io", "old.org", "xn--mnchen-3ya.de", "alpha.com", "gamma-shop.com"])
        #expect(try store.names(sort: DomainSort(.lock, descending: true)).prefix(3) ==
                ["xn--mnchen-3ya.de", "old.org", "alpha.com"])
        for field in DomainSort.Field.allCases {
            for descending in [false, true] {
                let sort = DomainSort(field, descending: descending)
                let all = try store.names(sort: sort)
                #expect(all.count == 6)
                // index(of:) agrees with the order for every row.
                for (position, name) in all.enumerated() {
                    #expect(try store.index(of: name, sort: sort) == position, "\(field) \(descending) \(name)")
                }
            }
        }
    }

    @Test("counts and windows come from SQL")
    func countsAndWindows() throws {
        let store = try makeStore()
        try store.upsertDomains(generatedDomains(1_000), syncedAtMs: testNow)
        #expect(try store.count() == 1_000)
        #expect(try store.count(matching: PortfolioQuery(parsing: "tld:com")) == 200)
        let window = try store.rows(matching: PortfolioQuery(parsing: "tld:com"), sort: DomainSort(.expires), limit: 25, offset: 50)
        let all = try store.rows(matching: PortfolioQuery(parsing: "tld:com"), sort: DomainSort(.expires))
        #expect(window == Array(all[50..<75]))
        #expect(try store.names(limit: 3, offset: 998) == Array(try store.names().suffix(2)))
        #expect(try store.domains(named: ["domain-3.io", "DOMAIN-1.NET", "missing.com"]).map(\.name) == ["domain-1.net", "domain-3.io"])
        #expect(try store.index(of: "domain-1.net", matching: PortfolioQuery(parsing: "tld:com")) == nil)
    }

    @Test("window() gives the total and the rows, by either plan for free words")
    func windows() throws {
        let store = try makeStore()
        let rows = generatedDomains(6_000)
        try store.upsertDomains(rows, syncedAtMs: testNow)
        try store.optimize()
        let byExpiry: (DomainRow, DomainRow) -> Bool = {
            ($0.expiresMs!, $0.name) < ($1.expiresMs!, $1.name)
        }
        // "domain-1" matches 1,111 rows (the rowid plan); "domain" all 6,000 (the index walk).
        for word in ["domain-1", "domain", "DOMAIN-59", "nothing"] {
            let expected = rows.filter { $0.name.contains(word.lowercased()) }.sorted(by: byExpiry)
            let window = try store.window(matching: PortfolioQuery(parsing: word), sort: DomainSort(.expires), limit: 40, offset: 30)
            #expect(window.total == expected.count, "\(word)")
            #expect(window.rows.map(\.name) == expected.dropFirst(30).prefix(40).map(\.name), "\(word)")
            #expect(try store.count(matching: PortfolioQuery(parsing: word)) == expected.count)
            #expect(try store.names(matching: PortfolioQuery(parsing: word), sort: DomainSort(.expires, descending: true), limit: 5)
                    == expected.reversed().prefix(5).map(\.name), "\(word)")
        }
        let keyed = try store.window(matching: PortfolioQuery(parsing: "tld:com lock:yes"), sort: DomainSort(.name), limit: 3)
        #expect(keyed.total == 600)
        #expect(keyed.rows.map(\.name) == ["domain-0.com", "domain-10.com", "domain-100.com"])
    }

    @Test("expiry buckets count domains and price renewals by month")
    func expiryBuckets() throws {
        let store = try querySample()
        try store.upsertTLDPrices([
            TLDPriceRow(tld: "com", renewCents: 1_099, fetchedAtMs: testNow),
            TLDPriceRow(tld: ".NET", renewCents: 1_299, fetchedAtMs: testNow),
        ])
        let buckets = try store.expiryBuckets()
        #expect(buckets.map(\.label) == ["2026-06", "2026-08", "2027-01", "2027-02"])
        #expect(buckets[0] == ExpiryBucket(year: 2026, month: 6, count: 2, renewalCents: 1_099, unpricedCount: 1, autoRenewCount: 1))
        #expect(buckets[1] == ExpiryBucket(year: 2026, month: 8, count: 1, renewalCents: 1_299, unpricedCount: 0, autoRenewCount: 0))
        #expect(buckets[2].unpricedCount == 1)
        #expect(buckets[3].renewalCents == 1_099)
        #expect(try store.expiryBuckets(matching: PortfolioQuery(parsing: "tld:com")).map(\.count) == [1, 1])
    }
}
