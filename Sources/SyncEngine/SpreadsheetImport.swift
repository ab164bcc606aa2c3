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

    /// Field × domain changes to queue.
    public var changeCount: Int { tallies.reduce(0) { $0 + $1.change } }
    /// How many domains the changes touch (a domain may have several).
    public var domainCount: Int { Set(edits.flatMap(\.domains)).count }

    /// The preview as the CLI prints it (and the TUI's dialog shows it).
    public var lines: [String] {
        var out = ["Read \(rowsRead) row\(rowsRead == 1 ? "" : "s") (delimiter \(delimiter == "\t" ? "tab" : "'\(delimiter)'"))"
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

    static func key(_ header: String) -> String {
        String(header.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
    }

    static let byAlias: [String: ImportColumn] = Dictionary(
        allCases.flatMap { column in column.aliases.map { (key($0), column) } }, uniquingKeysWith: { a, _ in a })
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
        let table = try Self.readCSV(text, delimiter: options.delimiter)
        var preview = ImportPreview(delimiter: table.delimiter.rawValue)
        var columnAt: [Int: ImportColumn] = [:]
        for (index, header) in table.header.enumerated() {
            let trimmed = header.trimmedSpaces()
            if let column = ImportColumn.byAlias[ImportColumn.key(trimmed)], !columnAt.values.contains(column) {
                columnAt[index] = column
                preview.columns.append((trimmed, column.rawValue))
            } else if !trimmed.isEmpty {
                preview.unknownHeaders.append(trimmed)
            }
        }
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
        var names: [String] = []
        names.reserveCapacity(rows.count)
        for row in rows {
            let cell = domainIndex < row.count ? row[domainIndex] : ""
            names.append(Punycode.asciiName(cell.trimmedSpaces()).lowercased())
        }
        let fieldOrder: [IntentField] = [.sale, .note, .folder, .renewOption, .nameServerSetting, .privacy]
        let filled = Set(columnAt.values)
        let read = fieldOrder.filter { Self.columns(filling: $0).contains(where: filled.contains) }
        // Only the columns the filled fields' cached values need.
        var columns: [String] = []
        for field in read { columns += FieldValues.columns(for: field).filter { !columns.contains($0) } }
        let cached = Dictionary(try store.domains(named: names.filter { !$0.isEmpty }, reading: columns).map { ($0.name, $0) },
                                uniquingKeysWith: { a, _ in a })
        let open = try store.pendingFields(for: Array(cached.keys))
        let folders = Set(try store.folders().map(\.name))
        var tallies: [IntentField: ImportPreview.Tally] = [:]
        for field in read { tallies[field] = ImportPreview.Tally(field: Self.label(field)) }
        var groups: [Edit: [String]] = [:]
        var order: [Edit] = []
        var seenDomains: [String: Int] = [:]
        for (position, row) in rows.enumerated() {
            let name = names[position]
            var cells: [ImportColumn: String] = [:]
            for (index, column) in columnAt where index < row.count {
                let value = row[index].trimmedSpaces(andNewlines: true)
                if !value.isEmpty { cells[column] = value }
            }
            if row.allSatisfy({ $0.trimmedSpaces().isEmpty }) { continue }
            func skip(_ reason: String) {
                preview.problems.append(.init(line: lines[position], reason: reason))
                for field in tallies.keys { tallies[field]?.skipped += 1 }
            }
            guard !name.isEmpty else { skip("no domain name"); continue }
            guard let cachedRow = cached[name] else {
                skip("'\(TerminalText.escaped(name))' is not in the cache — check the spelling or run `dynafolio sync`")
                continue
            }
            if let earlier = seenDomains[name] {
                skip("'\(name)' is on line \(earlier) already; keep one row per domain")
                continue
            }
            seenDomains[name] = lines[position]
            let edits: [Edit], unchanged: Set<IntentField>
            do {
                (edits, unchanged) = try rowEdits(cells, row: cachedRow, options: options, folders: folders)
            } catch {
                skip("\(name): \(error)")
                continue
            }
            var changed = unchanged
            for field in unchanged { tallies[field]?.same += 1 }
            for edit in edits {
                let value = edit.encodedValue
                let queued = open[name]?.contains { $0.field == edit.field.rawValue && ($0.state == .pending || $0.state == .inflight) && $0.value == value }
                if value == FieldValues.cached(edit.field, row: cachedRow, dns: nil) || queued == true {
                    tallies[edit.field]?.same += 1
                } else {
                    tallies[edit.field]?.change += 1
                    if groups[edit] == nil { order.append(edit) }
                    groups[edit, default: []].append(name)
                }
                changed.insert(edit.field)
            }
            for field in tallies.keys where !changed.contains(field) { tallies[field]?.skipped += 1 }
        }
        preview.tallies = fieldOrder.compactMap { tallies[$0] }
        preview.edits = order.map { ($0, groups[$0] ?? []) }
        return preview
    }

    /// Queues a preview's changes as one operation with origin `import`.
    public func queueImport(_ preview: ImportPreview, label: String,
                            progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> QueueSummary {
        guard !preview.edits.isEmpty else { return QueueSummary() }
        return try queue(preview.edits, origin: .import, label: label, progress: progress)
    }

    /// The edits one row asks for (blank cells ask nothing), and the fields
    /// it gives that need no edit; throws the reason the row is bad.
    func rowEdits(_ cells: [ImportColumn: String], row: DomainRow, options: ImportOptions,
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

    static func lineBreaks(in cells: [String]) -> Int {
        cells.reduce(0) { count, cell in count + cell.reduce(0) { $0 + ($1 == "\n" || $1 == "\r\n" || $1 == "\r" ? 1 : 0) } }
    }
}

/// Amounts as spreadsheets and marketplace exports write them.
enum ImportAmount {
    /// `1,250.00`, `1.250,00`, `$1,250`, `1250 USD` → cents; nil for `0`
    /// (a marketplace export's "not set"). `decimal` forces the decimal
    /// mark; without it an amount whose mark is unclear (`1.250`) is refused.
    static func cents(_ raw: String, decimal: Character?, what: String) throws -> Int64? {
        var text = raw.trimmedSpaces()
        for mark in ["US$", "$", "USD", "usd"] {
            if text.hasPrefix(mark) { text = String(text.dropFirst(mark.count)) }
            if text.hasSuffix(mark) { text = String(text.dropLast(mark.count)) }
            text = text.trimmedSpaces()
        }
        text.removeAll { $0 == " " || $0 == "\u{00A0}" }
        // Escaped only for a message: most amounts are fine.
        var shown: String { TerminalText.escaped(raw) }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }) else {
            throw SyncError.invalidEdit("\(what) '\(shown)' is not an amount — write it like 1,250.00, 1.250,00, $1,250 or 1250 USD")
        }
        var mark = decimal
        if mark == nil {
            let commas = text.filter { $0 == "," }.count, dots = text.filter { $0 == "." }.count
            let digitsAfter = { (c: Character) in text.split(separator: c, omittingEmptySubsequences: false).last?.count ?? 0 }
            if commas > 0, dots > 0 {
                mark = text.last { $0 == "," || $0 == "." }
            } else if commas == 1 {
                mark = digitsAfter(",") == 3 ? nil : ","
            } else if dots == 1 {
                guard digitsAfter(".") != 3 else {
                    throw SyncError.invalidEdit("\(what) '\(shown)' could be \(text.replacingOccurrences(of: ".", with: "")) or \(text) — give --decimal , or --decimal .")
                }
                mark = "."
            }
        }
        let grouping: Character = mark == "," ? "." : ","
        var plain = text.filter { $0 != grouping }
        if mark == "," { plain = plain.replacingOccurrences(of: ",", with: ".") }
        let cents: Int64
        do {
            cents = try Cents.parse(plain, what: what)
        } catch {
            throw SyncError.invalidEdit("\(what) '\(shown)': \(error.description)")
        }
        return cents == 0 ? nil : cents
    }
}

extension String {
    /// The string without leading and trailing white space: what
    /// `trimmingCharacters(in: .whitespaces)` (or, with `andNewlines`,
    /// `.whitespacesAndNewlines`) returns, without Foundation's bridging —
    /// an import calls it for every cell, and most cells have nothing to trim.
    func trimmedSpaces(andNewlines: Bool = false) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            if scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator { return true }
            guard andNewlines else { return false }
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
            default: return false
            }
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}
