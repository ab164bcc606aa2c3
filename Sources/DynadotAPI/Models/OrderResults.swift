import Foundation

/// A `renew` answer: the new expiry, or (with `price_check=1`) the price.
public struct RenewResult: Sendable, Equatable {
    public var domain: String?
    /// New expiry, epoch milliseconds (absent for a price check).
    public var expirationMs: Int64?
    /// True when the provider only quoted a price (`price_check_success`).
    public var isPriceCheck: Bool
    /// The price found in `PriceInfo` (or `Price`), when any.
    public var price: Money?
    /// `PriceInfo` text as sent.
    public var priceInfo: String?

    public init(domain: String?, expirationMs: Int64?, isPriceCheck: Bool, price: Money?, priceInfo: String?) {
        self.domain = domain
        self.expirationMs = expirationMs
        self.isPriceCheck = isPriceCheck
        self.price = price
        self.priceInfo = priceInfo
    }

    /// A real renewal must report its new expiry; a price check must carry a price.
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let content = checked.content
        let isPriceCheck = checked.status == "price_check_success"
        let priceNode = content.first("PriceInfo", "Price")
        let priceInfo: String? = priceNode.flatMap { node in
            if case .object = node { return node.serialized() }
            return node.nonEmptyText
        }
        let price = priceNode.flatMap { node -> Money? in
            if case .object = node { return node.first("Price", "Amount", "RenewPrice")?.money }
            return node.money ?? node.text.flatMap(Money.scan)
        }
        let expiration = content["Expiration"]?.epochMilliseconds
        if isPriceCheck, price == nil, priceInfo == nil { throw checked.missing("PriceInfo") }
        if !isPriceCheck, expiration == nil { throw checked.missing("Expiration") }
        self.init(domain: content.first("DomainName", "Domain", "Name")?.nonEmptyText, expirationMs: expiration,
                  isPriceCheck: isPriceCheck, price: price, priceInfo: priceInfo)
    }
}

/// A `register` answer.
public struct RegisterResult: Sendable, Equatable {
    public var domain: String?
    /// Expiry, epoch milliseconds.
    public var expirationMs: Int64
    public var registrationMs: Int64?

    public init(domain: String?, expirationMs: Int64, registrationMs: Int64? = nil) {
        self.domain = domain
        self.expirationMs = expirationMs
        self.registrationMs = registrationMs
    }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let content = checked.content
        guard let expiration = content["Expiration"]?.epochMilliseconds else { throw checked.missing("Expiration") }
        self.init(domain: content.first("DomainName", "Domain", "Name")?.nonEmptyText, expirationMs: expiration,
                  registrationMs: content["Registration"]?.epochMilliseconds)
    }
}

/// A `bulk_register` answer: one result per domain; the request as a whole
/// succeeds even when some of its domains were refused.
public struct BulkRegisterResults: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public var domain: String
        public var registered: Bool
        /// Expiry, epoch milliseconds (registered domains).
        public var expirationMs: Int64?
        /// The provider's reason when refused (`not_available`, …).
        public var message: String

        public init(domain: String, registered: Bool, expirationMs: Int64? = nil, message: String = "") {
            self.domain = domain
            self.registered = registered
            self.expirationMs = expirationMs
            self.message = message
        }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// Reads `BulkRegister[]` of `{DomainName, Expiration, Result, Message}`
    /// (`Expiration` / `Message` are `-` when they do not apply).
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let list = checked.firstList([["BulkRegister"], ["BulkRegisterContent", "BulkRegister"], ["Results"]]) else {
            throw checked.missing("BulkRegister")
        }
        self.init(items: list.compactMap { item in
            guard let domain = item.first("DomainName", "Domain", "Name")?.nonEmptyText else { return nil }
            let result = item["Result"]?.text?.lowercased() ?? ""
            let message = item.first("Message", "Error")?.nonEmptyText ?? ""
            return Item(domain: Punycode.asciiName(domain), registered: result == "success",
                        expirationMs: item["Expiration"]?.epochMilliseconds,
                        message: message == "-" ? (result == "success" ? "" : result) : message)
        })
    }
}

/// An `is_processing` answer: whether the account has a request in progress
/// (wait before sending another).
public struct ProcessingStatus: Sendable, Equatable {
    public var isProcessing: Bool

    public init(isProcessing: Bool) { self.isProcessing = isProcessing }

    /// Reads `ResponseMsg` (`yes` / `no`, any case).
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let value = checked.content.first("ResponseMsg", "IsProcessing")?.bool else {
            throw checked.missing("ResponseMsg")
        }
        self.init(isProcessing: value)
    }
}
