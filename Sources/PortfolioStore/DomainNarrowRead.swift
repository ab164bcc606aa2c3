import GRDB

extension PortfolioDatabase {
    /// Rows for the given names (missing names are skipped), in no
    /// particular order (sorting 100k rows costs more than reading them), with
    /// only `columns` read: names from `DomainRow.columns`; `name`, `tld`
    /// and `ns_type` are always read. Every other property keeps
    /// `DomainRow`'s default. For queueing an edit on many domains, whose
    /// base value needs one to four columns of thirty.
    ///
    /// The same rows as `domains(named:)` come back: a row whose columns are
    /// not all of their usual storage type is read whole as `domains(named:)`
    /// reads it, so a row that read would skip as unreadable is skipped (and
    /// counted in `skippedRows`) here too, and one it would read gives the
    /// same values in the columns asked for.
    public func domains(named names: [String], reading columns: [String]) throws -> [DomainRow] {
        guard !names.isEmpty else { return [] }
        return try narrowRead(names, reading: columns)
    }

    /// Every cached row, with only `columns` read, as
    /// `domains(named:reading:)` reads them; in no particular order. For an
    /// import of a sheet about the size of the cache, read while the sheet
    /// is parsed.
    public func allDomains(reading columns: [String]) throws -> [DomainRow] {
        try narrowRead(nil, reading: columns)
    }

    /// The rows of `names`, or every row for nil.
    private func narrowRead(_ names: [String]?, reading columns: [String]) throws -> [DomainRow] {
        let extra = columns.filter { !["name", "tld", "ns_type"].contains($0) }
        var seen = Set<String>()
        let wantedColumns = ["name", "tld", "ns_type"] + extra.filter { seen.insert($0).inserted }
        let readers = try wantedColumns.map { column -> NarrowColumn in
            guard let reader = Self.narrowColumns[column] else { throw NarrowReadError.unknownColumn(column) }
            return reader
        }
        let select = wantedColumns.joined(separator: ", ") + ", " + Self.canonicalTypesCheck
        let okIndex = wantedColumns.count
        return try writer.read { db in
            var rows: [DomainRow] = []
            rows.reserveCapacity(names?.count ?? 0)
            var irregular: [String] = []
            func collect(_ cursor: RowCursor, wanted: Set<String>?) throws {
                while let row = try cursor.next() {
                    guard case .string(let name) = (row[0] as DatabaseValue).storage else {
                        // Blob or NULL (the column's text affinity stores
                        // numbers as text): the whole-row read cannot read
                        // such a row either, and notes it as skipped.
                        let key = (row[0] as DatabaseValue).description
                        unreadableRows.withLock { _ = $0.insert("domain \(key)") }
                        continue
                    }
                    if let wanted, !wanted.contains(name) { continue }
                    guard case .int64(1) = (row[okIndex] as DatabaseValue).storage else {
                        irregular.append(name)
                        continue
                    }
                    let reader = ColumnReader(row)
                    var decoded = DomainRow(name: name, tld: try reader.text(1))
                    for (index, column) in readers.enumerated().dropFirst(2) {
                        try column(&decoded, reader, index)
                    }
                    rows.append(decoded)
                }
            }
            if let names, names.count < Self.scanThreshold {
                for chunk in stride(from: 0, to: names.count, by: 500).map({ names[$0..<min($0 + 500, names.count)] }) {
                    let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                    try collect(Row.fetchCursor(db, sql: "SELECT \(select) FROM domain WHERE name IN (\(marks))",
                                                arguments: StatementArguments(chunk.map { $0.lowercased() })), wanted: nil)
                }
            } else {
                try collect(Row.fetchCursor(db, sql: "SELECT \(select) FROM domain"), wanted: names.map { Set($0.map { $0.lowercased() }) })
            }
            // The few irregular rows, read whole one by one (and skipped when
            // unreadable), as often as the pass above met them.
            let whole = try db.makeStatement(sql: "SELECT \(DomainRow.selectList) FROM domain WHERE name = ?")
            for name in irregular {
                if let row = try Row.fetchOne(whole, arguments: [name]),
                   let decoded = decodeRow(row, table: "domain", DomainRow.init(columns:)) {
                    rows.append(decoded)
                }
            }
            return rows
        }
    }

    /// Sets one property of a row from the column at an index of the read.
    typealias NarrowColumn = @Sendable (inout DomainRow, ColumnReader, Int) throws -> Void

    /// How `DomainRow.init(columns:)` reads each column, one by one.
    static let narrowColumns: [String: NarrowColumn] = [
        "name": { _, _, _ in },
        "tld": { _, _, _ in },
        "ns_type": { row, c, i in row.nsType = DomainRow.NSType(rawValue: try c.text(i)) ?? .other },
        "name_unicode": { row, c, i in row.nameUnicode = try c.text(i) },
        "expires_ms": { row, c, i in row.expiresMs = try c.optionalInt64(i) },
        "registered_ms": { row, c, i in row.registeredMs = try c.optionalInt64(i) },
        "nameservers": { row, c, i in
            let servers = try c.text(i)
            row.nameservers = servers.isEmpty ? [] : servers.split(separator: "\n").map(String.init)
        },
        "with_ads": { row, c, i in row.withAds = try c.bool(i) },
        "registrant_id": { row, c, i in row.registrantID = try c.optionalText(i) },
        "admin_id": { row, c, i in row.adminID = try c.optionalText(i) },
        "technical_id": { row, c, i in row.technicalID = try c.optionalText(i) },
        "billing_id": { row, c, i in row.billingID = try c.optionalText(i) },
        "locked": { row, c, i in row.locked = try c.bool(i) },
        "privacy": { row, c, i in row.privacy = DomainRow.Privacy(rawValue: try c.text(i)) ?? .none },
        "for_sale": { row, c, i in row.forSale = try c.bool(i) },
        "sale_price_cents": { row, c, i in row.salePriceCents = try c.optionalInt64(i) },
        "sale_type": { row, c, i in row.saleType = try c.optionalText(i) },
        "sale_min_offer_cents": { row, c, i in row.saleMinOfferCents = try c.optionalInt64(i) },
        "renew_option": { row, c, i in row.renewOption = DomainRow.RenewOption(rawValue: try c.text(i)) ?? .none },
        "note": { row, c, i in row.note = try c.text(i) },
        "folder_id": { row, c, i in row.folderID = try c.optionalText(i) },
        "folder_name": { row, c, i in row.folderName = try c.text(i) },
    ]

    /// 1 when every column of the row has the storage type
    /// `DomainRow.init(columns:)` reads without conversion (so that read
    /// cannot fail on it), else 0. `typeof` does not load the values.
    static let canonicalTypesCheck: String = {
        let text = ["name", "name_unicode", "tld", "ns_type", "nameservers", "privacy", "renew_option", "note",
                    "folder_name", "status"]
        let optionalInteger = ["expires_ms", "registered_ms", "sale_price_cents", "sale_min_offer_cents"]
        let integer = ["with_ads", "locked", "disabled", "udrp_locked", "registrant_unverified", "hold", "for_sale",
                       "synced_at_ms", "gone"]
        let optionalText = ["registrant_id", "admin_id", "technical_id", "billing_id", "sale_type", "folder_id", "extra_json"]
        precondition(Set(text + optionalInteger + integer + optionalText) == Set(DomainRow.columns),
                     "the type check names every column of DomainRow")
        let checks = text.map { "typeof(\($0)) = 'text'" }
            + optionalInteger.map { "typeof(\($0)) IN ('integer', 'null')" }
            + integer.map { "typeof(\($0)) = 'integer'" }
            + optionalText.map { "typeof(\($0)) IN ('text', 'null')" }
        return "(" + checks.joined(separator: " AND ") + ")"
    }()
}

/// A column name `domains(named:reading:)` does not know.
public enum NarrowReadError: Error, CustomStringConvertible {
    case unknownColumn(String)

    public var description: String {
        switch self {
        case .unknownColumn(let name): return "no domain column '\(name)' to read"
        }
    }
}
