import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// A fetch a pane asks for: it runs in a background Task through the sync
/// engine (never an API call from the UI) and lands in the cache.
public enum BackgroundJob: Sendable, Hashable {
    /// `get_listing_item` for these of your domains for sale.
    case listingPrices([String])
    /// `get_listings`: the marketplace catalogue.
    case marketplace
    /// `get_order_status` for one order.
    case orderStatus(String)

    /// What the footer says while it runs.
    var startText: String {
        switch self {
        case .listingPrices(let names): return "fetching the prices of \(names.count) listing\(names.count == 1 ? "" : "s")…"
        case .marketplace: return "fetching the marketplace catalogue…"
        case .orderStatus(let id): return "fetching the status of order \(id)…"
        }
    }
}

/// A WHOIS role a contact can be assigned to.
public enum ContactRole: String, Sendable, Hashable, CaseIterable {
    case registrant, admin, technical, billing

    /// Roles from text such as `ratb`, `r a`, or `registrant,billing`; nil
    /// when a word names no role.
    public static func parse(_ text: String) -> [ContactRole]? {
        let words = text.lowercased().split { $0 == " " || $0 == "," }
        var roles: Set<ContactRole> = []
        for word in words {
            if let role = ContactRole(rawValue: String(word)) {
                roles.insert(role)
                continue
            }
            for letter in word {
                guard let role = allCases.first(where: { $0.rawValue.first == letter }) else { return nil }
                roles.insert(role)
            }
        }
        return allCases.filter(roles.contains)
    }
}

extension PortfolioApp {
    /// Starts `job` in a background Task; its completion is absorbed by the
    /// loop like a sync's.
    func start(_ job: BackgroundJob) {
        let work = self.work
        let engine = environment.engine
        work.beginJob()
        state.message = StatusMessage(job.startText)
        Task.detached {
            do {
                let text: String
                switch job {
                case .listingPrices(let names):
                    let updated = try await engine.fetchListingPrices(names)
                    text = "fetched \(updated) listing price\(updated == 1 ? "" : "s")"
                case .marketplace:
                    let count = try await engine.pullMarketplace()
                    text = "fetched \(count) marketplace listing\(count == 1 ? "" : "s")"
                case .orderStatus(let id):
                    let result = try await engine.fetchOrderStatus(orderID: id)
                    text = "order \(id): \(result.orderStatus ?? "no status")"
                }
                work.finish(.job(job, .success(text)))
            } catch {
                work.finish(.job(job, .failure(error)))
            }
        }
    }

    /// Fetches what the pane just drawn lacks (the Listings pane's visible
    /// prices), once per listing, when an account is configured.
    func startAutoFetches() {
        guard environment.hasAccount, let listings = pane as? ListingsPane, let job = listings.takeAutoFetch() else { return }
        start(job)
    }

    func finishJob(_ job: BackgroundJob, _ result: Result<String, any Error>) {
        switch result {
        case .success(let text):
            state.offline = false
            state.message = StatusMessage(text)
        case .failure(let error):
            if case SyncError.offline = error { state.offline = true }
            state.message = StatusMessage(error: error)
        }
    }

    /// Queues what a pane's confirmation dialog was opened for.
    func confirmedPaneAction(_ action: ConfirmedAction) {
        do {
            switch action {
            case .purchase(let domain, let price):
                let summary = try environment.engine.queuePurchase(domain: domain, origin: .tui, maxCostCents: price)
                state.message = StatusMessage(summary.added > 0
                    ? "queued buying \(domain) for $\(Cents.format(cents: price)) — 7 to push"
                    : "\(domain) is already queued")
            case .assignContact(let id, let roles, let names):
                let edit = Edit.contacts(registrant: roles.contains(.registrant) ? id : nil, admin: roles.contains(.admin) ? id : nil,
                                         technical: roles.contains(.technical) ? id : nil, billing: roles.contains(.billing) ? id : nil)
                let summary = try environment.engine.queue(edit, domains: names, origin: .tui)
                var text = "queued contact \(id) on \(summary.added) domain\(summary.added == 1 ? "" : "s")"
                if summary.unchanged > 0 { text += ", \(summary.unchanged) already use it" }
                state.message = StatusMessage(text + " — 7 to push")
            default:
                return
            }
        } catch {
            state.message = StatusMessage(error: error)
        }
        refreshAll()
    }
}
