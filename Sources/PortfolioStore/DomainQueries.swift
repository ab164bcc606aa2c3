import GRDB

/// Reads that back the Domains pane and `ls`: filtering, sorting, counting
/// and windowing all happen in SQLite, so a keystroke in the filter costs
/// one indexed query, never a load of the whole table.
extension PortfolioDatabase {
    /// How many domains match.
    public func count(matching query: PortfolioQuery = .all) throws -> Int {
        let now = nowMs
        if let count = withFilterIndex(reading: query, { $0.evaluate(query, nowMs: now).count }) { return count }
        let filter = query.filter(nowMs: now)
        return try writer.read { db in try Self.count(db, query, filter) }
    }

    /// Names of matching domains in `sort` order, `limit` of them from
    /// `offset` (nil limit: all).
    public func names(matching query: PortfolioQuery = .all, sort: DomainSort = .byName,
                      limit: Int? = nil, offset: Int = 0) throws -> [String] {
        let now = nowMs
        if let names = withFilterIndex(reading: query, { state -> [String] in
            state.window(query, nowMs: now, sort: sort, limit: limit, offset: offset).slots.map { state.columns.nameString(Int($0)) }
        }) {
            return names
        }
        let filter = query.filter(nowMs: now)
        return try writer.read { db in
            let (sql, arguments) = try Self.selectSQL(db, "domain.name", query, filter, sort, limit, offset)
            return try String.fetchAll(db, sql: sql, arguments: arguments)
        }
    }

    /// Matching rows in `sort` order: the visible window of a
    /// virtual-scrolling table (`limit` rows from `offset`).
    public func rows(matching query: PortfolioQuery = .all, sort: DomainSort = .byName,
                     limit: Int? = nil, offset: Int = 0) throws -> [DomainRow] {
        let now = nowMs
        // A window of rows (not a whole listing, which reads the table anyway).
        if let limit, limit <= Self.indexedRowLimit, let window = withFilterIndex(reading: query, { state in
            state.window(query, nowMs: now, sort: sort, limit: limit, offset: offset).slots.map {
                (rowID: state.columns.rowIDs[Int($0)], name: state.columns.nameString(Int($0)))
            }
        }) {
            return try rows(at: window)
        }
        let filter = query.filter(nowMs: now)
        return try writer.read { db in
            let (sql, arguments) = try Self.selectSQL(db, DomainRow.qualifiedSelectList, query, filter, sort, limit, offset)
            return decodeDomains(try Row.fetchAll(db, sql: sql, arguments: arguments))
        }
    }

    /// The match count and one window of rows, read in one snapshot: what a
    /// virtual-scrolling table needs per keystroke (the total sizes the
    /// scroll bar, the rows fill the screen).
    public func window(matching query: PortfolioQuery = .all, sort: DomainSort = .byName,
                       limit: Int, offset: Int = 0) throws -> DomainWindow {
        let now = nowMs
        if limit <= Self.indexedRowLimit, let window = withFilterIndex(reading: query, { state in
            let found = state.window(query, nowMs: now, sort: sort, limit: limit, offset: offset)
            return (total: found.total, slots: found.slots.map {
                (rowID: state.columns.rowIDs[Int($0)], name: state.columns.nameString(Int($0)))
            })
        }) {
            return DomainWindow(total: window.total, offset: offset, rows: try rows(at: window.slots))
        }
        let filter = query.filter(nowMs: now)
        return try writer.read { db in
            // Names-only filters whose first scan found too many matches
            // fall through to the count and the walk, without scanning again.
            if query.onlyNameWords, sort.field == .name,
               let matches = try Self.matchingNames(db, filter, atMost: Self.smallMatchCount) {
                // One scan of the name index gives the total and the names;
                // sorting those here leaves a window's worth of rows to read
                // (binding thousands of rowids cost more than the scan).
                let ordered = matches.sorted {
                    sort.descending ? $1.name.utf8.lexicographicallyPrecedes($0.name.utf8)
                        : $0.name.utf8.lexicographicallyPrecedes($1.name.utf8)
                }
                let ids = ordered.dropFirst(max(offset, 0)).prefix(max(limit, 0)).map(\.rowID)
                let marks = ids.isEmpty ? "NULL" : Array(repeating: "?", count: ids.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT \(DomainRow.qualifiedSelectList) FROM domain WHERE domain.rowid IN (\(marks))
                    ORDER BY \(sort.sql(scanFirst: true))
                    """, arguments: StatementArguments(ids))
                return DomainWindow(total: matches.count, offset: offset, rows: decodeDomains(rows))
            }
            if query.onlyNameWords, sort.field != .name,
               let rowIDs = try Self.matchingRowIDs(db, filter, atMost: Self.smallMatchCount) {
                // One scan of the name index gives both the total and the rows.
                let marks = rowIDs.isEmpty ? "NULL" : Array(repeating: "?", count: rowIDs.count).joined(separator: ",")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT \(DomainRow.qualifiedSelectList) FROM domain WHERE domain.rowid IN (\(marks))
                    ORDER BY \(sort.sql(scanFirst: true)) LIMIT ? OFFSET ?
                    """, arguments: StatementArguments(rowIDs) + [limit, offset])
                return DomainWindow(total: rowIDs.count, offset: offset, rows: decodeDomains(rows))
            }
            if query.scansNames, !query.onlyNameWords {
                return try scannedWindow(db, query, filter, sort, limit, offset)
            }
            let total = try Self.count(db, query, filter)
            let (sql, arguments) = try Self.selectSQL(db, DomainRow.qualifiedSelectList, query, filter, sort, limit, offset,
                                                      knownTotal: total)
            return DomainWindow(total: total, offset: offset, rows: decodeDomains(try Row.fetchAll(db, sql: sql, arguments: arguments)))
        }
    }

    /// One domain by ASCII / punycode name (any case), gone or not.
    public func domain(named name: String) throws -> DomainRow? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "SELECT \(DomainRow.selectList) FROM domain WHERE name = ?",
                             arguments: [name.lowercased()]).flatMap { decodeRow($0, table: "domain", DomainRow.init(columns:)) }
        }
    }

    /// Rows for the given names (missing names are skipped), by name.
    public func domains(named names: [String]) throws -> [DomainRow] {
        guard !names.isEmpty else { return [] }
        return try writer.read { db in
            var rows: [DomainRow] = []
            rows.reserveCapacity(names.count)
            // A cursor decodes each row in place (`fetchAll` would copy every
            // row first).
            func collect(_ cursor: RowCursor, wanted: Set<String>?) throws {
                while let row = try cursor.next() {
                    if let wanted, case .string(let name) = (row[0] as DatabaseValue).storage, !wanted.contains(name) { continue }
                    if let decoded = decodeRow(row, table: "domain", DomainRow.init(columns:)) { rows.append(decoded) }
                }
            }
            if names.count >= Self.scanThreshold {
                // Many names: one pass over the table in storage order beats
                // a lookup per name (random pages, 2 b-tree descents each).
                try collect(Row.fetchCursor(db, sql: "SELECT \(DomainRow.selectList) FROM domain"),
                            wanted: Set(names.map { $0.lowercased() }))
            } else {
                // Chunks stay under SQLite's bound-parameter limit.
                for chunk in stride(from: 0, to: names.count, by: 500).map({ names[$0..<min($0 + 500, names.count)] }) {
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    try collect(Row.fetchCursor(db, sql: "SELECT \(DomainRow.selectList) FROM domain WHERE name IN (\(marks))",
                                                arguments: StatementArguments(chunk.map { $0.lowercased() })), wanted: nil)
                }
            }
            return rows.sorted { $0.name < $1.name }
        }
    }

    /// Windows of up to this many rows are found through the filter index
    /// (when it runs) and read by rowid; longer listings run in SQL.
    static let indexedRowLimit = 10_000

    /// The rows at `found` (rowid and name, in display order), read by
    /// rowid in one snapshot; a row deleted since the index saw it is left out.
    func rows(at found: [(rowID: Int64, name: String)]) throws -> [DomainRow] {
        guard !found.isEmpty else { return [] }
        let read = try writer.read { db in
            var rows: [DomainRow] = []
            for chunk in stride(from: 0, to: found.count, by: 500).map({ found[$0..<min($0 + 500, found.count)] }) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                rows += decodeDomains(try Row.fetchAll(
                    db, sql: "SELECT \(DomainRow.selectList) FROM domain WHERE rowid IN (\(marks))",
                    arguments: StatementArguments(chunk.map(\.rowID))))
            }
            return rows
        }
        let byName = Dictionary(read.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return found.compactMap { byName[$0.name] }
    }

    /// From this many names on, `domains(named:)` reads the table in one pass.
    static let scanThreshold = 5_000

    /// Position of `name` in the filtered, sorted list (to keep the cursor
    /// on a row when the filter or sort changes); nil when it does not match.
    public func index(of name: String, matching query: PortfolioQuery = .all,
                      sort: DomainSort = .byName) throws -> Int? {
        let now = nowMs
        if let position = withFilterIndex(reading: query, { state -> Int? in
            guard let slot = state.columns.slot(named: name.lowercased()) else { return nil }
            return state.position(of: slot, query, nowMs: now, sort: sort)
        }) {
            return position
        }
        guard let row = try domain(named: name) else { return nil }
        let filter = query.filter(nowMs: now)
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

    /// Below this many matches, a names-only filter fetches its matches
    /// through the covering name index and sorts them; above it, walking the
    /// sort column's index finds a window's rows sooner.
    static let smallMatchCount = 5_000

    static func count(_ db: Database, _ query: PortfolioQuery, _ filter: DomainFilter) throws -> Int {
        // Free words need only names: the narrow covering index answers them
        // without reading the wide rows (SQLite does not pick it on its own).
        // With no term, the partial name index lists exactly the present
        // domains; counting it beats scanning the table.
        let from = query.onlyNameWords || query.terms.isEmpty ? "domain INDEXED BY domain_search" : "domain"
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(from) WHERE \(filter.sql)", arguments: filter.arguments) ?? 0
    }

    static func selectSQL(_ db: Database, _ columns: String, _ query: PortfolioQuery, _ filter: DomainFilter,
                          _ sort: DomainSort, _ limit: Int?, _ offset: Int,
                          knownTotal: Int? = nil) throws -> (String, StatementArguments) {
        var sql: String
        var arguments: StatementArguments
        // A names-only filter with few matches: collect the matching rowids
        // from the covering name index, then read and sort just those rows.
        // With many matches, walking the sort column's index finds a
        // window's rows sooner.
        if query.onlyNameWords, (knownTotal ?? 0) <= smallMatchCount,
           let rowIDs = try matchingRowIDs(db, filter, atMost: smallMatchCount) {
            let marks = rowIDs.isEmpty ? "NULL" : Array(repeating: "?", count: rowIDs.count).joined(separator: ",")
            sql = "SELECT \(columns) FROM domain WHERE domain.rowid IN (\(marks)) ORDER BY \(sort.sql(scanFirst: true))"
            arguments = StatementArguments(rowIDs)
        } else {
            var scanFirst = query.scansNames && !query.onlyNameWords
            // A window of a filter with few matches (`tld:c` while typing,
            // `exp:2027-01`): read the matches through the filter's index and
            // sort them. Walking the sort index instead visits every row
            // when fewer than a window's worth match (50 ms at 100k). The
            // planner cannot tell, as it sees `tld = ?`, not the value.
            var from = "domain"
            if !scanFirst, limit != nil, !query.terms.isEmpty {
                scanFirst = try knownTotal.map { $0 <= smallMatchCount } ?? hasFewMatches(db, filter)
                // Many matches (exp:2027 is a fifth of all domains): walking
                // the name index finds a window's rows after a few hundred,
                // where the planner may pick the filter's index and sort
                // every match (40 ms at 100k).
                if !scanFirst, sort.field == .name { from = "domain INDEXED BY sqlite_autoindex_domain_1" }
            }
            sql = "SELECT \(columns) FROM \(from) WHERE \(filter.sql) ORDER BY \(sort.sql(scanFirst: scanFirst))"
            arguments = filter.arguments
        }
        if let limit {
            sql += " LIMIT ? OFFSET ?"
            arguments += [limit, offset]
        } else if offset > 0 {
            sql += " LIMIT -1 OFFSET ?"
            arguments += [offset]
        }
        return (sql, arguments)
    }

    /// A window of a filter with a substring term besides other terms
    /// (`ns:`, `exp:<90d maple`): no index answers it, so one table scan
    /// yields the total (a window count) and the window's rowids together,
    /// instead of a scan to count and another to sort. `NOT INDEXED`: an
    /// index on the other term, when it matches many rows, costs a random
    /// row lookup per match (80 ms for `exp:>1y r` at 100k, 14 ms scanned).
    func scannedWindow(_ db: Database, _ query: PortfolioQuery, _ filter: DomainFilter, _ sort: DomainSort,
                              _ limit: Int, _ offset: Int) throws -> DomainWindow {
        let order = sort.sql(scanFirst: true)
        let found = try Row.fetchAll(db, sql: """
            SELECT domain.rowid, COUNT(*) OVER () FROM domain NOT INDEXED WHERE \(filter.sql)
            ORDER BY \(order) LIMIT ? OFFSET ?
            """, arguments: filter.arguments + [limit, offset])
        let ids: [Int64] = found.map { $0[0] }
        // No row carries the total when the window lies past the end.
        let total: Int = try found.first.map { $0[1] } ?? (offset > 0 ? Self.count(db, query, filter) : 0)
        let marks = ids.isEmpty ? "NULL" : Array(repeating: "?", count: ids.count).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: """
            SELECT \(DomainRow.qualifiedSelectList) FROM domain WHERE domain.rowid IN (\(marks)) ORDER BY \(order)
            """, arguments: StatementArguments(ids))
        return DomainWindow(total: total, offset: offset, rows: decodeDomains(rows))
    }

    /// Whether at most `smallMatchCount` domains match: a count that stops
    /// early, so it stays cheap when many rows match.
    static func hasFewMatches(_ db: Database, _ filter: DomainFilter) throws -> Bool {
        let found = try Int.fetchOne(
            db, sql: "SELECT COUNT(*) FROM (SELECT 1 FROM domain WHERE \(filter.sql) LIMIT ?)",
            arguments: filter.arguments + [smallMatchCount + 1]) ?? 0
        return found <= smallMatchCount
    }

    /// Rowids and names matching a names-only filter, or nil when there are
    /// more than `limit`.
    static func matchingNames(_ db: Database, _ filter: DomainFilter, atMost limit: Int) throws -> [(rowID: Int64, name: String)]? {
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT rowid, name FROM domain INDEXED BY domain_search WHERE \(filter.sql) LIMIT ?",
            arguments: filter.arguments + [limit + 1])
        var found: [(rowID: Int64, name: String)] = []
        while let row = try cursor.next() {
            // A name that is not text (a blob written by raw SQL) matches no
            // name filter; `decodeDomains` counts such a row when it is read.
            guard let name = String.fromDatabaseValue(row[1]) else { continue }
            found.append((row[0], name))
        }
        return found.count > limit ? nil : found
    }

    /// Rowids matching a names-only filter, or nil when there are more than `limit`.
    static func matchingRowIDs(_ db: Database, _ filter: DomainFilter, atMost limit: Int) throws -> [Int64]? {
        let cursor = try Int64.fetchCursor(
            db, sql: "SELECT rowid FROM domain INDEXED BY domain_search WHERE \(filter.sql) LIMIT ?",
            arguments: filter.arguments + [limit + 1])
        var ids: [Int64] = []
        while let id = try cursor.next() { ids.append(id) }
        return ids.count > limit ? nil : ids
    }
}

/// A window of the filtered, sorted domain list.
public struct DomainWindow: Sendable, Hashable {
    /// Matching domains in all.
    public var total: Int
    /// Position of the first row in the whole list.
    public var offset: Int
    public var rows: [DomainRow]
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
