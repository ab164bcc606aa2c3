import Foundation

/// The value of an `exp:` term.
///
/// - relative to now: `exp:<30d`, `exp:<=90d`, `exp:>1y`, `exp:>=2w`, `exp:6m`
///   (no operator means `<=`, "within"); units d(ays), w(eeks), m(onths),
///   y(ears), months and years on the UTC calendar;
/// - a calendar period: `exp:2027`, `exp:2027-01`, `exp:2027-01-15`, with
///   an optional operator (`exp:<2027-01` is before January,
///   `exp:<=2027-01` through its end, `exp:>2027-01` after it);
/// - a range of periods, both ends included: `exp:2027-01..2027-03`;
/// - `exp:overdue` (already expired).
public enum ExpiryCondition: Sendable, Hashable {
    /// A comparison operator.
    public enum Comparison: String, Sendable, Hashable { case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=" }
    /// The unit of a relative age.
    public enum Unit: String, Sendable, Hashable { case day = "d", week = "w", month = "m", year = "y" }

    /// Compared with now plus `amount` units.
    case relative(Comparison, amount: Int, unit: Unit)
    /// Inside `from`'s start up to `through`'s end when `comparison` is nil;
    /// otherwise compared with the single period `from` (== `through`).
    case calendar(Comparison?, from: CalendarPeriod, through: CalendarPeriod)
    /// Expired before now.
    case overdue

    /// Reads the value of `key:` (`exp`, or `registered` with the same forms).
    init(parsing value: String, token: PortfolioQuery.Token, key: String = "exp") throws(QueryError) {
        func fail(_ message: String) -> QueryError {
            QueryError(position: token.position, length: token.length,
                       message: key == "exp" ? message : message.replacingOccurrences(of: "exp:", with: "\(key):"))
        }
        let general = key == "exp"
            ? "use a relative age like exp:<30d or exp:>1y, a month exp:2027-01, a range exp:2027-01..2027-03, or exp:overdue"
            : "use an age like \(key):<1y or \(key):>5y, a year \(key):2020, a month \(key):2020-01 or a range \(key):2019..2021"
        if key == "exp", ["overdue", "expired"].contains(value.lowercased()) { self = .overdue; return }
        var rest = Substring(value)
        var comparison: Comparison?
        for op in [Comparison.lessOrEqual, .greaterOrEqual, .less, .greater] where rest.hasPrefix(op.rawValue) {
            comparison = op
            rest = rest.dropFirst(op.rawValue.count)
            break
        }
        if let range = rest.range(of: "..") {
            guard comparison == nil else { throw fail("exp:\(value) — a range takes no <, > or =; write exp:2027-01..2027-03") }
            guard let from = CalendarPeriod(parsing: rest[..<range.lowerBound]),
                  let through = CalendarPeriod(parsing: rest[range.upperBound...]) else {
                throw fail("exp:\(value) — write a range as YYYY-MM..YYYY-MM, e.g. exp:2027-01..2027-03")
            }
            guard from.start <= through.start else {
                throw fail("exp:\(value) — the range ends before it starts; put the earlier month first")
            }
            self = .calendar(nil, from: from, through: through)
            return
        }
        if let period = CalendarPeriod(parsing: rest) {
            self = .calendar(comparison, from: period, through: period)
            return
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty {
            let unitText = rest.dropFirst(digits.count)
            if digits.count == 4, unitText.hasPrefix("-") {
                throw fail("exp:\(value) — not a real date; write YYYY, YYYY-MM or YYYY-MM-DD, e.g. exp:2027-01")
            }
            guard let amount = Int(digits), amount <= 100_000 else { throw fail("exp:\(value) — that number is too large; \(general)") }
            if let unit = Unit(rawValue: unitText.lowercased()) {
                self = .relative(comparison ?? .lessOrEqual, amount: amount, unit: unit)
                return
            }
            let op = comparison?.rawValue ?? "<"
            throw fail("exp:\(value) — use a number with d, m or y, e.g. exp:\(op)\(digits)d")
        }
        throw fail("exp:\(value) — \(general)")
    }
}

extension ExpiryCondition {
    /// The half-open range `[low, high)` of expiry times the condition accepts.
    func bounds(nowMs: Int64) -> (Int64, Int64) {
        func before(_ limit: Int64) -> (Int64, Int64) { (.min + 1, limit) }
        func from(_ limit: Int64) -> (Int64, Int64) { (limit, .max) }
        switch self {
        case .overdue:
            return before(nowMs)
        case .relative(let op, let amount, let unit):
            let limit = CalendarPeriod.adding(amount, unit, to: nowMs)
            switch op {
            case .less: return before(limit)
            case .lessOrEqual: return limit == .max ? (.min + 1, .max) : before(limit + 1)
            case .greater: return limit == .max ? (.max, .max) : from(limit + 1)
            case .greaterOrEqual: return from(limit)
            }
        case .calendar(let op, let first, let last):
            return Self.calendarBounds(op, first, last)
        }
    }

    /// The half-open range `[low, high)` of past times (registration dates)
    /// the condition accepts: relative values are ages, so `<1y` is "less
    /// than a year ago", `>5y` "more than five years ago".
    func ageBounds(nowMs: Int64) -> (Int64, Int64) {
        switch self {
        case .overdue:
            return (.min + 1, nowMs)
        case .relative(let op, let amount, let unit):
            let limit = CalendarPeriod.adding(-amount, unit, to: nowMs)
            switch op {
            case .less: return (limit + 1, .max)
            case .lessOrEqual: return (limit, .max)
            case .greater: return (.min + 1, limit)
            case .greaterOrEqual: return (.min + 1, limit + 1)
            }
        case .calendar(let op, let first, let last):
            return Self.calendarBounds(op, first, last)
        }
    }

    private static func calendarBounds(_ op: Comparison?, _ first: CalendarPeriod, _ last: CalendarPeriod) -> (Int64, Int64) {
        switch op {
        case nil: return (first.start, last.end)
        case .less: return (.min + 1, first.start)
        case .lessOrEqual: return (.min + 1, first.end)
        case .greater: return (first.end, .max)
        case .greaterOrEqual: return (first.start, .max)
        }
    }
}

/// A year, month or day on the UTC calendar, e.g. `2027`, `2027-01`, `2027-01-15`.
public struct CalendarPeriod: Sendable, Hashable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?<S: StringProtocol>(parsing text: S) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        self.year = year
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil }
            self.day = day
            // Reject 2027-02-30 rather than rolling it over into March.
            guard UTCDate.civil(UTCDate.ms(year: year, month: month ?? 1, day: day)).day == day else { return nil }
        }
    }

    /// First millisecond of the period, epoch ms UTC.
    public var start: Int64 {
        UTCDate.ms(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// First millisecond after the period, epoch ms UTC.
    public var end: Int64 {
        UTCDate.adding(1, day != nil ? .day : month != nil ? .month : .year, to: start)
    }

    /// `nowMs` moved by `amount` units on the UTC calendar.
    static func adding(_ amount: Int, _ unit: ExpiryCondition.Unit, to nowMs: Int64) -> Int64 {
        switch unit {
        case .day: return UTCDate.adding(amount, .day, to: nowMs)
        case .week: return UTCDate.adding(7 * amount, .day, to: nowMs)
        case .month: return UTCDate.adding(amount, .month, to: nowMs)
        case .year: return UTCDate.adding(amount, .year, to: nowMs)
        }
    }
}
