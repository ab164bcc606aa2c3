import Foundation
import Testing
@testable import DynadotAPI

@Suite struct DecodingValueTests {
    private func money(_ text: String) -> Money? { Money.parse(text) }
    private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test func readsEveryMoneyShape() {
        #expect(money("$1,234.56") == Money(amount: dec("1234.56")))
        #expect(money("77.00 in USD") == Money(amount: dec("77.00"), currency: "USD"))
        #expect(money("2.99") == Money(amount: dec("2.99")))
        #expect(money("USD 10") == Money(amount: dec("10"), currency: "USD"))
        #expect(money(" €5.00 ") == Money(amount: dec("5.00"), currency: "EUR"))
        #expect(money("£3.50") == Money(amount: dec("3.50"), currency: "GBP"))
        #expect(money("-$5.00") == Money(amount: dec("-5.00")))
        #expect(money("$70.02")?.cents == 7002)
        #expect(money("0.005")?.cents == 1)
    }

    @Test func refusesTextThatIsNotMoney() {
        for text in ["", "-", "--", "10%", "free", "1.2.3", "12 dollars", "$", "."] {
            #expect(money(text) == nil, "\(text)")
        }
    }

    @Test func moneyFromNumbersAndFreeText() {
        #expect(JSONValue.number(2.5).money == Money(amount: dec("2.5")))
        #expect(Money.scan("Renewal price for example.com is 10.99 USD for 1 year") == Money(amount: dec("10.99"), currency: "USD"))
        #expect(Money.scan("no price here") == nil)
        #expect(Money(amount: dec("3")).defaultingCurrency(to: "eur").currency == "EUR")
        #expect(Money(amount: dec("3"), currency: "USD").defaultingCurrency(to: "EUR").currency == "USD")
    }

    @Test func epochMillisecondsFromStringOrNumber() {
        #expect(JSONValue.string("1361430589062").epochMilliseconds == 1_361_430_589_062)
        #expect(JSONValue.number(1458379145266).epochMilliseconds == 1_458_379_145_266)
        #expect(JSONValue.string(" 1458379145266 ").epochMilliseconds == 1_458_379_145_266)
        #expect(JSONValue.string("-").epochMilliseconds == nil)
        #expect(JSONValue.string("").epochMilliseconds == nil)
        #expect(JSONValue.null.epochMilliseconds == nil)
    }

    @Test func calendarDatesBecomeUTCMilliseconds() {
        #expect(JSONValue.string("2025/03/25").dateMilliseconds == 1_742_860_800_000)
        #expect(JSONValue.string("2025-03-25 12:30:15").dateMilliseconds == 1_742_905_815_000)
        #expect(JSONValue.string("1970/01/01").dateMilliseconds == 0)
        #expect(JSONValue.string("2025/13/01").dateMilliseconds == nil)
        #expect(JSONValue.string("soon").dateMilliseconds == nil)
    }

    @Test func identifiersFromStringOrNumber() {
        #expect(JSONValue.string("0").identifier == "0")
        #expect(JSONValue.number(12).identifier == "12")
        #expect(JSONValue.string(" -1 ").identifier == "-1")
        #expect(JSONValue.string("").identifier == nil)
    }

    @Test func yesNoInAnyCase() {
        for text in ["yes", "Yes", "YES"] { #expect(JSONValue.string(text).bool == true) }
        for text in ["no", "No", "NO"] { #expect(JSONValue.string(text).bool == false) }
    }

    @Test func renewAndPrivacyVocabularies() {
        #expect(RenewOption(providerText: "auto-renew") == .auto)
        #expect(RenewOption(providerText: "do not renew") == .doNotRenew)
        #expect(RenewOption(providerText: "no renew option") == .unset)
        #expect(RenewOption(providerText: "Auto") == .auto)
        #expect(RenewOption(providerText: "weekly") == .other("weekly"))
        #expect(RenewOption.doNotRenew.commandValue == "donot")
        #expect(PrivacyLevel(providerText: "none") == .off)
        #expect(PrivacyLevel(providerText: "Full") == .full)
        #expect(PrivacyLevel(providerText: "partial") == .partial)
        #expect(AccountTier(priceLevel: "Super Bulk Pricing") == .superBulk)
        #expect(AccountTier(priceLevel: "Bulk Pricing").concurrency == 5)
        #expect(AccountTier(priceLevel: "Regular Pricing").concurrency == 1)
    }
}
