import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// The stable `--json` documents. Keys are sorted (JSONValue serialises them
/// that way), so equal data prints equal bytes.
enum JSONOutput {
    /// One domain as `ls --json` and `show --json` print it. The fields the
    /// README documents; add new ones, never rename.
    static func domain(_ row: DomainRow, pending: [PendingField]) -> JSONValue {
        var fields: [String: JSONValue] = [
            "name": .string(row.name),
            "name_unicode": .string(row.nameUnicode),
            "expires": row.expiresMs.map { .string(ValueDisplay.isoDate($0)) } ?? .null,
            "registered": row.registeredMs.map { .string(ValueDisplay.isoDate($0)) } ?? .null,
            "tld": .string(row.tld),
            "renew_option": .string(row.renewOption.rawValue),
            "locked": .bool(row.locked),
            "privacy": .string(row.privacy.rawValue),
            "folder": .string(row.folderName),
            "ns_type": .string(row.nsType.rawValue),
            "nameservers": .array(row.nameservers.map { .string($0) }),
            "for_sale": .bool(row.forSale),
            "sale_price": row.salePriceCents.map { .string(Cents.format(cents: $0)) } ?? .null,
            "note": .string(row.note),
            "status": .string(row.status),
            "gone": .bool(row.gone),
            "pending": .array(pending.map(pendingJSON)),
        ]
        if row.nsType == .parking { fields["parking_ads"] = .bool(row.withAds) }
        return .object(fields)
    }

    static func pendingJSON(_ item: PendingField) -> JSONValue {
        let field = IntentField(rawValue: item.field)
        return .object([
            "field": .string(item.field),
            "value": .string(field.map { ValueDisplay.describe($0, item.value) } ?? item.value),
            "state": .string(item.state.rawValue),
        ])
    }

    /// A record set as `dns show --json` prints it.
    static func recordSet(_ set: DNSRecordSet) -> JSONValue {
        .object([
            "domain": .string(set.domain),
            "ttl": set.ttl.map { .number(Double($0)) } ?? .null,
            "ns_type": .string(set.nsType),
            "fetched": .string(ValueDisplay.isoDate(set.fetchedAtMs)),
            "records": .array(set.records.map { r in
                .object([
                    "host": .string(r.subhost.isEmpty ? "@" : r.subhost),
                    "type": .string(r.type.uppercased()),
                    "value": .string(r.value),
                    "extra": .string(r.value2 ?? ""),
                ])
            }),
        ])
    }

    /// Prints a document and a newline on standard output.
    static func emit(_ value: JSONValue) {
        FileHandle.standardOutput.write(Data((value.serialized() + "\n").utf8))
    }
}
