import GRDB

/// One expired domain on closeout sale as last listed, with its fetch time.
public struct CloseoutRow: Sendable, Hashable {
    /// ASCII (punycode) name, lower case.
    public var domain: String
    /// Price in USD cents.
    public var priceCents: Int64?
    public var renewalCents: Int64?
    public var endMs: Int64?
    public var syncedAtMs: Int64

    public init(domain: String, priceCents: Int64?, renewalCents: Int64? = nil, endMs: Int64? = nil, syncedAtMs: Int64) {
        self.domain = domain.lowercased()
        self.priceCents = priceCents
        self.renewalCents = renewalCents
        self.endMs = endMs
        self.syncedAtMs = syncedAtMs
    }
}

extension Migrations {
    /// `closeout`: the expired closeout domains last listed.
    static func createCloseouts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE closeout (
                domain TEXT PRIMARY KEY NOT NULL,            -- ASCII / punycode, lower case
                price_cents INTEGER,
                renewal_cents INTEGER,
                end_ms INTEGER,
                synced_at_ms INTEGER NOT NULL
            ) WITHOUT ROWID
            """)
    }
}

extension PortfolioDatabase {
    /// Replaces the cached closeouts with a complete listing (`complete`),
    /// or records some names' answers (a look-up of single names).
    public func saveCloseouts(_ rows: [CloseoutRow], complete: Bool) throws {
        try write { db in
            if complete { try db.execute(sql: "DELETE FROM closeout") }
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO closeout (domain, price_cents, renewal_cents, end_ms, synced_at_ms) VALUES (?, ?, ?, ?, ?)
                """)
            for row in rows {
                statement.setUncheckedArguments([row.domain, row.priceCents, row.renewalCents, row.endMs, row.syncedAtMs])
                try statement.execute()
            }
        }
    }

    /// Takes names off the cached closeouts (bought, or gone from the sale).
    public func removeCloseouts(_ names: [String]) throws {
        guard !names.isEmpty else { return }
        try write { db in
            try db.execute(sql: "DELETE FROM closeout WHERE domain IN (\(names.map { _ in "?" }.joined(separator: ",")))",
                           arguments: StatementArguments(names.map { $0.lowercased() }))
        }
    }

    /// The cached closeouts by name (of `names`, or all), and when the
    /// oldest was fetched (nil when none is cached).
    public func closeouts(named names: [String]? = nil) throws -> (rows: [CloseoutRow], syncedAtMs: Int64?) {
        let rows = try writer.read { db in
            if let names {
                return try Row.fetchAll(db, sql: """
                    SELECT domain, price_cents, renewal_cents, end_ms, synced_at_ms FROM closeout
                    WHERE domain IN (\(names.map { _ in "?" }.joined(separator: ","))) ORDER BY domain
                    """, arguments: StatementArguments(names.map { $0.lowercased() }))
            }
            return try Row.fetchAll(db, sql: "SELECT domain, price_cents, renewal_cents, end_ms, synced_at_ms FROM closeout ORDER BY domain")
        }
        let decoded = decodeRows(rows, table: "closeout") { c in
            CloseoutRow(domain: try c.text(0), priceCents: try c.optionalInt64(1), renewalCents: try c.optionalInt64(2),
                        endMs: try c.optionalInt64(3), syncedAtMs: try c.int64(4))
        }
        return (decoded, decoded.map(\.syncedAtMs).min())
    }
}
