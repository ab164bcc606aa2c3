import Foundation
import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// `window(matching:)` takes different paths by query shape (names only,
/// substring plus other terms, few or many matches); every path must give
/// what `count` and `rows` give.
@Suite("Domain window paths")
struct DomainWindowPathTests {
    @Test("window equals count + rows for every query shape, sort and offset",
          arguments: ["domain", "-zzz", "domain-1", "-domain-1", "domain-12 domain-1", "ns:example", "ns:example tld:com",
                      "exp:<90d 7", "privacy:none -tld:com", "tld:c", "tld:com", "lock:yes", "exp:>1y", "zzz", "ns:zzz lock:no"])
    func windowMatchesCountAndRows(query text: String) throws {
        let store = try makeStore()
        try store.upsertDomains(generatedDomains(6_000), syncedAtMs: testNow)
        let query = try PortfolioQuery(parsing: text)
        for sort in [DomainSort(.name), DomainSort(.name, descending: true), DomainSort(.expires)] {
            let total = try store.count(matching: query)
            for offset in [0, 7, max(total - 3, 0), total + 10] {
                let window = try store.window(matching: query, sort: sort, limit: 25, offset: offset)
                let rows = try store.rows(matching: query, sort: sort, limit: 25, offset: offset)
                #expect(window.total == total, "\(text) \(sort) \(offset)")
                #expect(window.rows.map(\.name) == rows.map(\.name), "\(text) \(sort) \(offset)")
            }
        }
    }
}
