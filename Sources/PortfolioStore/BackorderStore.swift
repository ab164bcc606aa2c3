import GRDB

/// One of the account's backorder requests as last listed
/// (`backorder_request_list`).
public struct BackorderRow: Sendable, Hashable {
    /// ASCII (punycode) name, lower case.
    public var domain: String
    /// The last moment the request can be deleted, epoch milliseconds.
    public var cutoffMs: Int64?
    /// The provider's word (`Active`, `Caught`, …).
    public var status: String

    public init(domain: String, cutoffMs: Int64?, status: String) {
        self.domain = domain.lowercased()
        self.cutoffMs = cutoffMs
        self.status = status
    }
}

extension Migrations {
    /// `backorder`: the account's backorder requests, replaced by each listing.
    static func createBackorders(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE backorder (
                domain TEXT PRIMARY KEY NOT NULL,            -- ASCII / punycode, lower case
                cutoff_ms INTEGER,
                status TEXT NOT NULL DEFAULT '',
                synced_at_ms INTEGER NOT NULL
            ) WITHOUT ROWID
            """)
    }
}

extension PortfolioDatabase {
    /// Replaces the cached backorder requests with a complete listing.
    public func replaceBackorders(_ rows: [BackorderRow], syncedAtMs: Int64) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM backorder")
            let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO backorder (domain, cutoff_ms, status, synced_at_ms) VALUES (?, ?, ?, ?)")
            for row in rows {
                statement.setUncheckedArguments([row.domain, row.cutoffMs, row.status, syncedAtMs])
                try statement.execute()
            }
        }
    }

    /// The cached backorder requests by name, and when they were listed
    /// (nil when never).
    public func backorders() throws -> (rows: [BackorderRow], syncedAtMs: Int64?) {
        let rows = try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT domain, cutoff_ms, status, synced_at_ms FROM backorder ORDER BY domain")
        }
        let decoded = decodeRows(rows, table: "backorder") { c in
            (BackorderRow(domain: try c.text(0), cutoffMs: try c.optionalInt64(1), status: try c.text(2)), try c.int64(3))
        }
        return (decoded.map(\.0), decoded.map(\.1).max())
    }
}
