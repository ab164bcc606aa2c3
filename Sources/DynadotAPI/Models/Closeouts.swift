import Foundation

/// One expired domain on closeout sale (`get_expired_closeout_domains`).
public struct CloseoutDomain: Sendable, Equatable {
    /// ASCII (punycode) name, lower case.
    public var domain: String
    /// What buying it costs now.
    public var price: Money?
    public var renewalPrice: Money?
    /// When the closeout ends, epoch milliseconds.
    public var endMs: Int64?

    public init(domain: String, price: Money?, renewalPrice: Money? = nil, endMs: Int64? = nil) {
        self.domain = domain
        self.price = price
        self.renewalPrice = renewalPrice
        self.endMs = endMs
    }
}

/// A `get_expired_closeout_domains` answer: `CloseoutDomains[]`, each item
/// either wrapped in `closeoutItem` with camel-case keys (the reference's
/// JSON) or flat with capitalised ones (its XML names).
public struct CloseoutList: Sendable, Equatable {
    public var domains: [CloseoutDomain]

    public init(domains: [CloseoutDomain]) { self.domains = domains }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let items = checked.firstList([["CloseoutDomains"], ["CloseoutDomain"], ["GetExpiredCloseoutDomainsContent"]]) ?? []
        self.init(domains: items.compactMap { wrapped in
            let item = wrapped["closeoutItem"] ?? wrapped
            guard let name = item.first("domainName", "DomainName", "Domain")?.nonEmptyText else { return nil }
            let currency = item["currency"]?.text?.uppercased() ?? "USD"
            return CloseoutDomain(domain: Punycode.asciiName(name).lowercased(),
                                  price: item.first("currentPrice", "CurrentPrice", "Price")?.money?.defaultingCurrency(to: currency),
                                  renewalPrice: item.first("renewalPrice", "RenewalPrice")?.money?.defaultingCurrency(to: currency),
                                  endMs: item.first("endTimeStamp", "EndTimeStamp", "EndTimestamp")?.epochMilliseconds.flatMap { $0 > 0 ? $0 : nil })
        })
    }
}
