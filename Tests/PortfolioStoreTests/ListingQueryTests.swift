import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// The Listings pane reads a window of listed and queued-for-sale domains,
/// never the whole set.
@Suite("Listing queries")
struct ListingQueryTests {
    @Test("listed domains and domains with an open sale intent, by name, a window at a time")
    func windowOfListings() throws {
        let store = try querySample()
        // beta.net is not listed but has a queued listing; old.org has an open intent on another field.
        _ = try store.enqueue(intents: [NewIntent(domain: "beta.net", field: "sale", value: #"{"x":1}"#, baseValue: "null"),
                                        NewIntent(domain: "old.org", field: "note", value: #""n""#, baseValue: #""""#)])
        let counts = try store.listingCounts(queuedField: "sale")
        #expect(counts == ListingCounts(total: 3, forSale: 2, priced: 0))
        #expect(try store.listings(queuedField: "sale", limit: 10, offset: 0).map(\.name) == ["alpha.com", "beta.net", "gamma-shop.com"])
        #expect(try store.listings(queuedField: "sale", limit: 1, offset: 1).map(\.name) == ["beta.net"])
        #expect(try store.listingNames(among: ["BETA.net", "old.org", "gamma-shop.com"], queuedField: "sale") == ["beta.net", "gamma-shop.com"])
    }
}
