import GRDB

/// What the Listings pane shows above its table.
public struct ListingCounts: Sendable, Equatable {
    /// Rows of the pane: listed domains plus those with a queued listing change.
    public var total: Int
    /// Listed for sale now.
    public var forSale: Int
    /// Listed with a known price.
    public var priced: Int

    /// Counts as given (all zero: nothing to show).
    public init(total: Int = 0, forSale: Int = 0, priced: Int = 0) {
        self.total = total
        self.forSale = forSale
        self.priced = priced
    }
}

/// Reads that back the Listings pane: your domains for sale and those with
/// an open intent on the listing field, by name, a window at a time (never
/// the whole set: a portfolio may list most of its domains).
extension PortfolioDatabase {
    /// Listed (present) domains, and any domain with an open intent on `field`.
    private static func listingCondition(_ field: String) -> (String, StatementArguments) {
        ("""
         (gone = 0 AND for_sale = 1) OR name IN (SELECT domain FROM outbox_intent
             WHERE field = ? AND state IN ('pending','inflight','failed','conflict'))
         """, [field])
    }

    /// The pane's row count, how many are for sale and how many priced.
    public func listingCounts(queuedField field: String) throws -> ListingCounts {
        let (condition, arguments) = Self.listingCondition(field)
        return try writer.read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COALESCE(SUM(for_sale = 1), 0), COALESCE(SUM(for_sale = 1 AND sale_price_cents IS NOT NULL), 0)
                FROM domain WHERE \(condition)
                """, arguments: arguments)
            return ListingCounts(total: row?[0] ?? 0, forSale: row?[1] ?? 0, priced: row?[2] ?? 0)
        }
    }

    /// `limit` of the pane's rows from `offset`, by name.
    public func listings(queuedField field: String, limit: Int, offset: Int) throws -> [DomainRow] {
        let (condition, arguments) = Self.listingCondition(field)
        return try writer.read { db in
            decodeDomains(try Row.fetchAll(db, sql: """
                SELECT \(DomainRow.selectList) FROM domain WHERE \(condition) ORDER BY name LIMIT ? OFFSET ?
                """, arguments: arguments + [limit, offset]))
        }
    }

    /// Which of `names` are rows of the pane.
    public func listingNames(among names: [String], queuedField field: String) throws -> Set<String> {
        guard !names.isEmpty else { return [] }
        let (condition, arguments) = Self.listingCondition(field)
        return try writer.read { db in
            var found: Set<String> = []
            for chunk in stride(from: 0, to: names.count, by: 500).map({ names[$0..<min($0 + 500, names.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                found.formUnion(try String.fetchAll(db, sql: "SELECT name FROM domain WHERE name IN (\(marks)) AND (\(condition))",
                                                    arguments: StatementArguments(chunk.map { $0.lowercased() }) + arguments))
            }
            return found
        }
    }
}
