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
    /// One domain as `ls --json` and `expiring --json` print it (the
    /// shared writer's ``DomainExport/JSONDomain``); `show --json` adds
    /// `contacts` and `dns`.
    struct Domain: Encodable {
        let row: DomainRow
        let pending: [PendingField]
        /// `contacts` and `dns`, for `show --json`.
        var detail: Detail?
        /// Today, for `days_left`.
        var nowMs = UTCDate.nowMs()
        /// The keys `--fields` picked (nil: all).
        var fields: Set<String>?
        /// The account the domain is in (`--all-accounts` only).
        var account: String?

        struct Detail {
            let contacts: Contacts
            let dns: RecordSet?
        }

        func encode(to encoder: any Encoder) throws {
            try DomainExport.JSONDomain(row: row, pending: pending, nowMs: nowMs, fields: fields, account: account).encode(to: encoder)
            guard let detail else { return }
            // The same object: a second keyed container adds to its keys.
            var out = encoder.container(keyedBy: DomainExport.JSONDomain.Key.self)
            try out.encode(detail.contacts, forKey: .contacts)
            try out.encode(detail.dns, forKey: .dns)
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

    /// The fields every priced name shares (`search --json`, `closeout ls
    /// --json`): the name in both forms, the price in USD and the age of
    /// what was read. A document adds its own keys to the same object.
    struct PricedName: Encodable {
        let name: String
        let priceCents: Int64?
        /// When the price was read.
        let readMs: Int64
        let nowMs: Int64

        private enum Key: String, CodingKey { case name, nameUnicode = "name_unicode", price, currency, ageSeconds = "age_seconds" }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(name, forKey: .name)
            try out.encode(Punycode.unicodeName(name), forKey: .nameUnicode)
            try out.encode(priceCents.map { Cents.format(cents: $0) }, forKey: .price)
            try out.encode("USD", forKey: .currency)
            try out.encode(max(0, (nowMs - readMs) / 1000), forKey: .ageSeconds)
        }
    }

    /// One `search` answer as `search --json` prints it.
    struct Availability: Encodable {
        let row: AvailabilityRow
        let nowMs: Int64

        private enum Key: String, CodingKey { case status, checkedAtMs = "checked_at_ms" }

        func encode(to encoder: any Encoder) throws {
            try PricedName(name: row.name, priceCents: row.priceCents, readMs: row.checkedAtMs, nowMs: nowMs).encode(to: encoder)
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(row.status.rawValue, forKey: .status)
            try out.encode(row.checkedAtMs, forKey: .checkedAtMs)
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

    /// One transfer or push as `transfer ls --json` prints it (never an auth code).
    struct Transfer: Encodable {
        let row: TransferRow
        let nowMs: Int64

        private enum Key: String, CodingKey {
            case direction, name, nameUnicode = "name_unicode", orderId = "order_id", status, started, ageSeconds = "age_seconds"
        }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(row.direction.rawValue, forKey: .direction)
            try out.encode(row.domain, forKey: .name)
            try out.encode(Punycode.unicodeName(row.domain), forKey: .nameUnicode)
            try out.encode(row.orderId.isEmpty ? nil : row.orderId, forKey: .orderId)
            try out.encode(row.status, forKey: .status)
            try out.encode(ValueDisplay.isoDate(row.startedMs), forKey: .started)
            try out.encode(max(0, (nowMs - row.startedMs) / 1000), forKey: .ageSeconds)
        }
    }

    /// The document as text: compact, keys sorted, control characters
    /// escaped (``DomainExport/jsonText(_:)``, the one JSON writer).
    static func text(_ value: some Encodable) throws -> String {
        try DomainExport.jsonText(value)
    }

    /// Prints a document and a newline on standard output.
    static func emit(_ value: some Encodable) throws {
        FileHandle.standardOutput.write(Data((try text(value) + "\n").utf8))
    }
}
