import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// The stable `--json` documents, written through `Codable` and one
/// `JSONEncoder` with sorted keys, so equal data prints equal bytes. The
/// shapes are the README's and pinned byte for byte by
/// `JSONOutputGoldenTests`: add fields, never rename. A missing value is
/// `null`, never an absent key (except `parking_ads`, documented so).
enum JSONOutput {
    /// One domain as `ls --json` and `expiring --json` print it; `show
    /// --json` adds `detail`.
    struct Domain: Encodable {
        let row: DomainRow
        let pending: [PendingField]
        /// `contacts` and `dns`, for `show --json`.
        var detail: Detail?
        /// The account the domain is in (`--all-accounts` only).
        var account: String?

        struct Detail {
            let contacts: Contacts
            let dns: RecordSet?
        }

        private enum Key: String, CodingKey {
            case name, nameUnicode = "name_unicode", expires, registered, tld, renewOption = "renew_option", locked, privacy
            case folder, nsType = "ns_type", nameservers, parkingAds = "parking_ads", forSale = "for_sale"
            case salePrice = "sale_price", note, status, gone, pending, contacts, dns, account
        }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            if let account { try out.encode(account, forKey: .account) }
            try out.encode(row.name, forKey: .name)
            try out.encode(row.nameUnicode, forKey: .nameUnicode)
            try out.encode(row.expiresMs.map(ValueDisplay.isoDate), forKey: .expires)
            try out.encode(row.registeredMs.map(ValueDisplay.isoDate), forKey: .registered)
            try out.encode(row.tld, forKey: .tld)
            try out.encode(row.renewOption.rawValue, forKey: .renewOption)
            try out.encode(row.locked, forKey: .locked)
            try out.encode(row.privacy.rawValue, forKey: .privacy)
            try out.encode(row.folderName, forKey: .folder)
            try out.encode(row.nsType.rawValue, forKey: .nsType)
            try out.encode(row.nameservers, forKey: .nameservers)
            if row.nsType == .parking { try out.encode(row.withAds, forKey: .parkingAds) }
            try out.encode(row.forSale, forKey: .forSale)
            try out.encode(row.salePriceCents.map { Cents.format(cents: $0) }, forKey: .salePrice)
            try out.encode(row.note, forKey: .note)
            try out.encode(row.status, forKey: .status)
            try out.encode(row.gone, forKey: .gone)
            try out.encode(pending.map(Pending.init), forKey: .pending)
            if let detail {
                try out.encode(detail.contacts, forKey: .contacts)
                try out.encode(detail.dns, forKey: .dns)
            }
        }
    }

    /// A change not yet applied: `value` is readable text.
    struct Pending: Encodable {
        let field: String
        let value: String
        let state: String

        init(_ item: PendingField) {
            field = item.field
            value = IntentField(rawValue: item.field).map { ValueDisplay.describe($0, item.value) } ?? item.value
            state = item.state.rawValue
        }
    }

    /// A domain's contact ids by role (`null` where none is set).
    struct Contacts: Encodable {
        let registrant, admin, technical, billing: String?

        init(_ row: DomainRow) {
            registrant = row.registrantID
            admin = row.adminID
            technical = row.technicalID
            billing = row.billingID
        }

        private enum Key: String, CodingKey { case registrant, admin, technical, billing }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(registrant, forKey: .registrant)
            try out.encode(admin, forKey: .admin)
            try out.encode(technical, forKey: .technical)
            try out.encode(billing, forKey: .billing)
        }
    }

    /// A record set as `dns show --json` prints it (and `show --json`'s `dns`).
    struct RecordSet: Encodable {
        let set: DNSRecordSet

        private enum Key: String, CodingKey { case domain, ttl, nsType = "ns_type", fetched, records }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(set.domain, forKey: .domain)
            try out.encode(set.ttl, forKey: .ttl)
            try out.encode(set.nsType, forKey: .nsType)
            try out.encode(ValueDisplay.isoDate(set.fetchedAtMs), forKey: .fetched)
            try out.encode(set.records.map(Record.init), forKey: .records)
        }
    }

    /// One DNS record: `@` for the apex, the type upper case.
    struct Record: Encodable {
        let host, type, value, extra: String

        init(_ record: DNSRecord) {
            host = record.subhost.isEmpty ? "@" : record.subhost
            type = record.type.uppercased()
            value = record.value
            extra = record.value2 ?? ""
        }
    }

    /// `dns show --json` of a domain not on Dynadot DNS: no records.
    struct NoRecords: Encodable {
        let domain: String
        let nsType: String
        let records: [Record] = []

        private enum CodingKeys: String, CodingKey { case domain, nsType = "ns_type", records }
    }

    /// One `search` answer as `search --json` prints it.
    struct Availability: Encodable {
        let row: AvailabilityRow
        let nowMs: Int64

        private enum Key: String, CodingKey {
            case name, nameUnicode = "name_unicode", status, price, currency, checkedAtMs = "checked_at_ms", ageSeconds = "age_seconds"
        }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(row.name, forKey: .name)
            try out.encode(Punycode.unicodeName(row.name), forKey: .nameUnicode)
            try out.encode(row.status.rawValue, forKey: .status)
            try out.encode(row.priceCents.map { Cents.format(cents: $0) }, forKey: .price)
            try out.encode("USD", forKey: .currency)
            try out.encode(row.checkedAtMs, forKey: .checkedAtMs)
            try out.encode(max(0, (nowMs - row.checkedAtMs) / 1000), forKey: .ageSeconds)
        }
    }

    /// One backorder request as `backorder ls --json` prints it.
    struct Backorder: Encodable {
        let row: BackorderRow

        private enum Key: String, CodingKey { case name, nameUnicode = "name_unicode", status, cutoff }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(row.domain, forKey: .name)
            try out.encode(Punycode.unicodeName(row.domain), forKey: .nameUnicode)
            try out.encode(row.status, forKey: .status)
            try out.encode(row.cutoffMs.map(ValueDisplay.isoDate), forKey: .cutoff)
        }
    }

    /// The document as text: compact, keys sorted, `/` unescaped, and every
    /// control character escaped — the encoder escapes C0; DEL and C1 are
    /// escaped here too (TerminalText's rule), so printed JSON cannot drive
    /// a terminal. Outside strings JSON text is ASCII, so the replacement
    /// only ever touches string contents.
    static func text(_ value: some Encodable) throws -> String {
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

    /// Prints a document and a newline on standard output.
    static func emit(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(Data((try text(value) + "\n").utf8))
    }
}
