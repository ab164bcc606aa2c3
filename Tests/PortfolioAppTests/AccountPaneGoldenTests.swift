import Foundation
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI
@testable import PortfolioApp

/// Golden screens of the Listings, Contacts and Orders panes (80×24 and
/// 160×48) over the pinned fixture plus listings, orders and a marketplace.
@Suite struct AccountPaneGoldenTests {
    static let wide = Size(rows: 48, cols: 160)

    /// The fixture with more for sale, a cached marketplace and orders.
    static func fixture() throws -> AppFixture {
        let fixture = try AppFixture()
        let store = fixture.store
        let day = AppFixture.day, now = AppFixture.nowMs
        var rows = try store.domains(named: ["charlie.com", "delta.io"])
        rows[0].forSale = true
        rows[0].salePriceCents = 250_000
        rows[0].saleType = "buy_now_and_make_offer"
        rows[0].saleMinOfferCents = 100_000
        rows[1].forSale = true
        _ = try store.upsertDomains(rows, syncedAtMs: now - 5 * 60_000)
        try store.replaceMarketplaceListings([
            MarketplaceListingRow(listingID: "9001", domain: "gamma-ray.com", priceCents: 120_000, currency: "USD", inboundLinks: 12, age: 9),
            MarketplaceListingRow(listingID: "9002", domain: "hotel-lima.net", priceCents: 4_500, currency: "USD", inboundLinks: 0, age: 3),
            MarketplaceListingRow(listingID: "9003", domain: "india.io", priceCents: 89_900, currency: "USD", age: 15, pendingSaleLocked: true),
            MarketplaceListingRow(listingID: "9004", domain: "charlie.com", priceCents: 250_000, currency: "USD"),
        ], syncedAtMs: now - 60_000)
        try store.upsertOrders([
            OrderRow(id: "5001", submittedMs: now - 40 * day, currency: "USD", totalCostCents: 1099, status: "Completed",
                     items: [OrderItemRow(itemType: "Domain Renewal", domain: "alpha.com", duration: 1, costCents: 1099)]),
            OrderRow(id: "5002", submittedMs: now - 12 * day, currency: "USD", totalCostCents: 3597, status: "Completed",
                     items: [OrderItemRow(itemType: "Domain Renewal", domain: "charlie.com", duration: 2, costCents: 2198),
                             OrderItemRow(itemType: "Domain Renewal", domain: "bravo.net", duration: 1, costCents: 1299),
                             OrderItemRow(itemType: "Domain Registration", domain: "newname.org", duration: 1, costCents: 100)]),
            OrderRow(id: "5003", submittedMs: now - 2 * day, currency: "USD", totalCostCents: 49_900, status: "Processing",
                     items: [OrderItemRow(itemType: "Marketplace Purchase", domain: "kilo.com", costCents: 49_900)]),
        ], syncedAtMs: now - 60_000)
        fixture.app.refreshAll()
        return fixture
    }

    @Test func listingsShowPricesAndQueuedRepricing() throws {
        let fixture = try Self.fixture()
        var keys: [KeyEvent] = [.char("4"), .char(" "), .char("j"), .char(" "), .char("$")] + AppFixture.typed("12x")
        keys += [.tab, .ctrl("u")] + AppFixture.typed("offer") + [.enter]
        #expect(recordIfDifferent("listings-form-80", screenText(fixture.drive(keys)), AccountPaneGoldens.listingsForm80))
        let fix: [KeyEvent] = [.up, .ctrl("u")] + AppFixture.typed("120") + [.tab, .ctrl("u")] + AppFixture.typed("buy_now") + [.enter]
        #expect(recordIfDifferent("listings-80", screenText(fixture.drive(fix)), AccountPaneGoldens.listings80))
        #expect(fixture.app.state.queueSize == 2)
        #expect(fixture.app.state.selection.isEmpty)
        let open = try fixture.store.pendingFields(for: ["charlie.com", "delta.io"])
        #expect(open["charlie.com"]?.first?.value.contains("12000") == true)
        // Unlisting the cursor row (no selection) queues too.
        fixture.drive([.char("G"), .char("U")])
        #expect(try fixture.store.pendingFields(for: ["xn--bcher-kva.de"])["xn--bcher-kva.de"]?.first?.value.contains("\"listed\":false") == true)
        #expect(recordIfDifferent("listings-160", screenText(fixture.drive([], size: Self.wide)), AccountPaneGoldens.listings160))
    }

    @Test func marketplaceFiltersAndBuyAsksWithThePrice() throws {
        let fixture = try Self.fixture()
        let keys: [KeyEvent] = [.char("4"), .char("m"), .char("/")] + AppFixture.typed("a") + [.enter]
        #expect(recordIfDifferent("marketplace-160", screenText(fixture.drive(keys, size: Self.wide)), AccountPaneGoldens.marketplace160))
        // Your own listing and a locked one are refused without a dialog.
        fixture.drive([.char("B")])
        #expect(fixture.app.state.message?.text == "charlie.com is yours already")
        fixture.drive([.char("G"), .char("B")])
        #expect(fixture.app.state.message?.text == "india.io cannot be bought now (a sale is pending)")
        let buy = screenText(fixture.drive([.char("g"), .char("j"), .char("B")]))
        #expect(recordIfDifferent("marketplace-buy-80", buy, AccountPaneGoldens.marketplaceBuy80))
        fixture.drive([.char("y")])
        let intents = try fixture.store.intents(in: [.pending])
        #expect(intents.map(\.domain) == ["gamma-ray.com"])
        #expect(intents.first?.money == true)
        #expect(intents.first?.costCents == 120_000)
    }

    @Test func contactsShowUsagePerRoleAndAssignCountsCalls() throws {
        let fixture = try Self.fixture()
        #expect(recordIfDifferent("contacts-80", screenText(fixture.drive([.char("5")])), AccountPaneGoldens.contacts80))
        let keys: [KeyEvent] = [.char("1"), .char(" "), .char(" "), .char(" "), .char("5"), .char("j"), .char("A"), .ctrl("u")]
            + AppFixture.typed("r t") + [.enter]
        #expect(recordIfDifferent("contacts-assign-160", screenText(fixture.drive(keys, size: Self.wide)), AccountPaneGoldens.contactsAssign160))
        fixture.drive([.char("y")])
        let rows = try fixture.store.pendingFields(for: ["alpha.com", "bravo.net", "charlie.com"])
        #expect(rows.count == 3)
        #expect(rows["bravo.net"]?.first?.value.contains("\"registrant\":\"102\"") == true)
    }

    @Test func contactEditIsValidatedThenQueued() throws {
        let fixture = try Self.fixture()
        var keys: [KeyEvent] = [.char("5"), .char("e"), .tab, .tab, .ctrl("u")] + AppFixture.typed("ada-at-example.org")
        #expect(recordIfDifferent("contacts-edit-80", screenText(fixture.drive(keys + [.enter])), AccountPaneGoldens.contactsEdit80))
        keys = [.ctrl("u")] + AppFixture.typed("ada@example.net") + [.tab, .ctrl("u")] + AppFixture.typed("44") + [.tab]
        keys += AppFixture.typed("2079460000") + [.tab] + AppFixture.typed("1 Analytical Row") + [.tab, .tab]
        keys += AppFixture.typed("London") + [.tab, .tab] + AppFixture.typed("N1 9GU") + [.enter]
        fixture.drive(keys)
        #expect(fixture.app.state.message?.text == "queued the edit of contact 101 — press 7 (Queue) to review and push")
        let intent = try #require(try fixture.store.intents(in: [.pending]).first)
        #expect(intent.domain == "contact:101")
        #expect(intent.value.contains("ada@example.net") && intent.value.contains("London"))
    }

    @Test func ordersListAndFilterByDateAndStatus() throws {
        let fixture = try Self.fixture()
        #expect(recordIfDifferent("orders-80", screenText(fixture.drive([.char("6")])), AccountPaneGoldens.orders80))
        var keys: [KeyEvent] = [.char("/")] + AppFixture.typed("2026-10-01") + [.tab] + AppFixture.typed("2026-10-30") + [.tab]
        keys += AppFixture.typed("completed") + [.enter]
        #expect(recordIfDifferent("orders-160", screenText(fixture.drive(keys, size: Self.wide)), AccountPaneGoldens.orders160))
        fixture.drive([.char("/")] + AppFixture.typed("x") + [.enter])
        #expect(fixture.app.state.message == nil)
        let refused = screenText(fixture.drive([]))
        #expect(refused.contains("is not a date; write YYYY-MM-DD"))
        // Without an account the status refresh says why instead of calling.
        fixture.drive([.escape, .char("s")])
        #expect(fixture.app.state.message?.text == "fetching needs an API key: set DYNADOT_API_KEY or api_key in config.toml")
    }
}
