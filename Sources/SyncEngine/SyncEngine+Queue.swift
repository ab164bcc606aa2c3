import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// What queueing an edit did.
public struct QueueSummary: Sendable, Equatable {
    public var added = 0
    public var superseded = 0
    /// Intents dropped because the edit sets the field back to its cached value.
    public var cancelled = 0
    /// Domains already at the target value with nothing pending.
    public var unchanged = 0
    /// Names not in the cache (sync first, or a typo).
    public var missing: [String] = []
    /// Total cost of queued money intents, when known.
    public var costCents: Int64?
    /// Domains whose TLD has no cached renewal price.
    public var unpriced: [String] = []
    /// The operation recorded for this action (nil when nothing was queued).
    public var operationID: Int64?
}

extension SyncEngine {
    /// Queues `edit` for each domain as one operation (`origin`, `label`):
    /// one intent per (domain, field) with the target value and the cached
    /// value it was based on, all in one transaction. A money edit given
    /// `maxCostCents` records it as the operation's approval: `push` sends
    /// these intents without asking again only while their *fresh* cost
    /// stays within it.
    @discardableResult
    public func queue(_ edit: Edit, domains: [String], origin: OperationOrigin, label: String? = nil,
                      maxCostCents: Int64? = nil) throws -> QueueSummary {
        try validate(edit)
        var seen = Set<String>()
        let names = domains.map { $0.lowercased() }.filter { seen.insert($0).inserted }
        let rows = try store.domains(named: names)
        let byName = Dictionary(rows.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var summary = QueueSummary()
        summary.missing = names.filter { byName[$0] == nil }
        var intents: [NewIntent] = []
        var total: Int64 = 0
        var prices: [String: Int64?] = [:]
        for name in names {
            guard let row = byName[name] else { continue }
            let dns = edit.field == .nameServerSetting && row.nsType == .dynadotDNS ? try store.dnsRecordSet(domain: name) : nil
            let base = FieldValues.cached(edit.field, row: row, dns: dns)
            let value = resolved(edit, row: row).encodedValue
            var cost: Int64?
            if case .renew(let years) = edit {
                if prices[row.tld] == nil { prices[row.tld] = try store.tldPrice(row.tld)?.renewCents }
                if let price = prices[row.tld] ?? nil {
                    cost = price * Int64(years)
                    total += price * Int64(years)
                } else {
                    summary.unpriced.append(name)
                }
            }
            intents.append(NewIntent(domain: name, field: edit.field.rawValue, value: value, baseValue: base,
                                     money: edit.spendsMoney, costCents: cost, valueVersion: Edit.valueVersion))
        }
        let operation = NewOperation(origin: origin, label: label ?? edit.label(domains: intents.count),
                                     approvedCents: edit.spendsMoney ? maxCostCents : nil)
        let result = try store.enqueue(operation, intents: intents)
        summary.added = result.added.count
        summary.superseded = result.superseded
        summary.cancelled = result.cancelled
        summary.unchanged = result.unchanged
        summary.operationID = result.operationID
        if edit.spendsMoney { summary.costCents = total }
        logger.info("queued", metadata: ["field": "\(edit.field.rawValue)", "domains": "\(intents.count)",
                                         "added": "\(summary.added)", "cancelled": "\(summary.cancelled)"])
        return summary
    }

    /// Fills what the edit leaves open from the cached row (e.g. the contact
    /// roles a `set_whois` keeps).
    func resolved(_ edit: Edit, row: DomainRow) -> Edit {
        if case .contacts(let r, let a, let t, let b) = edit {
            return .contacts(registrant: r ?? row.registrantID, admin: a ?? row.adminID,
                             technical: t ?? row.technicalID, billing: b ?? row.billingID)
        }
        return edit
    }

    /// Refuses edits the provider would refuse, before anything is queued.
    func validate(_ edit: Edit) throws {
        switch edit {
        case .nameServers(let hosts):
            guard (1...13).contains(hosts.count) else {
                throw SyncError.invalidEdit("give 1 to 13 name servers (got \(hosts.count))")
            }
            for host in hosts where !HostValidation.isHostName(Edit.normaliseHost(host)) {
                throw SyncError.invalidEdit("'\(host)' is not a host name; use e.g. ns1.example.net")
            }
        case .forwarding(let url, _), .stealth(let url, _):
            guard url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://") else {
                throw SyncError.invalidEdit("'\(url)' is not a URL; start it with http:// or https://")
            }
        case .dns(let set):
            try DnsValidation.validate(set)
        case .forSale(let terms):
            guard SaleTerms.listingTypes.contains(terms.listingType) else {
                throw SyncError.invalidEdit("listing type '\(terms.listingType)' must be one of \(SaleTerms.listingTypes.joined(separator: ", "))")
            }
            if terms.listingType != "make_offer", (terms.priceCents ?? 0) <= 0 {
                throw SyncError.invalidEdit("a \(terms.listingType) listing needs a price above 0")
            }
        case .renew(let years):
            guard (1...10).contains(years) else { throw SyncError.invalidEdit("renew for 1 to 10 years (got \(years))") }
        case .note(let text):
            guard text.count <= 1000 else { throw SyncError.invalidEdit("a note holds at most 1000 characters") }
        default:
            break
        }
    }
}
