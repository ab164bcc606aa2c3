import Foundation

/// A listing in the provider's public marketplace (`get_listings`,
/// `get_listing_item`). Not the account's own for-sale state: that is
/// `DomainRecord.isForSale`.
public struct MarketplaceListing: Sendable, Equatable {
    public var id: String?
    public var domain: String
    public var price: Money?
    public var inboundLinks: Int?
    public var age: Int?
    public var pendingSaleLocked: Bool?
    public var extra: [String: JSONValue]

    public init(id: String?, domain: String, price: Money?, inboundLinks: Int? = nil, age: Int? = nil,
                pendingSaleLocked: Bool? = nil, extra: [String: JSONValue] = [:]) {
        self.id = id
        self.domain = domain
        self.price = price
        self.inboundLinks = inboundLinks
        self.age = age
        self.pendingSaleLocked = pendingSaleLocked
        self.extra = extra
    }

    private static let known: Set<String> = ["listingid", "domain", "price", "inboundlinks", "age", "pendingsalelocked"]

    /// Reads one listing object; `nil` without a domain.
    public init?(json: JSONValue, currency: String? = nil) {
        guard case .object = json, let domain = json.first("Domain", "DomainName", "Name")?.nonEmptyText else { return nil }
        self.init(id: json["ListingId"]?.identifier, domain: domain,
                  price: json["Price"]?.money?.defaultingCurrency(to: currency),
                  inboundLinks: json.first("InboundLinks", "InBoundLinks")?.looseInt,
                  age: json["Age"]?.looseInt,
                  pendingSaleLocked: json["PendingSaleLocked"]?.bool,
                  extra: json.unknownFields(excluding: MarketplaceListing.known))
    }

    /// Decodes a `get_listing_item` answer (`Listing` object).
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let currency = checked.content["Currency"]?.nonEmptyText?.uppercased()
        guard let node = checked.firstList([["Listing"], ["ListingItem"]])?.first,
              let listing = MarketplaceListing(json: node, currency: currency) else {
            throw checked.missing("Listing.Domain")
        }
        self = listing
    }
}

/// A `get_listings` answer.
public struct MarketplaceListings: Sendable, Equatable {
    public var listings: [MarketplaceListing]

    public init(listings: [MarketplaceListing]) { self.listings = listings }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["Listing"], ["Listings", "Listing"], ["Listings"]]) else {
            throw checked.missing("Listing")
        }
        let currency = checked.content["Currency"]?.nonEmptyText?.uppercased()
        self.init(listings: items.compactMap { MarketplaceListing(json: $0, currency: currency) })
    }
}
