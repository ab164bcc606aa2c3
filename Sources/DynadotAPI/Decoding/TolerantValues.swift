import Foundation

extension JSONValue {
    /// The first present, non-null value among `keys` (each looked up with the
    /// case-tolerant subscript).
    public func first(_ keys: String...) -> JSONValue? {
        for key in keys {
            if let v = self[key], v != .null { return v }
        }
        return nil
    }

    /// Epoch milliseconds from a number or numeric string (`"1361430589062"`,
    /// `1458379145266`); `nil` for `"-"`, empty or non-numeric text.
    public var epochMilliseconds: Int64? {
        switch self {
        case .number(let n):
            return n.isFinite && abs(n) < 9.2e18 ? Int64(n.rounded()) : nil
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if let i = Int64(t) { return i }
            if let d = Double(t), d.isFinite, abs(d) < 9.2e18 { return Int64(d.rounded()) }
            return nil
        default:
            return nil
        }
    }

    /// Epoch milliseconds from epoch-ms text or numbers, or from a calendar
    /// date `yyyy/MM/dd` or `yyyy-MM-dd`, optionally followed by `HH:mm[:ss]`
    /// (read as UTC, which is what the provider's dates carry).
    public var dateMilliseconds: Int64? {
        if let ms = epochMilliseconds { return ms }
        guard let text = nonEmptyText else { return nil }
        let parts = text.split(whereSeparator: { "/-: T".contains($0) }).map(String.init)
        guard parts.count >= 3, parts.count <= 6 else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        let (y, m, d) = (numbers[0], numbers[1], numbers[2])
        guard y >= 1970, y < 10000, (1...12).contains(m), (1...31).contains(d) else { return nil }
        let hour = numbers.count > 3 ? numbers[3] : 0
        let minute = numbers.count > 4 ? numbers[4] : 0
        let second = numbers.count > 5 ? numbers[5] : 0
        guard (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(second) else { return nil }
        let days = JSONValue.daysFromCivil(year: y, month: m, day: d)
        return Int64(((days * 24 + hour) * 60 + minute) * 60 + second) * 1000
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm; no calendar object,
    /// so it is cheap and thread-safe).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// An identifier from a string or a number (`"0"`, `1`, `"testorderid"`),
    /// trimmed; `nil` when empty.
    public var identifier: String? { nonEmptyText }

    /// Money from text or a number (see `Money.parse`).
    public var money: Money? {
        switch self {
        case .number(let n):
            guard n.isFinite else { return nil }
            return Decimal(string: String(n), locale: Locale(identifier: "en_US_POSIX")).map { Money(amount: $0) }
        case .string(let s):
            return Money.parse(s)
        default:
            return nil
        }
    }

    /// An integer read leniently: numbers, numeric strings, or the leading
    /// digits of text such as `"1 year"`.
    public var looseInt: Int? {
        if let i = int { return i }
        guard let t = nonEmptyText else { return nil }
        let digits = t.prefix { $0.isNumber }
        return digits.isEmpty ? nil : Int(digits)
    }

    /// The non-empty trimmed texts of a list (a lone scalar counts as one).
    public var texts: [String] { list.compactMap(\.nonEmptyText) }
}
