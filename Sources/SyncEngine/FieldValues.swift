import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// The value of one intent field, in the outbox's canonical encoding, as the
/// cache holds it (the *base* of a new intent) or as the provider reports it
/// (for verifying an uncertain push).
enum FieldValues {
    /// The cached value of `field` on `row` (and its cached record set).
    static func cached(_ field: IntentField, row: DomainRow, dns: DNSRecordSet?) -> String {
        switch field {
        case .nameServerSetting:
            return setting(nsType: row.nsType, hosts: row.nameservers, withAds: row.withAds, dns: dns)
        case .renewOption: return Edit.renewOption(RenewChoice(rawValue: row.renewOption.rawValue) ?? .none).encodedValue
        case .privacy: return Edit.privacy(PrivacyChoice(rawValue: row.privacy.rawValue) ?? .none).encodedValue
        case .lock: return row.locked ? Edit.lock.encodedValue : JSONValue.string("unlocked").serialized()
        case .folder: return Edit.folder(row.folderName).encodedValue
        case .note: return Edit.note(row.note).encodedValue
        case .sale:
            guard row.forSale else { return Edit.unlist.encodedValue }
            return Edit.forSale(SaleTerms(listingType: row.saleType ?? "buy_now", priceCents: row.salePriceCents,
                                          minimumOfferCents: row.saleMinOfferCents)).encodedValue
        case .contacts:
            return Edit.contacts(registrant: row.registrantID, admin: row.adminID, technical: row.technicalID,
                                 billing: row.billingID).encodedValue
        case .renew:
            return JSONValue.object(["expires_ms": row.expiresMs.map { .number(Double($0)) } ?? .null]).serialized()
        case .contact, .purchase, .registration, .backorder, .folderSetting, .transfer, .bid, .closeout:
            // Not a property of a domain row: contact edits, purchases,
            // registrations, backorders and bids take their base from the
            // contact list, the marketplace, `search`, the backorder list
            // and the auction's details.
            return JSONValue.null.serialized()
        }
    }

    /// The cache's columns `cached(field, …)` and `SyncEngine.resolved` read
    /// from a row (besides `name`, `tld` and `ns_type`, which are always read).
    static func columns(for field: IntentField) -> [String] {
        switch field {
        case .nameServerSetting: return ["ns_type", "nameservers", "with_ads"]
        case .renewOption: return ["renew_option"]
        case .privacy: return ["privacy"]
        case .lock: return ["locked"]
        case .folder: return ["folder_name"]
        case .note: return ["note"]
        case .sale: return ["for_sale", "sale_type", "sale_price_cents", "sale_min_offer_cents"]
        case .contacts: return ["registrant_id", "admin_id", "technical_id", "billing_id"]
        case .renew: return ["expires_ms"]
        case .contact, .purchase, .registration, .backorder, .folderSetting, .transfer, .bid, .closeout: return []
        }
    }

    /// The provider's current value of `field`, from `domain_info` (and
    /// `get_dns` when the setting is Dynadot DNS).
    static func remote(_ field: IntentField, record: DomainRecord, dns: DnsSettings?) -> String {
        let row = RecordMapping.row(record, syncedAtMs: 0)
        let set = dns.map { RecordMapping.dnsRecordSet($0, domain: row.name, fetchedAtMs: 0) }
        if field == .sale {
            // domain_info reports only whether a listing exists, not its terms.
            return JSONValue.object(["listed": .bool(row.forSale)]).serialized()
        }
        return cached(field, row: row, dns: set)
    }

    static func setting(nsType: DomainRow.NSType, hosts: [String], withAds: Bool, dns: DNSRecordSet?) -> String {
        switch nsType {
        case .nameservers: return Edit.nameServers(hosts).encodedValue
        case .parking: return Edit.parking(withAds: withAds).encodedValue
        case .dynadotDNS:
            guard let dns else { return JSONValue.object(["kind": .string("dns")]).serialized() }
            return Edit.dns(recordSet(dns)).encodedValue
        case .forwarding: return JSONValue.object(["kind": .string("forward")]).serialized()
        case .stealth: return JSONValue.object(["kind": .string("stealth")]).serialized()
        case .other: return JSONValue.object(["kind": .string("other")]).serialized()
        }
    }

    /// A cached record set as an edit value.
    static func recordSet(_ dns: DNSRecordSet) -> RecordSet {
        RecordSet(records: dns.records.map { DnsEntry(host: $0.subhost, type: $0.type, value: $0.value, extra: $0.value2 ?? "") },
                  ttl: dns.ttl)
    }

    /// Whether the remote value shows the target applied. Record sets compare
    /// as sets (the provider may reorder them), and a target without a TTL
    /// accepts any TTL; a sale target counts as applied when the listing state
    /// matches, since `domain_info` does not report prices.
    static func applied(target: String, remote: String, field: IntentField) -> Bool {
        if target == remote { return true }
        switch field {
        case .nameServerSetting:
            guard let t = Edit(field: field, encodedValue: target), let r = Edit(field: field, encodedValue: remote) else { return false }
            switch (t, r) {
            case (.dns(let a), .dns(let b)):
                return Set(a.records) == Set(b.records) && (a.ttl == nil || a.ttl == b.ttl)
            case (.nameServers(let a), .nameServers(let b)):
                return a.map(Edit.normaliseHost) == b.map(Edit.normaliseHost)
            case (.forwarding, _), (.stealth, _):
                return r.kindName == t.kindName
            default:
                return false
            }
        case .sale:
            guard let t = Edit(field: field, encodedValue: target) else { return false }
            let listed: Bool
            if case .forSale = t { listed = true } else { listed = false }
            return remote == JSONValue.object(["listed": .bool(listed)]).serialized()
        default:
            return false
        }
    }
}

extension FieldValues {
    /// Whether the remote value still equals the intent's base. A base
    /// cached without detail (`{"kind":"dns"}` when the records were never
    /// fetched) matches any remote value of the same kind.
    static func atBase(base: String, remote: String, field: IntentField) -> Bool {
        if applied(target: base, remote: remote, field: field) { return true }
        guard field == .nameServerSetting,
              let b = try? JSONValue.parse(Data(base.utf8)), b.fields.count == 1, let kind = b["kind"]?.text,
              let r = try? JSONValue.parse(Data(remote.utf8)) else { return false }
        return r["kind"]?.text == kind
    }
}

extension Edit {
    /// `ns`, `parking`, `forward`, `stealth` or `dns` for name-server settings.
    var kindName: String? {
        switch self {
        case .nameServers: return "ns"
        case .parking: return "parking"
        case .forwarding: return "forward"
        case .stealth: return "stealth"
        case .dns: return "dns"
        default: return nil
        }
    }
}

extension RecordSet {
    /// A cached record set as an editable one (what `dns add` and `dns rm`
    /// start from).
    public init(cached: DNSRecordSet) {
        self = FieldValues.recordSet(cached)
    }
}
