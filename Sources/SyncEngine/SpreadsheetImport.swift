import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import SwiftCSV

/// How `dynafolio import` (and the TUI's `:import`) reads a file.
public struct ImportOptions: Sendable, Hashable {
    /// The cell separator; nil detects `,`, `;` or tab from the header line.
    public var delimiter: Character?
    /// The decimal mark of amounts (`,` or `.`); nil reads each amount
    /// when it is unambiguous and reports it otherwise.
    public var decimal: Character?

    public init(delimiter: Character? = nil, decimal: Character? = nil) {
        self.delimiter = delimiter
        self.decimal = decimal
    }
}

/// A file that could not be read at all (exit 2): nothing is queued.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// What an import would queue, field by field, before anything is queued:
/// the preview the CLI prints and the TUI shows in a dialog.
public struct ImportPreview: Sendable {
    /// Per field: domains whose value changes, stays the same (cached or
    /// already queued), or is skipped (blank cell, bad row).
    public struct Tally: Sendable, Hashable {
        public var field: String
        public var change = 0
        public var same = 0
        public var skipped = 0
    }

    /// A row skipped, with its line in the file and why.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    public var delimiter: Character
    public var rowsRead = 0
    /// Recognised headers, in file order, with the field each one fills.
    public var columns: [(header: String, field: String)] = []
    /// Headers no alias matches (ignored).
    public var unknownHeaders: [String] = []
    public var tallies: [Tally] = []
    public var problems: [Problem] = []
    /// The changes, grouped by edit: what `queue` receives.
    public var edits: [(edit: Edit, domains: [String])] = []
    /// The intents the changes make, with the bases the preview compared
    /// with, and the cache's generation before it read them: what
    /// `queueImport` stores while the cache has not changed since, and how
    /// many domains they touch.
    var staged: (generation: Int64, intents: [NewIntent], domains: Int)?

    /// Field × domain changes to queue.
    public var changeCount: Int { tallies.reduce(0) { $0 + $1.change } }
    /// How many domains the changes touch (a domain may have several).
    public internal(set) var domainCount = 0

    /// The preview as the CLI prints it (and the TUI's dialog shows it).
    public var lines: [String] {
        var out = ["Read \(NumberText.count(rowsRead, "row")) (delimiter \(delimiter == "\t" ? "tab" : "'\(delimiter)'"))"
                   + "; columns: " + columns.map { "\(TerminalText.escaped($0.header)) → \($0.field)" }.joined(separator: ", ")]
        if !unknownHeaders.isEmpty {
            out.append("Ignored columns: " + unknownHeaders.map { TerminalText.escaped($0) }.joined(separator: ", "))
        }
        let width = max(5, tallies.map(\.field.count).max() ?? 0)
        out.append("  " + "field".padding(toLength: width, withPad: " ", startingAt: 0) + "  change    same  skipped")
        for tally in tallies {
            out.append("  " + tally.field.padding(toLength: width, withPad: " ", startingAt: 0)
                       + String(format: "  %6d  %6d  %7d", tally.change, tally.same, tally.skipped))
        }
        if !problems.isEmpty {
            out.append("Skipped \(problems.count) bad row\(problems.count == 1 ? "" : "s"):")
            out += problems.prefix(50).map { "  " + TerminalText.escaped($0.description) }
            if problems.count > 50 { out.append("  … and \(problems.count - 50) more") }
        }
        return out
    }
}

/// The columns an import understands, by header alias.
enum ImportColumn: String, CaseIterable {
    case domain, price, minOffer = "min offer", listingType = "listing type", note, folder, renew
    case nameServers = "name servers", privacy

    /// Headers, compared with case, spaces and punctuation removed.
    var aliases: [String] {
        switch self {
        case .domain: return ["domain", "domain name", "name", "fqdn"]
        case .price: return ["price", "asking price", "bin", "buy now price", "list price", "sale price"]
        case .minOffer: return ["min offer", "minimum offer", "floor", "sale min offer"]
        case .listingType: return ["listing type", "sale type"]
        case .note: return ["note", "notes", "comment"]
        case .folder: return ["folder"]
        case .renew: return ["renew", "auto renew", "renew option"]
        case .nameServers: return ["ns", "nameservers", "name servers"]
        case .privacy: return ["privacy"]
        }
    }

    /// Its position in `allCases`.
    var ordinal: Int {
        switch self {
        case .domain: return 0
        case .price: return 1
        case .minOffer: return 2
        case .listingType: return 3
        case .note: return 4
        case .folder: return 5
        case .renew: return 6
        case .nameServers: return 7
        case .privacy: return 8
        }
    }

    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    static let byAlias: [String: ImportColumn] = Dictionary(
        allCases.flatMap { column in column.aliases.map { (key($0), column) } }, uniquingKeysWith: { a, _ in a })
}

/// One row's non-blank cells by column (an array, not a dictionary: an
/// import looks cells up a dozen times per row).
struct ImportCells {
    private var values = [String?](repeating: nil, count: ImportColumn.allCases.count)

    subscript(column: ImportColumn) -> String? {
        get { values[column.ordinal] }
        set { values[column.ordinal] = newValue }
    }
}

extension SyncEngine {
    /// Reads a CSV or TSV file's text against the cache and says what an
    /// import would change. Throws `ImportError` when nothing can be read
    /// (not CSV, no header, no domain column). Rules: a blank cell never
    /// overwrites; a value equal to the cached one (or to one already
    /// queued) queues nothing; a `0` price or minimum offer means "not set";
    /// a row with an unknown domain or a bad value is skipped and reported
    /// with its line.
    public func previewImport(_ text: String, options: ImportOptions = ImportOptions()) throws -> ImportPreview {
        // The generation before the cached rows are read: queueing the
        // intents worked out from them below is valid only while it holds.
        let generation = try store.changeGeneration()
        // A sheet about the size of the cache: the cache is read whole on
        // another core while the sheet is parsed on this one.
        let (table, prefetched) = try CachePrefetch.parse(text, options: options,
                                                          readingWhole: try CachePrefetch.columns(for: text, options: options, store: store),
                                                          from: store)
        var preview = ImportPreview(delimiter: table.delimiter.rawValue)
        let (columnAt, recognised, unknown) = Self.importColumns(table.header)
        preview.columns = recognised
        preview.unknownHeaders = unknown
        guard let domainIndex = columnAt.first(where: { $0.value == .domain })?.key else {
            let seen = table.header.isEmpty ? "no header row" : "headers: " + table.header.map { TerminalText.escaped($0) }.joined(separator: ", ")
            throw ImportError(description: "no domain column (\(seen)); name one column domain, domain name, name or fqdn")
        }
        let rows = table.rows
        preview.rowsRead = rows.count
        // Line of each row in the file: quoted cells may hold line breaks.
        var line = 2 + Self.lineBreaks(in: table.header)
        var lines: [Int] = []
        lines.reserveCapacity(rows.count)
        for row in rows {
            lines.append(line)
            line += 1 + Self.lineBreaks(in: row)
        }
        // The cached rows and what is already queued for them, read once.
        let names = ParallelRows.map(rows.count) { position -> String in
            let row = rows[position]
            let cell = domainIndex < row.count ? row[domainIndex] : ""
            return Punycode.asciiName(cell.trimmedSpaces()).lowercased()
        }
        let read = Self.fieldsFilled(by: columnAt)
        let columns = Self.cachedColumns(read)
        let cached: CachedRows
        if let prefetched, Set(columns).isSubset(of: prefetched.columns) {
            cached = prefetched.rows
        } else {
            cached = CachedRows(try store.domains(named: names.filter { !$0.isEmpty }, reading: columns))
        }
        let open = try store.pendingFields(for: names.filter { !$0.isEmpty && cached.contains($0) })
        let folders = Set(try store.folders().map(\.name))
        // Each row worked out apart from the others (on every core for a
        // large file), then tallied and grouped in file order.
        let columnList = columnAt.sorted { $0.key < $1.key }
        let outcomes = ParallelRows.map(rows.count) { position -> ImportRowOutcome in
            let row = rows[position]
            var cells = ImportCells()
            for (index, column) in columnList where index < row.count {
                let value = row[index].trimmedSpaces(andNewlines: true)
                if !value.isEmpty { cells[column] = value }
            }
            if row.allSatisfy({ $0.trimmedSpaces().isEmpty }) { return .blank }
            let name = names[position]
            guard !name.isEmpty else { return .skipped("no domain name") }
            guard let cachedRow = cached[name] else {
                return .skipped("'\(TerminalText.escaped(name))' is not in the cache — check the spelling or run `dynafolio sync`")
            }
            let edits: [Edit], unchanged: Set<IntentField>
            do {
                (edits, unchanged) = try rowEdits(cells, row: cachedRow, options: options, folders: folders)
            } catch {
                return .refused("\(name): \(error)")
            }
            var same = ImportRowOutcome.fieldSet(unchanged)
            var changes: [ImportRowOutcome.Change] = []
            let queued = open.isEmpty ? nil : open[name]
            for edit in edits {
                let value = edit.encodedValue
                let base = FieldValues.cached(edit.field, row: cachedRow, dns: nil)
                let field = ImportRowOutcome.bit(edit.field)
                if value == base || queued?.contains(where: {
                    $0.field == edit.field.rawValue && ($0.state == .pending || $0.state == .inflight) && $0.value == value
                }) == true {
                    same |= field
                } else {
                    changes.append(.init(edit: edit, hash: edit.hashValue, field: field, value: value, base: base))
                }
            }
            return .read(changes: changes, same: same)
        }
        // Tallied in file order; the changes grouped by edit (groups in the
        // order of their first row, each one's rows in file order).
        var tallies = Self.importFields.map { ImportPreview.Tally(field: Self.label($0)) }
        let readFields = ImportRowOutcome.fieldSet(Set(read))
        func count(_ fields: UInt8, _ add: (inout ImportPreview.Tally) -> Void) {
            for index in tallies.indices where fields & (1 << index) != 0 { add(&tallies[index]) }
        }
        let changeCount = outcomes.reduce(0) { total, outcome in
            if case .read(let changes, _) = outcome { return total + changes.count }
            return total
        }
        var groupOf = [ImportRowOutcome.Key: Int](minimumCapacity: changeCount)
        var groupEdits: [Edit] = [], groupValues: [String] = [], groupSizes: [Int] = []
        // Each change: its group, its row, its base.
        var memberGroup: [Int32] = [], memberRow: [Int32] = [], memberBase: [String] = []
        memberGroup.reserveCapacity(changeCount)
        memberRow.reserveCapacity(changeCount)
        memberBase.reserveCapacity(changeCount)
        var seenDomains: [String: Int] = [:]
        var changedDomains = 0
        for (position, outcome) in outcomes.enumerated() {
            func skip(_ reason: String) {
                preview.problems.append(.init(line: lines[position], reason: reason))
                count(readFields) { $0.skipped += 1 }
            }
            let name = names[position]
            switch outcome {
            case .blank:
                continue
            case .skipped(let reason):
                skip(reason)
                continue
            case .refused, .read:
                if let earlier = seenDomains.updateValue(lines[position], forKey: name) {
                    seenDomains[name] = earlier
                    skip("'\(name)' is on line \(earlier) already; keep one row per domain")
                    continue
                }
            }
            guard case .read(let changes, let same) = outcome else {
                if case .refused(let reason) = outcome { skip(reason) }
                continue
            }
            var given = same
            if !changes.isEmpty { changedDomains += 1 }
            count(same) { $0.same += 1 }
            for change in changes {
                count(change.field) { $0.change += 1 }
                given |= change.field
                let g: Int
                let key = ImportRowOutcome.Key(edit: change.edit, hash: change.hash)
                if let known = groupOf[key] {
                    g = known
                    groupSizes[g] += 1
                } else {
                    g = groupEdits.count
                    groupOf[key] = g
                    groupEdits.append(change.edit)
                    groupValues.append(change.value)
                    groupSizes.append(1)
                }
                memberGroup.append(Int32(g))
                memberRow.append(Int32(position))
                memberBase.append(change.base)
            }
            count(readFields & ~given) { $0.skipped += 1 }
        }
        preview.tallies = Self.importFields.indices.filter { readFields & (1 << $0) != 0 }.map { tallies[$0] }
        preview.domainCount = changedDomains
        // The changes group by group: a stable counting sort by group.
        var start = [Int](repeating: 0, count: groupSizes.count + 1)
        for (g, size) in groupSizes.enumerated() { start[g + 1] = start[g] + size }
        var next = start
        var order = [Int](repeating: 0, count: memberGroup.count)
        for (member, g) in memberGroup.enumerated() {
            order[next[Int(g)]] = member
            next[Int(g)] += 1
        }
        preview.edits = groupEdits.enumerated().map { g, edit in
            (edit, order[start[g]..<start[g + 1]].map { names[Int(memberRow[$0])] })
        }
        // The intents themselves, in the order queueing stages them (group by
        // group), when every field's base is the one the preview compared
        // with (name servers compare with the record set too).
        if groupEdits.allSatisfy({ Self.queuesInSQL($0.field) && $0.field != .contacts }) {
            var intents: [NewIntent] = []
            intents.reserveCapacity(order.count)
            for g in groupEdits.indices {
                let field = groupEdits[g].field.rawValue
                for member in order[start[g]..<start[g + 1]] {
                    intents.append(NewIntent(domain: names[Int(memberRow[member])], field: field, value: groupValues[g],
                                             baseValue: memberBase[member], valueVersion: Edit.valueVersion))
                }
            }
            preview.staged = (generation, intents, changedDomains)
        }
        return preview
    }

    /// The fields an import fills, in the preview's order.
    static let importFields: [IntentField] = [.sale, .note, .folder, .renewOption, .nameServerSetting, .privacy]

    /// The columns a header names, by position (the first of each kind);
    /// the recognised headers with their fields, and the unknown ones.
    static func importColumns(_ header: [String]) -> (columnAt: [Int: ImportColumn], recognised: [(header: String, field: String)],
                                                       unknown: [String]) {
        var columnAt: [Int: ImportColumn] = [:]
        var recognised: [(header: String, field: String)] = []
        var unknown: [String] = []
        for (index, cell) in header.enumerated() {
            let trimmed = cell.trimmedSpaces()
            if let column = ImportColumn.byAlias[ImportColumn.key(trimmed)], !columnAt.values.contains(column) {
                columnAt[index] = column
                recognised.append((trimmed, column.rawValue))
            } else if !trimmed.isEmpty {
                unknown.append(trimmed)
            }
        }
        return (columnAt, recognised, unknown)
    }

    /// The fields the recognised columns fill, in the preview's order.
    static func fieldsFilled(by columnAt: [Int: ImportColumn]) -> [IntentField] {
        let filled = Set(columnAt.values)
        return importFields.filter { columns(filling: $0).contains(where: filled.contains) }
    }

    /// Only the cache's columns the fields' cached values need.
    static func cachedColumns(_ fields: [IntentField]) -> [String] {
        var columns: [String] = []
        for field in fields { columns += FieldValues.columns(for: field).filter { !columns.contains($0) } }
        return columns
    }

    /// Queues a preview's changes as one operation with origin `import`.
    /// While the cache is as the preview read it, the preview's own intents
    /// are queued (its values and bases, nothing read or encoded again);
    /// after any commit in between (a sync, a push), the edits are queued
    /// from the rows as they are now, by the same rules.
    public func queueImport(_ preview: ImportPreview, label: String,
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> QueueSummary {
        guard !preview.edits.isEmpty else { return QueueSummary() }
        if let (generation, intents, domains) = preview.staged {
            for (edit, _) in preview.edits { try checkAgainstAccount(edit, createFolder: false) }
            // The other queue paths' steps: nothing done, rows read, intents
            // built, written (two per domain).
            let steps = domains * 2, built = domains * 3 / 2
            progress?(0, steps)
            progress?(domains, steps)
            if let stored = try store.enqueue(NewOperation(origin: .import, label: label), intents: intents,
                                              ifUnchangedSince: generation,
                                              progress: { done, _ in progress?(done == 1 ? built : steps, steps) }) {
                var summary = QueueSummary()
                summary.count(stored)
                logger.info("queued", metadata: ["field": "\(Set(intents.map(\.field)).sorted().joined(separator: ","))",
                                                 "domains": "\(domains)",
                                                 "added": "\(summary.added)", "cancelled": "\(summary.cancelled)"])
                return summary
            }
            logger.info("import: the cache changed since the preview; queueing from the rows as they are now")
        }
        return try queue(preview.edits, origin: .import, label: label, progress: progress)
    }

    /// The edits one row asks for (blank cells ask nothing), and the fields
    /// it gives that need no edit; throws the reason the row is bad.
    func rowEdits(_ cells: ImportCells, row: DomainRow, options: ImportOptions,
                  folders: Set<String>) throws -> (edits: [Edit], unchanged: Set<IntentField>) {
        var edits: [Edit] = []
        var unchanged = Set<IntentField>()
        let price = try cells[.price].flatMap { try ImportAmount.cents($0, decimal: options.decimal, what: "price") }
        let minimum = try cells[.minOffer].flatMap { try ImportAmount.cents($0, decimal: options.decimal, what: "minimum offer") }
        var listingType: String?
        if let text = cells[.listingType] {
            let key = ImportColumn.key(text)
            let types = ["buynow": "buy_now", "bin": "buy_now", "makeoffer": "make_offer", "offer": "make_offer",
                         "buynowandmakeoffer": "buy_now_and_make_offer", "both": "buy_now_and_make_offer"]
            guard let type = types[key] else {
                throw SyncError.invalidEdit("listing type '\(TerminalText.escaped(text))' — use buy_now, make_offer or buy_now_and_make_offer")
            }
            listingType = type
        }
        if price != nil || minimum != nil || listingType != nil {
            // What the row leaves blank keeps the cached listing's terms.
            let terms = SaleTerms(listingType: listingType ?? (row.forSale ? row.saleType ?? "buy_now" : "buy_now"),
                                  priceCents: price ?? (row.forSale ? row.salePriceCents : nil),
                                  minimumOfferCents: minimum ?? (row.forSale ? row.saleMinOfferCents : nil))
            edits.append(.forSale(terms))
        }
        if let note = cells[.note] { edits.append(.note(note)) }
        if let folder = cells[.folder] {
            guard folder.lowercased() == "default" || folder == row.folderName || folders.contains(folder) else {
                throw SyncError.invalidEdit(try unknownFolderText(folder) + " Create it first (in the TUI, or `set folder` with --create-folder).")
            }
            edits.append(.folder(folder.lowercased() == "default" ? "" : folder))
        }
        if let text = cells[.renew] {
            switch text.lowercased() {
            case "yes", "true", "1", "auto", "on": edits.append(.renewOption(.auto))
            case "no", "false", "0", "donot", "off": edits.append(.renewOption(.donot))
            case "none", "reset": edits.append(.renewOption(.none))
            default: throw SyncError.invalidEdit("renew '\(TerminalText.escaped(text))' — use yes or no (true/false, 1/0), or none for the account default")
            }
        }
        if let text = cells[.nameServers] {
            let hosts = text.split { $0 == " " || $0 == ";" || $0 == "," || $0 == "\n" || $0 == "\t" }.map(String.init)
            // The hosts the cache lists (as `ls --csv` writes them): nothing
            // to change, whatever the DNS type.
            if hosts.map({ $0.lowercased() }) != row.nameservers.map({ $0.lowercased() }) {
                edits.append(.nameServers(hosts))
            } else {
                unchanged.insert(.nameServerSetting)
            }
        }
        if let text = cells[.privacy] {
            let levels: [String: PrivacyChoice] = ["full": .full, "yes": .full, "on": .full, "partial": .partial,
                                                   "none": .none, "off": .none, "no": .none]
            guard let level = levels[text.lowercased()] else {
                throw SyncError.invalidEdit("privacy '\(TerminalText.escaped(text))' — use full, partial or none")
            }
            edits.append(.privacy(level))
        }
        for edit in edits { try validate(edit) }
        return (edits, unchanged)
    }

    static func columns(filling field: IntentField) -> [ImportColumn] {
        switch field {
        case .sale: return [.price, .minOffer, .listingType]
        case .note: return [.note]
        case .folder: return [.folder]
        case .renewOption: return [.renew]
        case .nameServerSetting: return [.nameServers]
        case .privacy: return [.privacy]
        default: return []
        }
    }

    static func label(_ field: IntentField) -> String {
        switch field {
        case .sale: return "sale listing"
        case .renewOption: return "renew"
        case .nameServerSetting: return "name servers"
        default: return field.rawValue
        }
    }

    /// Line breaks in the cells as a reader counts them: `\r\n`, `\n` and a
    /// lone `\r` are one each.
    static func lineBreaks(in cells: [String]) -> Int {
        var count = 0
        for cell in cells {
            var afterCR = false
            for byte in cell.utf8 {
                if byte == 0x0D {
                    count += 1
                } else if byte == 0x0A, !afterCR {
                    count += 1
                }
                afterCR = byte == 0x0D
            }
        }
        return count
    }
}
