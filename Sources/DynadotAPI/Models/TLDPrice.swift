import Foundation

/// One TLD's prices (`tld_price`), per year, in `currency`.
public struct TLDPrice: Sendable, Equatable {
    /// Without a leading dot, lower case (`com`).
    public var tld: String
    public var register: Money?
    public var renew: Money?
    public var transfer: Money?
    public var restore: Money?
    public var currency: String?
    public var extra: [String: JSONValue]

    public init(tld: String, register: Money?, renew: Money?, transfer: Money?, restore: Money?,
                currency: String?, extra: [String: JSONValue] = [:]) {
        self.tld = tld
        self.register = register
        self.renew = renew
        self.transfer = transfer
        self.restore = restore
        self.currency = currency
        self.extra = extra
    }

    /// Reads `{Tld, Price: {Register, Renew, Transfer, Restore}, …}`; prices
    /// directly in the object are accepted too.
    public init?(json: JSONValue, currency: String?) {
        guard case .object = json, var tld = json["Tld"]?.nonEmptyText?.lowercased() else { return nil }
        if tld.hasPrefix(".") { tld.removeFirst() }
        let price = json["Price"].flatMap { node -> JSONValue? in if case .object = node { return node } else { return nil } } ?? json
        let code = json["Currency"]?.nonEmptyText?.uppercased() ?? currency
        func amount(_ key: String) -> Money? { price[key]?.money?.defaultingCurrency(to: code) }
        self.init(tld: tld, register: amount("Register"), renew: amount("Renew"), transfer: amount("Transfer"),
                  restore: amount("Restore"), currency: code, extra: json.unknownFields(excluding: ["tld", "price"]))
    }
}

/// A `tld_price` answer.
public struct TLDPriceList: Sendable, Equatable {
    public var priceLevel: String?
    public var currency: String?
    public var prices: [TLDPrice]

    public init(priceLevel: String?, currency: String?, prices: [TLDPrice]) {
        self.priceLevel = priceLevel
        self.currency = currency
        self.prices = prices
    }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["TldPrice"], ["TldContent"], ["TldPriceList"]]) else {
            throw checked.missing("TldPrice")
        }
        let currency = checked.content["Currency"]?.nonEmptyText?.uppercased()
        self.init(priceLevel: checked.content["PriceLevel"]?.nonEmptyText, currency: currency,
                  prices: items.compactMap { TLDPrice(json: $0, currency: currency) })
    }
}
