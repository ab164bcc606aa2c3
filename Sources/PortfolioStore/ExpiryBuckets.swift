import GRDB

/// One month of the Expiries pane: how many domains expire in it and what
/// renewing them for a year costs at the cached `tld_price`.
public struct ExpiryBucket: Sendable, Hashable {
    /// Calendar year and month (UTC) of the expiry dates.
    public var year: Int
    public var month: Int
    /// Domains expiring in the month.
    public var count: Int
    /// Sum of one-year renewal prices of those with a known price, in cents.
    public var renewalCents: Int64
    /// Domains whose TLD has no cached renewal price (not in `renewalCents`).
    public var unpricedCount: Int
    /// Domains set to renew automatically.
    public var autoRenewCount: Int

    /// `YYYY-MM`.
    public var label: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(m)"
    }
}

extension PortfolioDatabase {
    /// Matching domains grouped by expiry month (UTC), oldest first; domains
    /// without an expiry date are left out. Months with no domain are not
    /// listed (the pane draws the gaps).
    public func expiryBuckets(matching query: PortfolioQuery = .all) throws -> [ExpiryBucket] {
        let filter = query.filter(nowMs: nowMs)
        let sql = """
            SELECT strftime('%Y', domain.expires_ms / 1000, 'unixepoch') AS y,
                   strftime('%m', domain.expires_ms / 1000, 'unixepoch') AS m,
                   COUNT(*),
                   COALESCE(SUM(tld_price.renew_cents), 0),
                   SUM(tld_price.renew_cents IS NULL),
                   SUM(domain.renew_option = 'auto')
            FROM domain LEFT JOIN tld_price ON tld_price.tld = domain.tld
            WHERE domain.expires_ms IS NOT NULL AND \(filter.sql)
            GROUP BY y, m ORDER BY y, m
            """
        let rows = try writer.read { db in try Row.fetchAll(db, sql: sql, arguments: filter.arguments) }
        // Expiries strftime cannot place (past year 9999) share one NULL
        // month: it is left out and counted once as skipped.
        return decodeRows(rows, table: "expiry month") { c in
            guard let year = Int(try c.text(0)), let month = Int(try c.text(1)) else { throw UnreadableValue(column: 0) }
            return ExpiryBucket(year: year, month: month, count: try c.int(2), renewalCents: try c.int64(3),
                                unpricedCount: try c.int(4), autoRenewCount: try c.int(5))
        }
    }
}
