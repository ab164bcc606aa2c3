import GRDB

/// Reads that back the Domains pane and `ls`: filtering, sorting, counting
/// and windowing all happen in SQLite, so a keystroke in the filter costs
/// one indexed query, never a load of the whole table.
extension PortfolioDatabase {
    /// How many domains match.
    public func count(matching query: PortfolioQuery = .all) throws -> Int {
        let filter = query.filter(nowMs: nowMs)
        return try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM domain WHERE \(filter.sql)", arguments: filter.arguments) ?? 0
        }
    }

    /// Names of matching domains in `sort` order, `limit` of them from
    /// `offset` (nil limit: all).
    public func names(matching query: PortfolioQuery = .all, sort: DomainSort = .byName,
                      limit: Int? = nil, offset: Int = 0) throws -> [String] {
        let (sql, arguments) = selectSQL("domain.name", query, sort, limit, offset)
        return try writer.read { db in try String.fetchAll(db, sql: sql, arguments: arguments) }
    }

    /// Matching rows in `sort` order: the visible window of a
    /// virtual-scrolling table (`limit` rows from `offset`).
    public func rows(matching query: PortfolioQuery = .all, sort: DomainSort = .byName,
                     limit: Int? = nil, offset: Int = 0) throws -> [DomainRow] {
        let (sql, arguments) = selectSQL(DomainRow.qualifiedSelectList, query, sort, limit, offset)
        return try writer.read { db in
            try Row.fetchCursor(db, sql: sql, arguments: arguments).map(DomainRow.init(row:)).reduce(into: []) { $0.append($1) }
        }
    }

    /// One domain by ASCII / punycode name (any case), gone or not.
    public func domain(named name: String) throws -> DomainRow? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT \(DomainRow.selectList) FROM domain WHERE name = ?",
                             arguments: [name.lowercased()]).map(DomainRow.init(row:))
        }
    }

    /// Rows for the given names (missing names are skipped), by name.
    public func domains(named names: [String]) throws -> [DomainRow] {
        guard !names.isEmpty else { return [] }
        return try writer.read { db in
            var rows: [DomainRow] = []
            // Chunks stay under SQLite's bound-parameter limit.
            for chunk in stride(from: 0, to: names.count, by: 500).map({ names[$0..<min($0 + 500, names.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                let found = try Row.fetchAll(db, sql: "SELECT \(DomainRow.selectList) FROM domain WHERE name IN (\(marks))",
                                             arguments: StatementArguments(chunk.map { $0.lowercased() }))
                rows += found.map(DomainRow.init(row:))
            }
            return rows.sorted { $0.name < $1.name }
        }
    }

    /// Position of `name` in the filtered, sorted list (to keep the cursor
    /// on a row when the filter or sort changes); nil when it does not match.
    public func index(of name: String, matching query: PortfolioQuery = .all,
                      sort: DomainSort = .byName) throws -> Int? {
        guard let row = try domain(named: name) else { return nil }
        let filter = query.filter(nowMs: nowMs)
        return try writer.read { db in
            let matches = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM domain WHERE domain.name = ? AND \(filter.sql)",
                arguments: [row.name] + filter.arguments) ?? 0
            guard matches == 1 else { return nil }
            let before = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM domain WHERE \(filter.sql) AND \(sort.precedesSQL)",
                arguments: filter.arguments + sort.precedesArguments(row))
            return before ?? 0
        }
    }

    private func selectSQL(_ columns: String, _ query: PortfolioQuery, _ sort: DomainSort,
                           _ limit: Int?, _ offset: Int) -> (String, StatementArguments) {
        let filter = query.filter(nowMs: nowMs)
        var sql = "SELECT \(columns) FROM domain WHERE \(filter.sql) ORDER BY \(sort.sql)"
        var arguments = filter.arguments
        if let limit {
            sql += " LIMIT ? OFFSET ?"
            arguments += [limit, offset]
        } else if offset > 0 {
            sql += " LIMIT -1 OFFSET ?"
            arguments += [offset]
        }
        return (sql, arguments)
    }
}

extension DomainRow {
    static let qualifiedSelectList = columns.map { "domain.\($0)" }.joined(separator: ", ")
}

extension DomainSort {
    /// Rows strictly before a given row in this order (NULLs sort first, as
    /// SQLite does).
    var precedesSQL: String {
        let lt = descending ? ">" : "<"
        if field == .name { return "domain.name \(lt) ?" }
        let c = field.column
        let nullsFirstLess = descending
            ? "(? IS NULL AND \(c) IS NOT NULL) OR \(c) > ?"
            : "(\(c) IS NULL AND ? IS NOT NULL) OR \(c) < ?"
        let same = "(\(c) IS ? AND domain.name \(lt) ?)"
        return "(\(nullsFirstLess) OR \(same))"
    }

    func precedesArguments(_ row: DomainRow) -> StatementArguments {
        if field == .name { return [row.name] }
        let value: (any DatabaseValueConvertible)?
        switch field {
        case .name: value = row.name
        case .expires: value = row.expiresMs
        case .tld: value = row.tld
        case .folder: value = row.folderName
        case .renew: value = row.renewOption.rawValue
        case .privacy: value = row.privacy.rawValue
        case .ns: value = row.nsType.rawValue
        case .sale: value = row.forSale
        case .lock: value = row.locked
        }
        return StatementArguments([value, value, value, row.name])
    }
}
