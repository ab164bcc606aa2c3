import Foundation

/// The simulator's one UTC calendar, built once: years added to an expiry,
/// the year of an instant, and the `YYYY/MM/DD` dates orders carry. (The
/// store's `UTCDate` is out of reach: the simulator depends only on
/// DynadotAPI, and the API layer has no use for dates.)
enum SimCalendar {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// An instant `years` calendar years later (29 February → 28 February).
    static func adding(years: Int, to ms: Int64) -> Int64 {
        let date = Date(timeIntervalSince1970: Double(ms) / 1000)
        // Adding whole years to a Gregorian date always succeeds; the
        // fallback keeps the arithmetic total rather than trapping.
        let moved = utc.date(byAdding: .year, value: years, to: date)
            ?? date.addingTimeInterval(Double(years) * Double(PortfolioGenerator.yearMs) / 1000)
        return Int64((moved.timeIntervalSince1970 * 1000).rounded())
    }

    /// The calendar year of an instant.
    static func year(of ms: Int64) -> Int {
        utc.component(.year, from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    /// `YYYY/MM/DD`, as the provider writes order dates (sorts as text).
    static func slashDate(_ ms: Int64) -> String {
        let c = utc.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(ms) / 1000))
        return String(format: "%04d/%02d/%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}
