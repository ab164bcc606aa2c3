import Foundation

/// An amount of money as the provider wrote it, read from text such as
/// `"$1,234.56"`, `"77.00 in USD"`, `"2.99"` or `"USD 10"`.
///
/// `currency` is set only when the text names it unambiguously (an ISO code,
/// `€`, `£`); a bare `$` leaves it `nil`, because the provider writes `$`
/// next to a `"Currency": "EUR"` field too. Models fill it from that field.
public struct Money: Sendable, Hashable {
    /// The amount, exactly as written (no binary rounding).
    public var amount: Decimal
    /// ISO 4217 code (upper case), when known.
    public var currency: String?

    public init(amount: Decimal, currency: String? = nil) {
        self.amount = amount
        self.currency = currency
    }

    /// The amount in hundredths, rounded half away from zero. An amount
    /// beyond what 64-bit cents hold is clamped to `Int64.max` / `.min`,
    /// never wrapped into a small number.
    public var cents: Int64 {
        var scaled = amount * 100
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        if rounded >= Decimal(Int64.max) { return Int64.max }
        if rounded <= Decimal(Int64.min) { return Int64.min }
        return (rounded as NSDecimalNumber).int64Value
    }

    /// The same amount with `currency` filled in when it was unknown.
    public func defaultingCurrency(to fallback: String?) -> Money {
        guard currency == nil, let code = fallback?.trimmingCharacters(in: .whitespaces).uppercased(),
              !code.isEmpty else { return self }
        return Money(amount: amount, currency: code)
    }

    /// Reads a money text in its entirety; `nil` for anything else
    /// (`"-"`, `"--"`, `"10%"`, words).
    ///
    ///     Money.parse("$1,234.56")      // 1234.56, currency nil
    ///     Money.parse("77.00 in USD")   // 77.00 USD
    public static func parse(_ text: String) -> Money? {
        var currency: String?
        var negative = false
        var number = ""
        var word = ""
        func flushWord() -> Bool {
            defer { word = "" }
            if word.isEmpty || word.lowercased() == "in" { return true }
            guard word.count == 3, word.allSatisfy({ $0.isLetter }) else { return false }
            currency = word.uppercased()
            return true
        }
        for ch in text.trimmingCharacters(in: .whitespacesAndNewlines) {
            switch ch {
            case "0"..."9", ".":
                guard flushWord() else { return nil }
                number.append(ch)
            case ",":
                continue
            case "-", "(":
                guard number.isEmpty else { return nil }
                negative = true
            case ")":
                continue
            case "$", " ", "\u{00A0}":
                guard flushWord() else { return nil }
            case "€": guard flushWord() else { return nil }; currency = "EUR"
            case "£": guard flushWord() else { return nil }; currency = "GBP"
            case "¥": guard flushWord() else { return nil }; currency = "CNY"
            case "₹": guard flushWord() else { return nil }; currency = "INR"
            default:
                guard ch.isLetter else { return nil }
                word.append(ch)
            }
        }
        guard flushWord(), !number.isEmpty, number.filter({ $0 == "." }).count <= 1,
              number != ".", var amount = Decimal(string: number, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        if negative { amount = -amount }
        return Money(amount: amount, currency: currency)
    }

    /// Finds the first amount inside free text such as a renewal `PriceInfo`
    /// sentence, with the first three-letter upper-case word as currency.
    public static func scan(_ text: String) -> Money? {
        if let whole = parse(text) { return whole }
        var number = ""
        var seenDigit = false
        for ch in text {
            if ch.isASCII, ch.isNumber || (ch == "." && seenDigit) || (ch == "," && seenDigit) {
                if ch.isNumber { seenDigit = true }
                if ch != "," { number.append(ch) }
            } else if seenDigit {
                break
            }
        }
        if number.hasSuffix(".") { number.removeLast() }
        guard seenDigit, let amount = Decimal(string: number, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        let words: [Substring] = text.split(whereSeparator: { (c: Character) in !c.isLetter })
        let code = words.first(where: { w in w.count == 3 && w.allSatisfy { $0.isUppercase } }).map(String.init)
        return Money(amount: amount, currency: code)
    }
}
