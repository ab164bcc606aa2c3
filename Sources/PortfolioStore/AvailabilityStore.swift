import GRDB

/// What a `search` found for a name.
public enum AvailabilityStatus: String, Sendable, Hashable, CaseIterable {
    /// Free to register at the price shown.
    case available
    /// Free, but a premium name: registering it costs the premium price.
    case premium
    /// Registered (by anyone), or not sold.
    case taken
    /// Already in this account.
    case yours

    /// Whether a name with this answer can be registered.
    public var registrable: Bool { self == .available || self == .premium }
}

/// One cached `search` answer (`availability`), with the time it was asked.
public struct AvailabilityRow: Sendable, Hashable {
    /// ASCII (punycode) name, lower case.
    public var name: String
    public var status: AvailabilityStatus
    /// One year's registration price in USD cents, when the answer had one.
    public var priceCents: Int64?
    public var checkedAtMs: Int64

    public init(name: String, status: AvailabilityStatus, priceCents: Int64? = nil, checkedAtMs: Int64) {
        self.name = name.lowercased()
        self.status = status
        self.priceCents = priceCents
        self.checkedAtMs = checkedAtMs
    }

    /// Whether it can be registered.
    public var registrable: Bool { status.registrable }
}

extension Migrations {
    /// `availability`: the last `search` answer per name, kept with its age
    /// so the Acquire pane and `search` can show how old it is.
    static func createAvailability(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE availability (
                name TEXT PRIMARY KEY NOT NULL,              -- ASCII / punycode, lower case
                status TEXT NOT NULL CHECK (status IN ('available','premium','taken','yours')),
                price_cents INTEGER,
                checked_at_ms INTEGER NOT NULL
            ) WITHOUT ROWID
            """)
    }
}

extension PortfolioDatabase {
    /// Records `search` answers, replacing older answers for the same names.
    public func saveAvailability(_ rows: [AvailabilityRow]) throws {
        guard !rows.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO availability (name, status, price_cents, checked_at_ms) VALUES (?, ?, ?, ?)
                """)
            for row in rows {
                statement.setUncheckedArguments([row.name, row.status.rawValue, row.priceCents, row.checkedAtMs])
                try statement.execute()
            }
        }
    }

    /// The cached answers for `names` (ASCII), in the order asked; names
    /// never searched are left out.
    public func availability(of names: [String]) throws -> [AvailabilityRow] {
        guard !names.isEmpty else { return [] }
        let wanted = names.map { $0.lowercased() }
        var found: [String: AvailabilityRow] = [:]
        for chunk in stride(from: 0, to: wanted.count, by: 500).map({ Array(wanted[$0..<min($0 + 500, wanted.count)]) }) {
            let rows = try writer.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT name, status, price_cents, checked_at_ms FROM availability
                    WHERE name IN (\(chunk.map { _ in "?" }.joined(separator: ",")))
                    """, arguments: StatementArguments(chunk))
            }
            for row in decodeRows(rows, table: "availability", Self.availabilityRow) { found[row.name] = row }
        }
        return wanted.compactMap { found[$0] }
    }

    private static func availabilityRow(_ c: ColumnReader) throws -> AvailabilityRow {
        guard let parsed = AvailabilityStatus(rawValue: try c.text(1)) else { throw UnreadableValue(column: 1) }
        return AvailabilityRow(name: try c.text(0), status: parsed, priceCents: try c.optionalInt64(2), checkedAtMs: try c.int64(3))
    }
}
