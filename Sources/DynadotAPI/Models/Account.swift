import Foundation

/// The account's price level, read from its `PriceLevel`; it decides how
/// hard the provider lets the account drive the API.
public enum AccountTier: String, Sendable, Hashable {
    case regular, bulk, superBulk

    /// The provider's limits for this tier, the one table of them: requests
    /// in flight at once, and requests per minute (Regular 1 and 60, Bulk 5
    /// and 600, Super Bulk 25 and 6,000).
    public var limits: (concurrency: Int, requestsPerMinute: Int) {
        switch self {
        case .regular: return (1, 60)
        case .bulk: return (5, 600)
        case .superBulk: return (25, 6_000)
        }
    }

    /// Requests the provider lets this tier have in flight at once.
    public var concurrency: Int { limits.concurrency }

    /// Requests the provider accepts from this tier per minute.
    public var requestsPerMinute: Int { limits.requestsPerMinute }

    /// `Regular Pricing` → regular, `Bulk Pricing` → bulk, `Super Bulk …` → superBulk.
    public init(priceLevel: String) {
        let t = priceLevel.lowercased().filter { $0.isLetter }
        if t.contains("superbulk") {
            self = .superBulk
        } else if t.contains("bulk") {
            self = .bulk
        } else {
            self = .regular
        }
    }
}

/// An `account_info` answer.
public struct AccountInfo: Sendable, Equatable {
    public var username: String?
    public var email: String?
    public var contact: Contact?
    public var customerSinceMs: Int64?
    public var accountLocked: Bool?
    public var totalSpending: Money?
    /// As sent, e.g. `Regular Pricing`.
    public var priceLevel: String?
    public var tier: AccountTier?
    public var balance: Money?
    public var timeZone: String?
    /// `DefaultSettings`, raw.
    public var defaultSettings: JSONValue
    /// Fields not modelled above (`ForumName`, `AvatarUrl`, …).
    public var extra: [String: JSONValue]

    public init(username: String?, email: String?, contact: Contact?, customerSinceMs: Int64?, accountLocked: Bool?,
                totalSpending: Money?, priceLevel: String?, tier: AccountTier?, balance: Money?, timeZone: String?,
                defaultSettings: JSONValue = .null, extra: [String: JSONValue] = [:]) {
        self.username = username
        self.email = email
        self.contact = contact
        self.customerSinceMs = customerSinceMs
        self.accountLocked = accountLocked
        self.totalSpending = totalSpending
        self.priceLevel = priceLevel
        self.tier = tier
        self.balance = balance
        self.timeZone = timeZone
        self.defaultSettings = defaultSettings
        self.extra = extra
    }

    private static let known: Set<String> = [
        "username", "contact", "customersince", "accountlock", "totalspending", "pricelevel",
        "accountbalance", "customtimezone", "defaultsettings", "email",
    ]

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let node = checked.firstObject([["AccountInfo"]]) else { throw checked.missing("AccountInfo") }
        let contact = node["Contact"].flatMap(Contact.init(json:))
        let priceLevel = node["PriceLevel"]?.nonEmptyText
        self.init(username: node["Username"]?.nonEmptyText,
                  email: contact?.email ?? node["Email"]?.nonEmptyText,
                  contact: contact,
                  customerSinceMs: node["CustomerSince"]?.dateMilliseconds,
                  accountLocked: node["AccountLock"]?.bool,
                  totalSpending: node["TotalSpending"]?.money,
                  priceLevel: priceLevel,
                  tier: priceLevel.map(AccountTier.init(priceLevel:)),
                  balance: node["AccountBalance"]?.money,
                  timeZone: node["CustomTimeZone"]?.nonEmptyText,
                  defaultSettings: node["DefaultSettings"] ?? .null,
                  extra: node.unknownFields(excluding: AccountInfo.known))
    }
}

/// A `get_account_balance` answer: one amount per currency.
public struct AccountBalances: Sendable, Equatable {
    public var balances: [Money]

    public init(balances: [Money]) { self.balances = balances }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["BalanceList", "Balance"], ["BalanceList"], ["Balance"]]) else {
            throw checked.missing("BalanceList")
        }
        self.init(balances: items.compactMap { item -> Money? in
            if case .object = item {
                return item.first("Amount", "Balance")?.money?.defaultingCurrency(to: item["Currency"]?.nonEmptyText)
            }
            return item.money
        })
    }
}
