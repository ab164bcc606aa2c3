import DynadotAPI

/// What a user asks to change on a set of domains. The sync engine turns an
/// edit into one outbox intent per domain: the (domain, field) it touches, the
/// target value and the cached value it was based on.
public enum Edit: Sendable, Hashable {
    /// Use these name servers (1–13 host names).
    case nameServers([String])
    /// Dynadot parking, with or without third-party ads.
    case parking(withAds: Bool)
    /// URL forwarding; `permanent` sends a 301, else a 302.
    case forwarding(url: String, permanent: Bool)
    /// Stealth (framed) forwarding.
    case stealth(url: String, title: String)
    /// Dynadot DNS with exactly this record set.
    case dns(RecordSet)
    case renewOption(RenewChoice)
    case privacy(PrivacyChoice)
    /// Lock the domain (API3 can lock, not unlock).
    case lock
    /// Move to a folder by name; empty moves it to the default folder.
    case folder(String)
    case note(String)
    /// List for sale in the marketplace.
    case forSale(SaleTerms)
    /// Remove the marketplace listing.
    case unlist
    /// Assign WHOIS contacts by id; `nil` keeps that role's current contact.
    case contacts(registrant: String?, admin: String?, technical: String?, billing: String?)
    /// Renew for `years` (money).
    case renew(years: Int)
    /// Change a WHOIS contact record (`edit_contact`); the target is the
    /// contact, not a domain. `fields` holds every field the command needs.
    case editContact(id: String, fields: [String: String])
    /// Buy a marketplace domain at its listed price (money); the target is a
    /// domain not yet in the account.
    case buyItNow(priceCents: Int64?)
    /// Register a domain not yet in the account for `years` (money). The
    /// price is one year's, as `search` quoted it when queued; the push
    /// searches again just before sending and pays the fresh price.
    case register(years: Int, priceCents: Int64?, premium: Bool)
    /// Backorder a domain (money: agreeing to pay if Dynadot catches it), or
    /// with `false` take it off the backorder list.
    case backorder(Bool)
    /// Change a folder's setting (`set_folder_*`); the target is the folder's
    /// slot, `folder:<id>:<slot>`, not a domain.
    indirect case folderSetting(FolderChange)
    /// Transfer a domain in to Dynadot (money: the TLD's transfer price).
    /// The auth code is a secret and never part of the edit: it waits in
    /// the cache's auth-code table until the push sends it, then is erased.
    case transfer(priceCents: Int64?)
    /// Bid on an auction (money: the most this account agrees to pay if it
    /// wins). `backorder` says it is a backorder auction, which has its own
    /// command.
    case bid(auctionID: String, amountCents: Int64, backorder: Bool)
    /// Buy an expired closeout domain (money) at the price listed when
    /// queued; the push reads the price again just before paying.
    case buyCloseout(priceCents: Int64?)

    /// The (domain, field) slot the edit fills. Name servers, parking,
    /// forwarding, stealth and DNS all set one thing, the domain's
    /// name-server setting, so they share a slot and supersede each other.
    public var field: IntentField {
        switch self {
        case .nameServers, .parking, .forwarding, .stealth, .dns: return .nameServerSetting
        case .renewOption: return .renewOption
        case .privacy: return .privacy
        case .lock: return .lock
        case .folder: return .folder
        case .note: return .note
        case .forSale, .unlist: return .sale
        case .contacts: return .contacts
        case .renew: return .renew
        case .editContact: return .contact
        case .buyItNow: return .purchase
        case .register: return .registration
        case .backorder: return .backorder
        case .folderSetting: return .folderSetting
        case .transfer: return .transfer
        case .bid: return .bid
        case .buyCloseout: return .closeout
        }
    }

    /// Whether applying it spends money.
    public var spendsMoney: Bool {
        switch self {
        case .renew, .buyItNow, .register, .transfer, .bid, .buyCloseout: return true
        case .backorder(let add): return add
        default: return false
        }
    }
}

extension Edit {
    /// One line for the operation that queues this edit, e.g.
    /// `set renew auto on 150 domains`.
    public func label(domains: Int) -> String {
        let target = "on \(domains) domain\(domains == 1 ? "" : "s")"
        switch self {
        case .nameServers(let hosts): return "set ns \(hosts.joined(separator: " ")) \(target)"
        case .parking: return "set parking \(target)"
        case .forwarding(let url, _): return "set forward \(url) \(target)"
        case .stealth(let url, _): return "set stealth \(url) \(target)"
        case .dns(let set): return "set DNS (\(set.records.count) records) \(target)"
        case .renewOption(let choice): return "set renew \(choice.rawValue) \(target)"
        case .privacy(let choice): return "set privacy \(choice.rawValue) \(target)"
        case .lock: return "lock \(target)"
        case .folder(let name): return name.isEmpty ? "remove from folder \(target)" : "set folder \(name) \(target)"
        case .note(let text): return text.isEmpty ? "clear note \(target)" : "set note \(target)"
        case .forSale(let terms):
            return "list for sale" + (terms.priceCents.map { " at " + Cents.dollars($0) } ?? "") + " \(target)"
        case .unlist: return "unlist \(target)"
        case .contacts: return "set contacts \(target)"
        case .renew(let years): return "renew \(years) year\(years == 1 ? "" : "s") \(target)"
        case .editContact(let id, _): return "edit contact \(id)"
        case .buyItNow: return "buy \(target)"
        case .register(let years, _, _): return "register \(years) year\(years == 1 ? "" : "s") \(target)"
        case .backorder(let add): return (add ? "backorder " : "remove the backorder ") + target
        case .folderSetting(let change): return "folder \(change.folderName): \(change.setting.text)"
        case .transfer: return "transfer in \(target)"
        case .bid(let id, let amount, _): return "bid \(Cents.dollars(amount)) in auction \(id)"
        case .buyCloseout: return "buy closeout \(target)"
        }
    }
}

/// Renewal setting in the cache's vocabulary; `none` is sent as `reset`.
public enum RenewChoice: String, Sendable, Hashable, CaseIterable {
    case auto, donot, none
}

/// WHOIS privacy in the cache's vocabulary; `none` is sent as `off`.
public enum PrivacyChoice: String, Sendable, Hashable, CaseIterable {
    case full, partial, none
}

/// Marketplace terms for `set_for_sale`.
public struct SaleTerms: Sendable, Hashable {
    /// `buy_now`, `make_offer` or `buy_now_and_make_offer`.
    public var listingType: String
    /// Price in cents; required unless the type is `make_offer`.
    public var priceCents: Int64?
    public var minimumOfferCents: Int64?

    public static let listingTypes = ["buy_now", "make_offer", "buy_now_and_make_offer"]

    public init(listingType: String = "buy_now", priceCents: Int64?, minimumOfferCents: Int64? = nil) {
        self.listingType = listingType
        self.priceCents = priceCents
        self.minimumOfferCents = minimumOfferCents
    }
}

/// The fields an intent can target, as stored in the outbox.
public enum IntentField: String, Sendable, Hashable, CaseIterable {
    case nameServerSetting = "ns"
    case renewOption = "renew_option"
    case privacy
    case lock
    case folder
    case note
    case sale
    case contacts
    case renew
    /// A contact record; the intent's target is `contact:<id>`.
    case contact
    /// A marketplace purchase; the target is the domain to buy.
    case purchase
    /// A registration; the target is the domain to register.
    case registration = "register"
    /// A backorder request; the target is the domain to catch.
    case backorder
    /// A folder's setting; the target is `folder:<id>:<slot>`.
    case folderSetting = "folder_setting"
    /// A transfer in; the target is the domain to bring over.
    case transfer
    /// An auction bid; the target is the auctioned domain.
    case bid = "auction_bid"
    /// An expired closeout purchase; the target is the domain to buy.
    case closeout

    /// Whether an intent of this stored field brings a domain into the
    /// account (a purchase, a registration, a closeout): it is verified by finding the
    /// domain there, and the push fetches the new domain into the cache.
    public static func addsDomain(_ field: String) -> Bool {
        field == IntentField.purchase.rawValue || field == IntentField.registration.rawValue || field == IntentField.closeout.rawValue
    }
}
