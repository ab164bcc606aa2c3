import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

extension SyncEngine {
    /// Marks intents done and writes their values into the cache rows, in one
    /// transaction. `response` is the provider's answer when there is one (a
    /// renewal's new expiry comes from it).
    func complete(intentIDs: [Int64], response: APIResponse?, remoteExpiryMs: Int64? = nil) throws {
        let intents = try store.intents(ids: intentIDs)
        let now = store.nowMs
        // A renewal's answer carries the new expiry; a missing or unreadable
        // one means "add the years to the cached expiry".
        let renewedExpiry = remoteExpiryMs ?? response.flatMap { try? RenewResult($0) }?.expirationMs
        var writes = CacheWrites()
        for intent in intents {
            guard let field = IntentField(rawValue: intent.field),
                  let edit = Edit(field: field, encodedValue: intent.value) else { continue }
            // Each update runs on the row as it is inside the completing
            // transaction and writes only its own field.
            writes.updates.append(RowUpdate(domain: intent.domain) { row in
                _ = Self.apply(edit, to: &row, renewedExpiryMs: renewedExpiry, nowMs: now)
            })
            if case .dns(let set) = edit {
                writes.recordSets.append(Self.recordSet(set, domain: intent.domain, nowMs: now))
            }
        }
        try store.completeIntents(ids: intentIDs, writes: writes)
    }

    /// The cache row after `edit` applied; returns the new record set for DNS.
    static func apply(_ edit: Edit, to row: inout DomainRow, renewedExpiryMs: Int64?, nowMs: Int64) -> DNSRecordSet? {
        switch edit {
        case .nameServers(let hosts):
            row.nsType = .nameservers
            row.nameservers = hosts.map(Edit.normaliseHost)
        case .parking(let ads):
            row.nsType = .parking
            row.withAds = ads
            row.nameservers = []
        case .forwarding:
            row.nsType = .forwarding
            row.nameservers = []
        case .stealth:
            row.nsType = .stealth
            row.nameservers = []
        case .dns(let set):
            row.nsType = .dynadotDNS
            row.nameservers = []
            return recordSet(set, domain: row.name, nowMs: nowMs)
        case .renewOption(let choice):
            row.renewOption = DomainRow.RenewOption(rawValue: choice.rawValue) ?? .none
        case .privacy(let choice):
            row.privacy = DomainRow.Privacy(rawValue: choice.rawValue) ?? .none
        case .lock:
            row.locked = true
        case .folder(let name):
            if row.folderName != name { row.folderID = nil }
            row.folderName = name
        case .note(let text):
            row.note = text
        case .forSale(let terms):
            row.forSale = true
            row.saleType = terms.listingType
            row.salePriceCents = terms.priceCents
            row.saleMinOfferCents = terms.minimumOfferCents
        case .unlist:
            row.forSale = false
            row.saleType = nil
            row.salePriceCents = nil
            row.saleMinOfferCents = nil
        case .contacts(let r, let a, let t, let b):
            row.registrantID = r ?? row.registrantID
            row.adminID = a ?? row.adminID
            row.technicalID = t ?? row.technicalID
            row.billingID = b ?? row.billingID
        case .renew(let years):
            if let renewedExpiryMs {
                row.expiresMs = renewedExpiryMs
            } else if let old = row.expiresMs {
                row.expiresMs = Self.addYears(years, to: old)
            }
        case .editContact, .buyItNow, .register, .backorder, .folderSetting, .transfer, .bid, .buyCloseout:
            // None changes an existing domain row; the push refreshes the
            // contact list or fetches the bought or registered domain afterwards.
            break
        }
        return nil
    }

    /// A queued record set as the cache stores it.
    static func recordSet(_ set: RecordSet, domain: String, nowMs: Int64) -> DNSRecordSet {
        let records = set.records.map { DNSRecord(subhost: $0.host, type: $0.type.uppercased(), value: $0.value,
                                                  value2: $0.extra.isEmpty ? nil : $0.extra) }
        return DNSRecordSet(domain: domain, ttl: set.ttl, nsType: "dynadot_dns", records: records, fetchedAtMs: nowMs)
    }

    static func addYears(_ years: Int, to ms: Int64) -> Int64 { UTCDate.adding(years, .year, to: ms) }
}
