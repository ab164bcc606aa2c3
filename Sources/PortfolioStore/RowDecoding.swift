import GRDB

/// A column whose value has a type the row type cannot take (`'soon'` in
/// `expires_ms`): written by raw SQL, another tool, or a damaged page.
struct UnreadableValue: Error {
    let column: Int
}

/// Reads a row's columns by position without trapping.
///
/// GRDB's typed `row[i]` subscripts stop the process on a type mismatch,
/// and a cache is a file anyone can edit: one bad value must cost one row,
/// not the TUI. Each accessor reads the raw `DatabaseValue` and converts
/// what converts losslessly (an integer stored as integer-valued text, an
/// integral real); anything else throws `UnreadableValue`.
struct ColumnReader {
    let row: Row

    init(_ row: Row) { self.row = row }

    func value(_ index: Int) -> DatabaseValue { row[index] }

    func text(_ index: Int) throws -> String {
        switch value(index).storage {
        case .string(let text): return text
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob, .null: throw UnreadableValue(column: index)
        }
    }

    func optionalText(_ index: Int) throws -> String? {
        value(index).isNull ? nil : try text(index)
    }

    func int64(_ index: Int) throws -> Int64 {
        switch value(index).storage {
        case .int64(let number): return number
        case .double(let number):
            if let exact = Int64(exactly: number) { return exact }
        case .string(let text):
            if let number = Int64(text) { return number }
        case .blob, .null: break
        }
        throw UnreadableValue(column: index)
    }

    func optionalInt64(_ index: Int) throws -> Int64? {
        value(index).isNull ? nil : try int64(index)
    }

    func int(_ index: Int) throws -> Int {
        guard let number = Int(exactly: try int64(index)) else { throw UnreadableValue(column: index) }
        return number
    }

    func optionalInt(_ index: Int) throws -> Int? {
        value(index).isNull ? nil : try int(index)
    }

    /// 0 / 1 flags (any integer: non-zero is true).
    func bool(_ index: Int) throws -> Bool {
        try int64(index) != 0
    }
}

extension PortfolioDatabase {
    /// Distinct cached rows that could not be read (a value of the wrong
    /// type) and were left out of what the store returned since it was
    /// opened. The same bad row read again counts once.
    public var skippedRows: Int { unreadableRows.withLock { $0.count } }

    /// What to tell the user when `skippedRows` is not zero, else nil.
    public var skippedRowsNote: String? {
        let count = skippedRows
        guard count > 0 else { return nil }
        return "\(count) cached row\(count == 1 ? "" : "s") could not be read and \(count == 1 ? "was" : "were") skipped"
            + " — run `dynafolio sync` to refresh the cache"
    }

    /// Decodes `rows`, leaving out (and noting) those that fail. `table`
    /// and the first column (the row's key in every select here) name a
    /// skipped row, so re-reading it does not count it again.
    func decodeRows<T>(_ rows: [Row], table: String, _ decode: (ColumnReader) throws -> T) -> [T] {
        var decoded: [T] = []
        decoded.reserveCapacity(rows.count)
        for row in rows {
            if let value = decodeRow(row, table: table, decode) { decoded.append(value) }
        }
        return decoded
    }

    /// One row, or nil (noted as skipped) when it cannot be read.
    func decodeRow<T>(_ row: Row, table: String, _ decode: (ColumnReader) throws -> T) -> T? {
        do {
            return try decode(ColumnReader(row))
        } catch {
            // Only `UnreadableValue` is thrown by `ColumnReader`; whatever the
            // decoder throws, the row is unusable.
            let key = row.isEmpty ? "" : (row[0] as DatabaseValue).description
            unreadableRows.withLock { _ = $0.insert("\(table) \(key)") }
            return nil
        }
    }
}

extension Row {
    /// The column as an integer, or nil when it is NULL or does not convert
    /// (`ColumnReader`'s rule), for columns where a bad value means "absent".
    func int64(_ index: Int) -> Int64? { try? ColumnReader(self).optionalInt64(index) }

    /// The column as text, or nil when it is NULL or does not convert.
    func text(_ index: Int) -> String? { try? ColumnReader(self).optionalText(index) }
}
