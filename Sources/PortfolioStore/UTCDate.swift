import Foundation

/// Dates on the UTC calendar in one place: days, years, ISO dates and
/// timestamps from epoch milliseconds. Days and years are arithmetic
/// (Howard Hinnant's civil-from-days and days-from-civil), so a row
/// renderer or the planner can call them per row; moves by months or
/// years use the one shared calendar.
///
/// ```swift
/// UTCDate.isoDate(1_793_491_200_000)        // "2026-11-01"
/// UTCDate.parseDay("2026-02-30")             // nil
/// ```
public enum UTCDate {
    public static let msPerDay: Int64 = 86_400_000

    /// The Gregorian calendar in UTC, built once.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    /// Year, month (1–12) and day (1–31) of an instant.
    public static func civil(_ ms: Int64) -> (year: Int, month: Int, day: Int) {
        let days = floorDiv(ms, msPerDay)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (Int(yoe + era * 400 + (month <= 2 ? 1 : 0)), Int(month), Int(day))
    }

    /// Midnight of a civil date (month and day are not checked; see
    /// ``parseDay(_:)``).
    public static func ms(year: Int, month: Int, day: Int) -> Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let m = Int64(month)
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146_097 + doe - 719_468) * msPerDay
    }

    /// The calendar year of an instant.
    public static func year(_ ms: Int64) -> Int { civil(ms).year }

    /// Midnight (UTC) of the day of an instant.
    public static func startOfDay(_ ms: Int64) -> Int64 { floorDiv(ms, msPerDay) * msPerDay }

    /// Calendar days from the UTC date of `nowMs` to the UTC date of
    /// `expiresMs` (negative: that many days past). Two domains expiring
    /// on the same day always show the same number, whatever their hour.
    /// The one count of "days left" — the Domains table, the detail panel,
    /// the Expiries pane, `show` and `expiring` all use it.
    ///
    /// ```swift
    /// UTCDate.daysLeft(until: parseDay("2026-11-30")!, from: parseDay("2026-12-02")! + 3_600_000)  // -2
    /// ```
    public static func daysLeft(until expiresMs: Int64, from nowMs: Int64) -> Int {
        Int(floorDiv(expiresMs, msPerDay) - floorDiv(nowMs, msPerDay))
    }

    /// `YYYY-MM-DD`.
    public static func isoDate(_ ms: Int64) -> String {
        let (year, month, day) = civil(ms)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (seconds, as `ISO8601DateFormatter` writes).
    public static func isoTimestamp(_ ms: Int64) -> String {
        isoDate(ms) + "T" + clock(ms, separator: ":") + "Z"
    }

    /// `YYYYMMDD-HHMMSS`, for file names.
    public static func compactStamp(_ ms: Int64) -> String {
        isoDate(ms).replacingOccurrences(of: "-", with: "") + "-" + clock(ms, separator: "")
    }

    /// Midnight of `YYYY-MM-DD`; nil when the text is not a real date.
    public static func parseDay(_ text: String) -> Int64? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        let result = ms(year: year, month: month, day: day)
        return civil(result).day == day ? result : nil
    }

    /// An instant moved by `value` calendar units (`.month`, `.year`, …).
    public static func adding(_ value: Int, _ component: Calendar.Component, to ms: Int64) -> Int64 {
        let date = Date(timeIntervalSince1970: Double(ms) / 1000)
        let moved = calendar.date(byAdding: component, value: value, to: date) ?? date
        return Int64((moved.timeIntervalSince1970 * 1000).rounded())
    }

    /// Now, in epoch milliseconds.
    public static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    private static func clock(_ ms: Int64, separator: String) -> String {
        let seconds = floorDiv(ms - startOfDay(ms), 1000)
        return pad(Int(seconds / 3600), 2) + separator + pad(Int(seconds / 60 % 60), 2) + separator + pad(Int(seconds % 60), 2)
    }

    private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
