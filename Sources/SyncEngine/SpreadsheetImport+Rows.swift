import Dispatch
import SwiftCSV
@_spi(OutboxWriter) import PortfolioStore

/// Cached rows by name (the first row of a name, should two share one).
struct CachedRows: Sendable {
    private let rows: [DomainRow]
    private let position: [String: Int]

    init(_ rows: [DomainRow]) {
        self.rows = rows
        var position = [String: Int](minimumCapacity: rows.count)
        for (index, row) in rows.enumerated() where position[row.name] == nil { position[row.name] = index }
        self.position = position
    }

    subscript(name: String) -> DomainRow? { position[name].map { rows[$0] } }

    func contains(_ name: String) -> Bool { position[name] != nil }
}

/// The cache read whole while a large sheet is parsed: at that size reading
/// the rows the sheet names is a pass over the whole table anyway
/// (`domains(named:reading:)` scans from 5,000 names), so it runs on a
/// second core beside SwiftCSV.
enum CachePrefetch {
    /// The cache's columns to read whole beside the parse, or nil for no
    /// early read: the sheet must have at least `minimumRows` lines, the
    /// cache at most twice as many domains (a small sheet against a large
    /// cache reads only its names, after the parse), and its header line
    /// (up to the first line break) must name a domain column.
    static func columns(for text: String, options: ImportOptions, store: PortfolioDatabase,
                        minimumRows: Int = 5_000) throws -> [String]? {
        let lineBreaks = text.utf8.count { $0 == 0x0A }
        guard lineBreaks >= minimumRows,
              let end = text.utf8.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) else { return nil }
        // A header line SwiftCSV cannot read alone (a quoted line break)
        // gets no early read; the whole file is read (or refused) as usual.
        guard let header = try? SyncEngine.readCSV(String(text[..<end]), delimiter: options.delimiter).header else { return nil }
        let columnAt = SyncEngine.importColumns(header).columnAt
        guard columnAt.values.contains(.domain), try store.count() <= 2 * lineBreaks else { return nil }
        return SyncEngine.cachedColumns(SyncEngine.fieldsFilled(by: columnAt))
    }

    /// Parses `text` and, given `columns`, reads every cached row's
    /// `columns` at the same time: the calling thread and one more, or the
    /// calling thread alone, one after the other, when no other is free
    /// (`concurrentPerform` never waits for a thread it cannot get).
    static func parse(_ text: String, options: ImportOptions, readingWhole columns: [String]?,
                      from store: PortfolioDatabase) throws -> (table: EnumeratedCSV, cached: (columns: Set<String>, rows: CachedRows)?) {
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: columns == nil ? 1 : 2) { part in
            if part == 0 {
                results.table = Result { try SyncEngine.readCSV(text, delimiter: options.delimiter) }
            } else if let columns {
                results.cached = Result { (Set(columns), CachedRows(try store.allDomains(reading: columns))) }
            }
        }
        return (try results.table!.get(), try results.cached?.get())
    }

    /// Each written by one part only; read after `concurrentPerform`
    /// returns, which waits for both.
    private final class Results: @unchecked Sendable {
        var table: Result<EnumeratedCSV, Error>?
        var cached: Result<(columns: Set<String>, rows: CachedRows), Error>?
    }
}

/// What one row of an import asks, worked out apart from the other rows.
enum ImportRowOutcome: Sendable {
    /// Every cell blank: not counted.
    case blank
    /// Skipped before its name counts as seen (no name, not in the cache).
    case skipped(String)
    /// A bad value: skipped (after the one-row-per-domain check).
    case refused(String)
    /// The changes it makes, and the fields it gives that change nothing
    /// (a set of `bit(_:)`s).
    case read(changes: [Change], same: UInt8)

    struct Change: Sendable {
        var edit: Edit
        /// `edit.hashValue`, worked out with the row (on its core).
        var hash: Int
        /// Its field's `bit(_:)`.
        var field: UInt8
        /// The encoded target value and the cached one.
        var value: String
        var base: String
    }

    /// An edit as a key of the groups, hashed by its `hashValue` worked out
    /// before (a dictionary would hash the edit's strings again).
    struct Key: Hashable {
        var edit: Edit
        var hash: Int

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }
        static func == (a: Key, b: Key) -> Bool { a.hash == b.hash && a.edit == b.edit }
    }

    /// A field's bit: its position in `SyncEngine.importFields` (0 for a
    /// field an import does not fill, which it never gives).
    static func bit(_ field: IntentField) -> UInt8 {
        SyncEngine.importFields.firstIndex(of: field).map { 1 << $0 } ?? 0
    }

    static func fieldSet(_ fields: Set<IntentField>) -> UInt8 {
        fields.reduce(0) { $0 | bit($1) }
    }
}
