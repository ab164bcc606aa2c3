/// A WHOIS contact (`contact_list`).
public struct ContactRow: Sendable, Hashable {
    public var id: String
    public var name: String
    public var organization: String
    public var email: String
    public var phone: String
    /// Address lines.
    public var address: [String]
    public var city: String
    public var state: String
    public var zip: String
    public var country: String
    public var extraJSON: String?

    public init(id: String, name: String = "", organization: String = "", email: String = "", phone: String = "",
                address: [String] = [], city: String = "", state: String = "", zip: String = "",
                country: String = "", extraJSON: String? = nil) {
        self.id = id; self.name = name; self.organization = organization; self.email = email
        self.phone = phone; self.address = address; self.city = city; self.state = state
        self.zip = zip; self.country = country; self.extraJSON = extraJSON
    }
}

/// A domain folder (`folder_list`).
public struct FolderRow: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Folder settings the panes do not show yet.
    public var extraJSON: String?

    public init(id: String, name: String, extraJSON: String? = nil) {
        self.id = id; self.name = name; self.extraJSON = extraJSON
    }
}

/// A name server registered under one of the account's domains (`server_list`).
public struct RegisteredNameServerRow: Sendable, Hashable {
    public var serverID: String
    public var host: String
    public var ips: [String]

    public init(serverID: String, host: String, ips: [String]) {
        self.serverID = serverID; self.host = host; self.ips = ips
    }
}

/// One line of an order.
public struct OrderItemRow: Sendable, Hashable {
    public var itemType: String
    public var domain: String
    public var duration: Int?
    public var costCents: Int64?
    public var status: String

    public init(itemType: String, domain: String = "", duration: Int? = nil, costCents: Int64? = nil, status: String = "") {
        self.itemType = itemType; self.domain = domain; self.duration = duration
        self.costCents = costCents; self.status = status
    }
}

/// An order (`order_list`) with its items.
public struct OrderRow: Sendable, Hashable {
    public var id: String
    public var submittedMs: Int64?
    public var currency: String
    public var paymentMethod: String
    public var totalCostCents: Int64?
    public var totalPaidCents: Int64?
    public var status: String
    public var items: [OrderItemRow]
    public var extraJSON: String?

    public init(id: String, submittedMs: Int64? = nil, currency: String = "", paymentMethod: String = "",
                totalCostCents: Int64? = nil, totalPaidCents: Int64? = nil, status: String = "",
                items: [OrderItemRow] = [], extraJSON: String? = nil) {
        self.id = id; self.submittedMs = submittedMs; self.currency = currency
        self.paymentMethod = paymentMethod; self.totalCostCents = totalCostCents
        self.totalPaidCents = totalPaidCents; self.status = status; self.items = items; self.extraJSON = extraJSON
    }
}

/// A marketplace listing (`get_listings`: the provider's public catalogue).
public struct MarketplaceListingRow: Sendable, Hashable {
    public var listingID: String
    public var domain: String
    public var priceCents: Int64?
    public var currency: String
    public var inboundLinks: Int?
    public var age: Int?
    public var pendingSaleLocked: Bool

    public init(listingID: String, domain: String, priceCents: Int64? = nil, currency: String = "",
                inboundLinks: Int? = nil, age: Int? = nil, pendingSaleLocked: Bool = false) {
        self.listingID = listingID; self.domain = domain; self.priceCents = priceCents
        self.currency = currency; self.inboundLinks = inboundLinks; self.age = age
        self.pendingSaleLocked = pendingSaleLocked
    }
}

/// Prices of one TLD in the account's currency (`tld_price`).
public struct TLDPriceRow: Sendable, Hashable {
    /// Lower case, no dot.
    public var tld: String
    public var registerCents: Int64?
    public var renewCents: Int64?
    public var transferCents: Int64?
    public var restoreCents: Int64?
    public var currency: String
    public var fetchedAtMs: Int64

    public init(tld: String, registerCents: Int64? = nil, renewCents: Int64? = nil, transferCents: Int64? = nil,
                restoreCents: Int64? = nil, currency: String = "USD", fetchedAtMs: Int64) {
        self.tld = tld.lowercased().drop { $0 == "." }.description
        self.registerCents = registerCents; self.renewCents = renewCents; self.transferCents = transferCents
        self.restoreCents = restoreCents; self.currency = currency; self.fetchedAtMs = fetchedAtMs
    }
}

/// The account (`account_info`, `get_account_balance`).
public struct AccountRow: Sendable, Hashable {
    public var username: String
    /// Price level: regular, bulk, super, …
    public var tier: String
    public var balanceCents: Int64?
    public var currency: String
    public var extraJSON: String?
    public var fetchedAtMs: Int64

    public init(username: String, tier: String = "", balanceCents: Int64? = nil, currency: String = "USD",
                extraJSON: String? = nil, fetchedAtMs: Int64) {
        self.username = username; self.tier = tier; self.balanceCents = balanceCents
        self.currency = currency; self.extraJSON = extraJSON; self.fetchedAtMs = fetchedAtMs
    }
}
