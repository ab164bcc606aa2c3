import Testing
@testable import SyncEngine

/// Issue 12: amounts typed by the user are exact cents, never rounded or wrapped.
@Suite struct MoneyInputTests {
    @Test func acceptsPlainAmounts() throws {
        #expect(try Cents.parse("120") == 12_000)
        #expect(try Cents.parse("99.5") == 9_950)
        #expect(try Cents.parse("99.50") == 9_950)
        #expect(try Cents.parse("$1,234.56") == 123_456)
        #expect(try Cents.parse(" 0.01 ") == 1)
        #expect(try Cents.parse("0") == 0)
        #expect(try Cents.parse(".5") == 50)
        #expect(try Cents.parse("10000000") == Cents.ceiling)
        #expect(try Cents.parse("10,000,000.00") == Cents.ceiling)
    }

    @Test(arguments: [
        ("12.345", "more than two decimals"), ("0.001", "more than two decimals"),
        ("-5", "is negative"), ("-0.01", "is negative"),
        ("10000000.01", "ceiling of $10,000,000.00"), ("184467440737095516.26", "ceiling"),
        ("99999999999999999999999999", "ceiling"),
        ("abc", "not an amount"), ("1e5", "not an amount"), ("", "not an amount"), (".", "not an amount"),
        ("1.2.3", "not an amount"), ("12x", "not an amount"), (",5", "not an amount"), ("5,", "not an amount"),
        ("$", "not an amount"), ("١٢", "not an amount"), ("12 34", "not an amount"),
    ])
    func refusesWithTheRule(_ text: String, _ rule: String) {
        do {
            let cents = try Cents.parse(text, what: "price")
            Issue.record("'\(text)' was accepted as \(cents)")
        } catch {
            #expect(error.description.contains(rule), "\(text): \(error.description)")
            #expect(error.description.hasPrefix("price '"), "\(error.description)")
        }
        #expect(Cents.parseCents(text) == nil)
    }

    @Test func minimumOfferNotAbovePrice() throws {
        try SaleTerms(priceCents: 10_000, minimumOfferCents: 10_000).checkAmounts()
        try SaleTerms(listingType: "make_offer", priceCents: nil, minimumOfferCents: 5_000).checkAmounts()
        #expect(throws: MoneyInputError.self) { try SaleTerms(priceCents: 10_000, minimumOfferCents: 10_001).checkAmounts() }
    }
}
