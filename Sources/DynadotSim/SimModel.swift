import Foundation

/// One DNS record as Dynadot stores it: `Value2` carries the MX distance,
/// forward type, stealth title or e-mail alias.
public struct SimDNSRecord: Sendable, Equatable {
    /// Empty for a main (apex) record.
    public var subhost: String
    /// Lower case as sent (`a`, `mx`, …); answers upper-case it.
    public var type: String
    public var value: String
    public var value2: String

    public init(subhost: String = "", type: String, value: String, value2: String = "") {
        self.subhost = subhost
        self.type = type
        self.value = value
        self.value2 = value2
    }
}

/// Where a domain points: the `NameServerSettings` of its listings.
public enum SimNameServerSetting: Sendable, Equatable {
    /// Host names; `slots` answers them as 13 padded slots instead of a list.
    case nameServers([String], slots: Bool)
    case parking(withAds: Bool)
    case dynadotDNS(ttl: Int, records: [SimDNSRecord])
    case forwarding(url: String, temporary: Bool)
    case stealth(url: String, title: String)
    case hosting(type: String)

    /// The `Type` text the provider reports.
    public var typeName: String {
        switch self {
        case .nameServers: return "Name Servers"
        case .parking: return "Dynadot Parking"
        case .dynadotDNS: return "Dynadot DNS"
        case .forwarding: return "Forwarding"
        case .stealth: return "Stealth Forwarding"
        case .hosting: return "Dynadot Hosting"
        }
    }
}

/// The three renew options with both vocabularies.
public enum SimRenewOption: String, Sendable, CaseIterable {
    case autoRenew = "auto-renew"
    case doNotRenew = "do not renew"
    case none = "no renew option"

    /// From `set_renew_option`'s `auto` / `donot` / `reset`.
    init?(requestWord: String) {
        switch requestWord.lowercased() {
        case "auto": self = .autoRenew
        case "donot": self = .doNotRenew
        case "reset": self = .none
        default: return nil
        }
    }
}

/// E-mail forwarding as `set_email_forward` sets it.
public struct SimEmailForward: Sendable, Equatable {
    /// `donot`, `mx` or `forward`.
    public var type: String
    /// `username=address` pairs, or `host=distance` pairs for `mx`.
    public var entries: [String]
}

/// One domain in the account.
public struct SimDomain: Sendable, Equatable {
    /// ASCII (punycode) name, lower case.
    public var name: String
    public var expirationMs: Int64
    public var registrationMs: Int64
    public var nameServers: SimNameServerSetting
    /// Registrant, admin, technical, billing contact ids.
    public var contacts: [Int]
    public var locked: Bool
    /// `full`, `partial` or `none`.
    public var privacy: String
    /// Marketplace price in USD cents when listed for sale.
    public var salePriceCents: Int?
    public var renewOption: SimRenewOption
    public var note: String
    /// -1 for no folder.
    public var folderId: Int
    /// Renewals since registration; a renewed domain can no longer be grace-deleted.
    public var renewals: Int
    public var emailForward: SimEmailForward?
    /// `set_dnssec` parameters as sent (key_tag…, or flags…), empty when unset.
    public var dnssec: [String: String] = [:]

    public var tld: String {
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[name.index(after: dot)...])
    }
}

/// A WHOIS contact.
public struct SimContact: Sendable, Equatable {
    public var id: Int
    public var fields: [String: String]
}

public struct SimFolder: Sendable, Equatable {
    public var id: Int
    public var name: String
    /// The folder's settings (`set_folder_*`); `…Enabled` is `enable=yes`:
    /// applied to domains moved into the folder later.
    public var nameServers: SimNameServerSetting?
    public var nameServersEnabled = false
    public var renewOption: SimRenewOption?
    public var renewEnabled = false
    /// Registrant, admin, technical, billing contact ids.
    public var whois: [Int]?
    public var whoisEnabled = false

    /// A folder; tests build accounts with these.
    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}

/// A name server host registered in the account (`server_list`, `add_ns`).
public struct SimNameServerHost: Sendable, Equatable {
    public var id: Int
    public var host: String
    public var ips: [String]
}

/// One line of an order.
public struct SimOrderItem: Sendable, Equatable {
    /// `Domain Registration`, `Domain Renewal`, `Domain Purchase`.
    public var type: String
    public var domain: String
    public var years: Int
    public var costCents: Int
}

public struct SimOrder: Sendable, Equatable {
    public var id: Int
    public var submittedMs: Int64
    public var items: [SimOrderItem]
    public var status: String
    public var totalCents: Int { items.reduce(0) { $0 + $1.costCents } }
}

/// A TLD's yearly prices in USD cents.
public struct SimTLDPrice: Sendable, Equatable {
    public var tld: String
    public var registerCents: Int
    public var renewCents: Int
    public var transferCents: Int
}

/// A marketplace listing of a domain in another account.
public struct SimListing: Sendable, Equatable {
    public var id: Int
    public var domain: String
    public var priceCents: Int
}

/// The whole account the simulator plays. Plain data: `SimState` guards it.
public struct SimAccount: Sendable {
    public var username: String
    public var tier: SimTier
    public var balanceCents: Int
    public var customerSinceMs: Int64
    public var domains: [SimDomain] = []
    /// Name → index in `domains`.
    public var domainIndex: [String: Int] = [:]
    public var contacts: [SimContact] = []
    public var folders: [SimFolder] = []
    public var nameServerHosts: [SimNameServerHost] = []
    public var orders: [SimOrder] = []
    public var listings: [SimListing] = []
    public var tldPrices: [SimTLDPrice] = []
    /// Names registered elsewhere besides the registry's rule (`availability(of:)`).
    public var takenNames: Set<String> = []
    /// Backorder requests, in the order added.
    public var backorders: [SimBackorder] = []
    /// How long after it is added a backorder is caught (milliseconds).
    public var backorderCatchMs: Int64 = 86_400_000
    /// Defaults for new domains (`set_default_*`, `account_info`).
    public var defaultNameServers: SimNameServerSetting = .parking(withAds: true)
    public var defaultWhois: [Int] = [0, 0, 0, 0]
    public var defaultRenewOption: SimRenewOption = .none
    /// Open and closed auctions (`SimAuctions.swift`), in the order opened.
    public var auctions: [SimAuction] = []
    public var nextAuctionId = 0
    /// Expired domains on closeout sale, by name.
    public var closeouts: [SimCloseout] = []
    public var nextContactId = 0
    public var nextFolderId = 0
    public var nextServerId = 0
    public var nextOrderId = 0
    public var nextListingId = 0
    /// Transfers: auth codes handed out, transfers in and away, pushes
    /// (SimTransferHandlers.swift).
    public var transfers = SimTransfers()

    public func domain(named name: String) -> SimDomain? {
        domainIndex[name.lowercased()].map { domains[$0] }
    }

    public func price(forTLD tld: String) -> SimTLDPrice? {
        tldPrices.first { $0.tld == tld.lowercased() }
    }

    mutating func add(_ domain: SimDomain) {
        domainIndex[domain.name] = domains.count
        domains.append(domain)
    }

    /// Removes a domain and re-indexes the rest (tests use it to make the
    /// provider forget a domain the cache still holds).
    public mutating func remove(domainNamed name: String) {
        guard let index = domainIndex[name] else { return }
        domains.remove(at: index)
        domainIndex.removeAll(keepingCapacity: true)
        for (i, d) in domains.enumerated() { domainIndex[d.name] = i }
    }

    mutating func addOrder(at ms: Int64, items: [SimOrderItem]) -> SimOrder {
        nextOrderId += 1
        let order = SimOrder(id: nextOrderId, submittedMs: ms, items: items, status: "Completed")
        orders.append(order)
        return order
    }
}
