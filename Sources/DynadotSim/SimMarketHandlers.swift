import DynadotAPI
import Foundation

/// Marketplace commands: listing your domains, the public catalogue, buying.
enum SimMarketHandlers {
    static let entries: [String: SimCommandEntry] = [
        "set_for_sale": SimCommandEntry(responseName: "SetForSaleResponse", domainLimit: .one, handler: setForSale),
        "get_listings": SimCommandEntry(responseName: "GetListingsResponse", domainLimit: nil, handler: getListings),
        // The provider misspells this envelope.
        "get_listing_item": SimCommandEntry(responseName: "GetListingsItemResponse", domainLimit: .one, handler: getListingItem),
        "buy_it_now": SimCommandEntry(responseName: "BuyItNowResponse", domainLimit: .one, handler: buyItNow),
    ]

    static func listingJSON(id: String, domain: String, cents: Int) -> JSONValue {
        .object([
            "ListingId": .string(id), "Domain": .string(domain), "Price": .string(SimMoney.plain(cents)),
            "InboundLinks": .string("0"), "Age": .string("0"), "PendingSaleLocked": .string("No"),
        ])
    }

    /// Own listings get an id derived from the name, stable across runs.
    static func ownListingId(_ name: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return String(hash % 900_000_000 + 100_000_000)
    }

    /// The public catalogue: other sellers' listings plus this account's.
    static func catalogue(_ account: SimAccount) -> [JSONValue] {
        var list = account.listings.map { listingJSON(id: String($0.id), domain: $0.domain, cents: $0.priceCents) }
        for domain in account.domains {
            if let cents = domain.salePriceCents { list.append(listingJSON(id: ownListingId(domain.name), domain: domain.name, cents: cents)) }
        }
        return list
    }

    static func setForSale(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try account.resolve(request)[0]
        let type = try request.required("for_sale_type")
        switch type {
        case "marketplace":
            let listing = request["listing_type"] ?? "buy_now"
            guard ["buy_now", "make_offer", "buy_now_and_make_offer"].contains(listing) else {
                throw SimRefusal(message: "invalid listing_type \(listing)")
            }
            let text = try request.required("price")
            guard let cents = SimMoney.cents(text), cents > 0 else { throw SimRefusal(message: "invalid price \(text)") }
            account.domains[index].salePriceCents = cents
        case "not_for_sale":
            account.domains[index].salePriceCents = nil
        default:
            throw SimRefusal(message: "invalid for_sale_type \(type): use marketplace or not_for_sale")
        }
        // The reference's own quirky shape: a key with a trailing ": " and a capitalised status.
        let body = JSONValue.object(["SetForSaleResponse": .object(["ResponseCode: ": .string("0"), "Status": .string("Success")])])
        return SimAnswer(body: Array(body.serialized().utf8), outcome: "success", applied: true)
    }

    static func getListings(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        request.ok(["Listing": .array(catalogue(account))])
    }

    static func getListingItem(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let name = request.domainNames[0]
        if let own = account.domain(named: name), let cents = own.salePriceCents {
            return request.ok(["Listing": listingJSON(id: ownListingId(name), domain: name, cents: cents)])
        }
        guard let listing = account.listings.first(where: { $0.domain == name }) else {
            throw SimRefusal(message: "domain \(name) is not listed for sale")
        }
        return request.ok(["Listing": listingJSON(id: String(listing.id), domain: name, cents: listing.priceCents)])
    }

    static func buyItNow(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let name = request.domainNames[0]
        guard account.domainIndex[name] == nil else { throw SimRefusal(message: "domain \(name) is already in your account") }
        guard let at = account.listings.firstIndex(where: { $0.domain == name }) else {
            throw SimRefusal(message: "domain \(name) is not listed for sale")
        }
        let listing = account.listings[at]
        guard account.balanceCents >= listing.priceCents else {
            throw SimRefusal(status: "insufficient_funds", message: "not enough account balance", code: .number(-1))
        }
        account.balanceCents -= listing.priceCents
        account.listings.remove(at: at)
        let owner = account.contacts.first?.id ?? 0
        account.add(SimDomain(
            name: name, expirationMs: SimCalendar.adding(years: 1, to: request.nowMs), registrationMs: request.nowMs - 2 * PortfolioGenerator.yearMs,
            nameServers: .parking(withAds: true), contacts: [owner, owner, owner, owner], locked: true, privacy: "full",
            salePriceCents: nil, renewOption: .none, note: "", folderId: -1, renewals: 1, emailForward: nil
        ))
        _ = account.addOrder(at: request.nowMs, items: [SimOrderItem(type: "Domain Purchase", domain: name, years: 1, costCents: listing.priceCents)])
        return request.ok(["Message": .string("domain order created")], applied: true)
    }
}
