import Foundation

/// One domain's availability from `search`.
public struct SearchResult: Sendable, Equatable {
    public var domain: String
    public var available: Bool
    /// Only when `show_price=1` was sent and the domain is available.
    public var price: Money?
    public var language: String?
    /// A premium name: registering it needs `premium=1` and costs `price`.
    public var premium: Bool

    public init(domain: String, available: Bool, price: Money? = nil, language: String? = nil, premium: Bool = false) {
        self.domain = domain
        self.available = available
        self.price = price
        self.language = language
        self.premium = premium
    }

    /// Reads `{DomainName, Available, Price, Language}` (and `Premium` /
    /// `IsPremium`, or a price text that says "premium"); `nil` without a domain.
    public init?(json: JSONValue) {
        guard case .object = json, let domain = json.first("DomainName", "Domain", "Name")?.nonEmptyText else { return nil }
        let priceText = json["Price"]?.text ?? ""
        self.init(domain: domain, available: json["Available"]?.bool ?? false,
                  price: json["Price"].flatMap { $0.money ?? $0.text.flatMap(Money.scan) },
                  language: json["Language"]?.nonEmptyText,
                  premium: json.first("Premium", "IsPremium")?.bool ?? priceText.lowercased().contains("premium"))
    }
}

/// A `search` answer.
public struct SearchResults: Sendable, Equatable {
    public var results: [SearchResult]

    public init(results: [SearchResult]) { self.results = results }

    /// Reads `SearchResults` / `SearchResult` / `Results` lists, or a single
    /// result in the content itself.
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let items = checked.firstList([["SearchResults"], ["SearchResult"], ["Results"], ["Result"]])
            ?? [checked.content]
        let results = items.compactMap(SearchResult.init(json:))
        if results.isEmpty, !items.isEmpty { throw checked.missing("SearchResults") }
        self.init(results: results)
    }
}
