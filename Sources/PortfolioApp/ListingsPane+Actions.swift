import PortfolioStore
import SyncEngine
import TerminalUI

extension Action {
    static let showListings = Action("pane-listings")
    static let listingSelect = Action("listing-select")
    static let listingPrice = Action("listing-price")
    static let listingUnlist = Action("listing-unlist")
    static let listingFetch = Action("listing-fetch")
    static let marketplaceView = Action("marketplace")
    static let marketplaceFilter = Action("marketplace-filter")
    static let buyItNow = Action("buy-it-now")
}

extension ActionScope {
    static let listings = ActionScope("listings", title: "Listings pane")
}

extension ListingsPane {
    /// The tab: its number key, its actions and their default keys.
    static let registration = PaneRegistration(
        scope: .listings, showAction: .showListings, showDescription: "Listings pane",
        actions: actions(.listings)) { ListingsPane() }

    private static func actions(_ scope: ActionScope) -> [ActionSpec] {
        [
            ActionSpec(.listingSelect, ["Space"], scope, "select / unselect the cursor listing", hint: "select"),
            ActionSpec(.listingPrice, ["$"], scope, "list or reprice the selection (price, type, minimum offer)", hint: "price"),
            ActionSpec(.listingUnlist, ["U"], scope, "unlist the selection", hint: "unlist"),
            ActionSpec(.listingFetch, ["F"], scope, "fetch prices of the visible listings, or the marketplace catalogue", hint: "fetch",
                       disabled: { $0.hasAccount ? nil : AppState.needsKey("fetching") }),
            ActionSpec(.marketplaceView, ["m"], scope, "switch between your listings and the marketplace", hint: "market"),
            ActionSpec(.marketplaceFilter, ["/"], scope, "filter the marketplace by name"),
            ActionSpec(.buyItNow, ["B"], scope, "buy the cursor marketplace domain now (spends money)", dangerous: true),
        ]
    }
}

/// The Listings pane's fetches and its purchase confirmation.
extension BackgroundJob {
    /// `get_listing_item` for the listed rows the Domains pane shows without
    /// a price: silent unless it fails, so the footer keeps what the user
    /// did (a sync's result, an edit's message).
    static func quietListingPrices(_ names: [String]) -> BackgroundJob {
        BackgroundJob { engine, _ in
            _ = try await engine.fetchListingPrices(names)
            return nil
        }
    }

    /// `get_listing_item` for these of your domains for sale.
    static func listingPrices(_ names: [String]) -> BackgroundJob {
        BackgroundJob(startMessage: "fetching the prices of \(names.count) listing\(names.count == 1 ? "" : "s")…") { engine, _ in
            let updated = try await engine.fetchListingPrices(names)
            return StatusMessage("fetched \(updated) listing price\(updated == 1 ? "" : "s")")
        }
    }

    /// `get_listings`: the marketplace catalogue.
    static var marketplace: BackgroundJob {
        BackgroundJob(startMessage: "fetching the marketplace catalogue…") { engine, _ in
            let count = try await engine.pullMarketplace()
            return StatusMessage("fetched \(count) marketplace listing\(count == 1 ? "" : "s")")
        }
    }
}

extension ListingsPane {
    /// Queues buying a marketplace domain at the price the dialog showed.
    static func purchase(domain: String, priceCents price: Int64) -> (any PaneHost) -> Void {
        { host in
            do {
                let summary = try host.environment.engine.queuePurchase(domain: domain, origin: .tui, maxCostCents: price)
                host.state.message = StatusMessage(summary.added > 0
                    ? "queued buying \(domain) for \(Cents.dollars(price)) — " + host.environment.actions.reviewHint
                    : "\(domain) is already queued")
            } catch {
                host.state.message = StatusMessage(error: error)
            }
            host.refreshAll()
        }
    }
}
