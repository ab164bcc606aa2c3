import Foundation
import PortfolioStore

/// One row of the Expiries pane: a group of domains by expiry, with the
/// query that shows exactly those domains in the Domains pane.
struct ExpiryRow: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Expired before the grace period: past the provider's renewal window.
        case overdue
        /// Expired within the last ``ExpiryTimeline/graceDays`` days.
        case grace
        case month(year: Int, month: Int)
        /// After the last month shown.
        case later
        /// The sum of the rows above.
        case total
    }

    var kind: Kind
    var label: String
    /// Domains-pane filter text for the row (`exp:2027-01`); nil for the total.
    var filter: String?
    var count = 0
    /// One-year renewal of every domain in the row, at cached TLD prices.
    var costCents: Int64 = 0
    /// Domains without a cached TLD price (not in the cost).
    var unpriced = 0
    var autoCount = 0
    var autoCostCents: Int64 = 0
    var autoUnpriced = 0

    mutating func add(_ buckets: [ExpiryBucket], auto: Bool) {
        for bucket in buckets {
            if auto {
                autoCount += bucket.count
                autoCostCents += bucket.renewalCents
                autoUnpriced += bucket.unpricedCount
            } else {
                count += bucket.count
                costCents += bucket.renewalCents
                unpriced += bucket.unpricedCount
            }
        }
    }

    mutating func add(_ row: ExpiryRow) {
        count += row.count
        costCents += row.costCents
        unpriced += row.unpriced
        autoCount += row.autoCount
        autoCostCents += row.autoCostCents
        autoUnpriced += row.autoUnpriced
    }

    /// Rows past their expiry date, drawn in the theme's overdue role.
    var isExpired: Bool { kind == .overdue || kind == .grace }
}

/// Reads the Expiries pane's rows from the cache: overdue, in grace, the
/// next ``months`` calendar months (UTC) and later, each for all domains
/// and for those set to auto-renew.
enum ExpiryTimeline {
    /// Days after expiry during which the provider still renews at the
    /// normal price.
    static let graceDays = 40
    static let months = 24

    static func rows(_ store: PortfolioDatabase, nowMs: Int64) throws -> [ExpiryRow] {
        let graceStart = dayString(nowMs - Int64(graceDays) * 86_400_000)
        var overdue = ExpiryRow(kind: .overdue, label: "Overdue", filter: "exp:<\(graceStart)")
        var grace = ExpiryRow(kind: .grace, label: "In grace", filter: "exp:overdue exp:>=\(graceStart)")
        for (index, row) in [overdue, grace].enumerated() {
            var filled = row
            let filter = row.filter ?? ""
            filled.add(try store.expiryBuckets(matching: PortfolioQuery(parsing: filter)), auto: false)
            filled.add(try store.expiryBuckets(matching: PortfolioQuery(parsing: filter + " renew:auto")), auto: true)
            if index == 0 { overdue = filled } else { grace = filled }
        }
        let coming = try store.expiryBuckets(matching: PortfolioQuery(parsing: "-exp:overdue"))
        let comingAuto = try store.expiryBuckets(matching: PortfolioQuery(parsing: "-exp:overdue renew:auto"))
        var (year, month) = yearMonth(nowMs)
        var rows = [overdue, grace]
        for index in 0..<months {
            let label = monthLabel(year, month)
            // The current month's expired domains are in the grace row.
            var row = ExpiryRow(kind: .month(year: year, month: month), label: label,
                                filter: index == 0 ? "exp:\(label) -exp:overdue" : "exp:\(label)")
            row.add(coming.filter { $0.year == year && $0.month == month }, auto: false)
            row.add(comingAuto.filter { $0.year == year && $0.month == month }, auto: true)
            rows.append(row)
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        let lastShown = rows[rows.count - 1].label
        var later = ExpiryRow(kind: .later, label: "Later", filter: "exp:>\(lastShown)")
        later.add(coming.filter { ($0.year, $0.month) >= (year, month) }, auto: false)
        later.add(comingAuto.filter { ($0.year, $0.month) >= (year, month) }, auto: true)
        rows.append(later)
        var total = ExpiryRow(kind: .total, label: "Total", filter: nil)
        for row in rows { total.add(row) }
        rows.append(total)
        return rows
    }

    static func yearMonth(_ ms: Int64) -> (Int, Int) {
        let (year, month, _) = UTCDate.civil(ms)
        return (year, month)
    }

    static func monthLabel(_ year: Int, _ month: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// `YYYY-MM-DD` (UTC) of `ms`.
    static func dayString(_ ms: Int64) -> String { UTCDate.isoDate(ms) }
}
