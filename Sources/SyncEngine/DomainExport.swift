import DynadotAPI
import Foundation
import PortfolioStore

/// Why an export cannot be written (an unknown field, a missing folder, a
/// file that exists), said so the user knows what to do.
public struct ExportError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// The one writer of cached domains as CSV and JSON: `ls --csv`, `ls
/// --json`, `expiring --json`, `show --json` and the TUI's `:export` all go
/// through it, so a file and the CLI's output never disagree.
///
/// ```swift
/// let writer = try DomainExport.Writer(.csv, fields: ["name", "expires"])
/// var text = writer.header
/// text += try writer.body(rows, pending: pending, nowMs: now, first: true)
/// text += writer.footer
/// ```
public enum DomainExport {
    public enum Format: String, Sendable, CaseIterable { case csv, json }

    typealias CSVColumn = (id: String, value: @Sendable (DomainRow, [PendingField], Int64) -> String)

    /// Every CSV column, in the default order. `pending` holds only changes
    /// still to be sent; those a push could not make are in `failed` and
    /// `conflict` (kept last). Amounts are plain dollars (`1250.00`).
    static let csvColumns: [CSVColumn] = {
        func named(_ states: Set<IntentState>) -> @Sendable (DomainRow, [PendingField], Int64) -> String {
            { _, intents, _ in intents.filter { states.contains($0.state) }.map(\.field).joined(separator: " ") }
        }
        let money: @Sendable (Int64?) -> String = { cents in cents.map { Cents.format(cents: $0) } ?? "" }
        return [
            ("name", { row, _, _ in row.name }),
            ("name_unicode", { row, _, _ in row.nameUnicode }),
            ("expires", { row, _, _ in row.expiresMs.map(ValueDisplay.isoDate) ?? "" }),
            ("renew_option", { row, _, _ in row.renewOption.rawValue }),
            ("locked", { row, _, _ in String(row.locked) }),
            ("privacy", { row, _, _ in row.privacy.rawValue }),
            ("folder", { row, _, _ in row.folderName }),
            ("ns_type", { row, _, _ in row.nsType.rawValue }),
            ("nameservers", { row, _, _ in row.nameservers.joined(separator: " ") }),
            ("for_sale", { row, _, _ in String(row.forSale) }),
            ("note", { row, _, _ in row.note }),
            ("tld", { row, _, _ in row.tld }),
            ("registered", { row, _, _ in row.registeredMs.map(ValueDisplay.isoDate) ?? "" }),
            ("days_left", { row, _, now in row.expiresMs.map { String(UTCDate.daysLeft(until: $0, from: now)) } ?? "" }),
            ("sale_type", { row, _, _ in row.forSale ? row.saleType ?? "" : "" }),
            ("sale_price", { row, _, _ in row.forSale ? money(row.salePriceCents) : "" }),
            ("sale_min_offer", { row, _, _ in row.forSale ? money(row.saleMinOfferCents) : "" }),
            ("registrant_id", { row, _, _ in row.registrantID ?? "" }),
            ("admin_id", { row, _, _ in row.adminID ?? "" }),
            ("technical_id", { row, _, _ in row.technicalID ?? "" }),
            ("billing_id", { row, _, _ in row.billingID ?? "" }),
            ("status", { row, _, _ in row.status }),
            ("pending", named([.pending, .inflight])),
            ("failed", named([.failed])),
            ("conflict", named([.conflict])),
        ]
    }()

    /// Every field of a format, in its default order (JSON keys print sorted).
    public static func fields(_ format: Format) -> [String] {
        switch format {
        case .csv: csvColumns.map(\.id)
        case .json: JSONDomain.Key.allCases.filter { $0 != .contacts && $0 != .dns && $0 != .account }.map(\.rawValue)
        }
    }

    /// The fields `names` picks (ids case-insensitive, in the order given;
    /// nil: every field); an unknown one is refused with the list.
    public static func pick(_ names: [String]?, _ format: Format) throws(ExportError) -> [String] {
        let all = fields(format)
        guard let names else { return all }
        let ids = names.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw ExportError(description: "no field named; name some, like name,expires,sale_price") }
        for id in ids where !all.contains(id) {
            throw ExportError(description: "unknown field '\(TerminalText.escaped(id))'; fields: \(all.joined(separator: ", "))")
        }
        return ids
    }

    /// Writes rows in one format with one set of fields: the header, then
    /// bodies of rows in as many pieces as the caller reads them, then the
    /// footer. The pieces concatenated are one CSV table or one JSON array.
    public struct Writer: Sendable {
        public let format: Format
        public let fields: [String]
        /// Whether each row starts with its account (`--all-accounts`): a
        /// first `account` CSV column, an `account` JSON key.
        public let withAccount: Bool
        private let columns: [CSVColumn]

        /// `fields`: ids as `pick` returns them (nil: every field).
        public init(_ format: Format, fields: [String]? = nil, withAccount: Bool = false) throws(ExportError) {
            self.format = format
            self.withAccount = withAccount
            self.fields = try DomainExport.pick(fields, format)
            let picked = self.fields
            columns = format == .csv ? picked.compactMap { id in DomainExport.csvColumns.first { $0.id == id } } : []
        }

        /// The CSV header line; `[` for JSON.
        public var header: String {
            format == .csv ? (withAccount ? "account," : "") + columns.map(\.id).joined(separator: ",") + "\n" : "["
        }

        /// `]` and a newline for JSON; nothing for CSV.
        public var footer: String { format == .csv ? "" : "]\n" }

        /// `rows` as CSV lines or JSON objects; `first`: whether these are
        /// the first rows after the header (JSON puts a comma between pieces);
        /// `account`: the account these rows are in, written when the writer
        /// is `withAccount`.
        public func body(_ rows: [DomainRow], pending: [String: [PendingField]], nowMs: Int64, first: Bool,
                         account: String? = nil) throws -> String {
            guard !rows.isEmpty else { return "" }
            let account = withAccount ? account ?? "" : nil
            switch format {
            case .csv:
                let prefix = account.map { DomainExport.csvField($0) + "," } ?? ""
                var out = ""
                for row in rows {
                    let intents = pending[row.name] ?? []
                    out += prefix + columns.map { DomainExport.csvField($0.value(row, intents, nowMs)) }.joined(separator: ",") + "\n"
                }
                return out
            case .json:
                let picked = Set(fields)
                let array = try DomainExport.jsonText(rows.map {
                    JSONDomain(row: $0, pending: pending[$0.name] ?? [], nowMs: nowMs, fields: picked, account: account)
                })
                return (first ? "" : ",") + array.dropFirst().dropLast()
            }
        }

        /// Rows of several accounts (`--all-accounts`, the All-accounts
        /// view's `:export`), each with its account and its own open
        /// changes (a name two accounts hold keeps each account's), written
        /// as one piece per run of rows of one account.
        public func body(_ rows: [(account: String, row: DomainRow, pending: [PendingField])], nowMs: Int64,
                         first: Bool) throws -> String {
            var out = ""
            var start = rows.startIndex
            while start < rows.endIndex {
                let account = rows[start].account
                let end = rows[start...].firstIndex { $0.account != account } ?? rows.endIndex
                let run = rows[start..<end]
                let pending = Dictionary(run.map { ($0.row.name, $0.pending) }, uniquingKeysWith: { kept, _ in kept })
                out += try body(run.map(\.row), pending: pending, nowMs: nowMs, first: first && start == rows.startIndex, account: account)
                start = end
            }
            return out
        }

        /// The whole document for `rows`.
        public func document(_ rows: [DomainRow], pending: [String: [PendingField]], nowMs: Int64) throws -> String {
            header + (try body(rows, pending: pending, nowMs: nowMs, first: true)) + footer
        }
    }

    /// RFC 4180 quoting, after control characters are escaped (TerminalText).
    public static func csvField(_ raw: String) -> String {
        let text = TerminalText.escaped(raw)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One domain as JSON. A missing value is `null`, never an absent key
    /// (except `parking_ads`, only for parked domains); `fields` (nil:
    /// all) leaves the others out. Amounts are strings of dollars.
    public struct JSONDomain: Encodable {
        public let row: DomainRow
        public let pending: [PendingField]
        public let nowMs: Int64
        public let fields: Set<String>?
        /// The account the domain is in (`--all-accounts` only; nil: no key).
        public let account: String?

        public init(row: DomainRow, pending: [PendingField], nowMs: Int64, fields: Set<String>? = nil, account: String? = nil) {
            self.row = row
            self.pending = pending
            self.nowMs = nowMs
            self.fields = fields
            self.account = account
        }

        /// Every key in its documented order; `contacts` and `dns` are
        /// `show --json`'s own.
        public enum Key: String, CodingKey, CaseIterable {
            case name, nameUnicode = "name_unicode", expires, registered, daysLeft = "days_left", tld, renewOption = "renew_option"
            case locked, privacy, folder, nsType = "ns_type", nameservers, parkingAds = "parking_ads", forSale = "for_sale"
            case saleType = "sale_type", salePrice = "sale_price", saleMinOffer = "sale_min_offer"
            case registrantID = "registrant_id", adminID = "admin_id", technicalID = "technical_id", billingID = "billing_id"
            case note, status, gone, pending, contacts, dns, account
        }

        public func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            func put(_ value: some Encodable, _ key: Key) throws {
                if fields?.contains(key.rawValue) ?? true { try out.encode(value, forKey: key) }
            }
            let money = { (cents: Int64?) in cents.map { Cents.format(cents: $0) } }
            if let account { try out.encode(account, forKey: .account) }
            try put(row.name, .name)
            try put(row.nameUnicode, .nameUnicode)
            try put(row.expiresMs.map(ValueDisplay.isoDate), .expires)
            try put(row.registeredMs.map(ValueDisplay.isoDate), .registered)
            try put(row.expiresMs.map { UTCDate.daysLeft(until: $0, from: nowMs) }, .daysLeft)
            try put(row.tld, .tld)
            try put(row.renewOption.rawValue, .renewOption)
            try put(row.locked, .locked)
            try put(row.privacy.rawValue, .privacy)
            try put(row.folderName, .folder)
            try put(row.nsType.rawValue, .nsType)
            try put(row.nameservers, .nameservers)
            if row.nsType == .parking { try put(row.withAds, .parkingAds) }
            try put(row.forSale, .forSale)
            try put(row.forSale ? row.saleType : nil, .saleType)
            try put(money(row.salePriceCents), .salePrice)
            try put(row.forSale ? money(row.saleMinOfferCents) : nil, .saleMinOffer)
            try put(row.registrantID, .registrantID)
            try put(row.adminID, .adminID)
            try put(row.technicalID, .technicalID)
            try put(row.billingID, .billingID)
            try put(row.note, .note)
            try put(row.status, .status)
            try put(row.gone, .gone)
            try put(pending.map(PendingJSON.init), .pending)
        }
    }

    /// A change not yet applied: `value` is readable text.
    public struct PendingJSON: Encodable {
        let field: String
        let value: String
        let state: String

        public init(_ item: PendingField) {
            field = item.field
            value = IntentField(rawValue: item.field).map { ValueDisplay.describe($0, item.value) } ?? item.value
            state = item.state.rawValue
        }
    }

    /// A document as JSON text: compact, keys sorted, `/` unescaped, and
    /// every control character escaped — the encoder escapes C0; DEL and C1
    /// are escaped here too (TerminalText's rule), so printed JSON cannot
    /// drive a terminal. Outside strings JSON text is ASCII, so the
    /// replacement only ever touches string contents.
    public static func jsonText(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let encoded = String(decoding: try encoder.encode(value), as: UTF8.self)
        var out = ""
        out.reserveCapacity(encoded.utf8.count)
        for scalar in encoded.unicodeScalars {
            if scalar.value >= 0x7f, TerminalText.isControl(scalar) {
                out += String(format: "\\u%04x", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
