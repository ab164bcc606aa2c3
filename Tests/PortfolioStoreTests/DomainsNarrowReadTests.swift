import GRDB
import Testing
@testable import PortfolioStore

/// `domains(named:reading:)` (what queueing reads) must give the rows
/// `domains(named:)` gives, with the same values in the columns asked for,
/// and skip exactly the rows that read skips.
@Suite("Rows by name, only some columns")
struct DomainsNarrowReadTests {
    /// Copies one column's property from a whole row (independent of the
    /// store's own table, so the two are checked against each other).
    static let copy: [String: @Sendable (inout DomainRow, DomainRow) -> Void] = [
        "name_unicode": { $0.nameUnicode = $1.nameUnicode },
        "expires_ms": { $0.expiresMs = $1.expiresMs },
        "registered_ms": { $0.registeredMs = $1.registeredMs },
        "nameservers": { $0.nameservers = $1.nameservers },
        "with_ads": { $0.withAds = $1.withAds },
        "registrant_id": { $0.registrantID = $1.registrantID },
        "admin_id": { $0.adminID = $1.adminID },
        "technical_id": { $0.technicalID = $1.technicalID },
        "billing_id": { $0.billingID = $1.billingID },
        "locked": { $0.locked = $1.locked },
        "privacy": { $0.privacy = $1.privacy },
        "for_sale": { $0.forSale = $1.forSale },
        "sale_price_cents": { $0.salePriceCents = $1.salePriceCents },
        "sale_type": { $0.saleType = $1.saleType },
        "sale_min_offer_cents": { $0.saleMinOfferCents = $1.saleMinOfferCents },
        "renew_option": { $0.renewOption = $1.renewOption },
        "note": { $0.note = $1.note },
        "folder_id": { $0.folderID = $1.folderID },
        "folder_name": { $0.folderName = $1.folderName },
    ]

    static func projected(_ row: DomainRow, _ columns: [String]) -> DomainRow {
        var narrow = DomainRow(name: row.name, tld: row.tld, nsType: row.nsType)
        for column in columns { copy[column]?(&narrow, row) }
        return narrow
    }

    /// Generated rows, some with values of another storage type that the
    /// whole-row read converts, some it cannot read (in a column asked for
    /// or not).
    func store(count: Int) throws -> PortfolioDatabase {
        let store = try makeStore()
        var rows = generatedDomains(count)
        for i in rows.indices where i % 7 == 0 {
            rows[i].adminID = "a\(i)"
            rows[i].saleType = i % 2 == 0 ? "make_offer" : nil
            rows[i].saleMinOfferCents = i % 3 == 0 ? 500 : nil
            rows[i].withAds = true
            rows[i].folderID = "f\(i % 4)"
        }
        try store.upsertDomains(rows, syncedAtMs: testNow)
        try store.writer.write { db in
            try db.execute(sql: """
                UPDATE domain SET expires_ms = '1800000000000' WHERE name = 'domain-1.net';
                UPDATE domain SET locked = 1.0, for_sale = 0.0 WHERE name = 'domain-2.org';
                UPDATE domain SET sale_price_cents = '1234' WHERE name = 'domain-3.io';
                UPDATE domain SET synced_at_ms = 5.0 WHERE name = 'domain-4.xyz';
                UPDATE domain SET expires_ms = 'soon' WHERE name = 'domain-5.com';
                UPDATE domain SET locked = 'maybe' WHERE name = 'domain-10.com';
                UPDATE domain SET note = X'FF00' WHERE name = 'domain-15.com';
                UPDATE domain SET name_unicode = X'00' WHERE name = 'domain-20.com';
                UPDATE domain SET extra_json = X'00' WHERE name = 'domain-25.com';
                UPDATE domain SET gone = 'no' WHERE name = 'domain-30.com';
                """)
        }
        return store
    }

    static let columnSets: [[String]] = [
        [], ["ns_type", "nameservers", "with_ads"], ["renew_option"], ["privacy"], ["locked"], ["folder_name"], ["note"],
        ["for_sale", "sale_type", "sale_price_cents", "sale_min_offer_cents"],
        ["registrant_id", "admin_id", "technical_id", "billing_id"], ["expires_ms"],
        ["name_unicode", "registered_ms", "folder_id", "note", "note"],
    ]

    @Test("few names (lookups) and many (one pass): the same rows, values and skipped rows as the whole-row read")
    func matchesWholeRowRead() throws {
        for count in [60, PortfolioDatabase.scanThreshold + 200] {
            let wanted = (0..<count).map { i in i % 4 == 0 ? generatedDomain(i).name.uppercased() : generatedDomain(i).name }
                + ["missing.example"]
            for columns in Self.columnSets {
                let store = try store(count: count)
                let narrow = try store.domains(named: wanted, reading: columns).sorted { $0.name < $1.name }
                let skippedByNarrow = store.skippedRows
                let whole = try store.domains(named: wanted)
                #expect(skippedByNarrow == 6, "the unreadable rows are skipped and counted (\(columns), \(count))")
                #expect(store.skippedRows == 6, "and they are the rows the whole read skips")
                #expect(whole.count == count - 6)
                #expect(narrow == whole.map { Self.projected($0, columns) }, "\(columns), \(count) names")
            }
        }
    }

    @Test("a column name it does not know is refused")
    func unknownColumn() throws {
        let store = try makeStore()
        #expect(throws: NarrowReadError.self) { try store.domains(named: ["a.com"], reading: ["status; DROP"]) }
    }
}
