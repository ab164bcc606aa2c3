import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// Turns one cached domain (and its pending intents) into table cells. A
/// pure function of its inputs, so it is tested against fixtures.
///
/// ```swift
/// let cells = DomainRowRenderer.cells(row, pending: [], nowMs: now, unicode: true)
/// ```
public enum DomainRowRenderer {
    /// The table's columns, in display order. The marker, the name (as
    /// wide as the longest visible name, up to 40) and the expiry always
    /// show; the others follow at their minimum while they fit, the rest
    /// scroll in with `<` / `>` (a minimum is what still reads: `cli…`
    /// in a 4-column note says nothing, so the note drops instead).
    public static let columns: [TableColumn] = [
        TableColumn("", minWidth: 1, maxWidth: 1, priority: 3),
        TableColumn("Domain", minWidth: 17, maxWidth: 40, flex: 2, priority: 2),
        TableColumn("Expires", minWidth: 16, maxWidth: 16, priority: 1),
        TableColumn("NS / DNS", minWidth: 10, maxWidth: 34, flex: 1),
        TableColumn("Renew", minWidth: 5, maxWidth: 13),
        TableColumn("Lock", minWidth: 4, maxWidth: 8),
        TableColumn("Priv", minWidth: 4, maxWidth: 14),
        TableColumn("Folder", minWidth: 8, maxWidth: 18),
        TableColumn("Sale", minWidth: 8, maxWidth: 26),
        TableColumn("Note", minWidth: 12, maxWidth: 40, flex: 1),
    ]

    /// The sort field behind each column (nil: not sortable by it).
    public static let sortFields: [DomainSort.Field?] = [nil, .name, .expires, .ns, .renew, .lock, .privacy, .folder, .sale, nil]

    /// Column titles with the sort marker on the sorted column.
    public static func columns(sortedBy sort: DomainSort) -> [TableColumn] {
        var result = columns
        if let index = sortFields.firstIndex(of: sort.field) {
            result[index].title += sort.descending ? " ▼" : " ▲"
        }
        return result
    }

    /// Cells for `row`. `pending` are its open intents; their values replace
    /// the cached ones, marked with `→` in the pending role.
    public static func cells(_ row: DomainRow, pending: [PendingField], nowMs: Int64, unicode: Bool) -> [TableCell] {
        var byField: [IntentField: PendingField] = [:]
        for field in pending { if let f = IntentField(rawValue: field.field) { byField[f] = field } }
        func pendingCell(_ field: IntentField, cached: String) -> TableCell {
            guard let open = byField[field] else { return TableCell(cached) }
            let accent: Role = open.state == .pending || open.state == .inflight ? .pending : .conflict
            return TableCell("→ " + ValueDisplay.describe(field, open.value), accent: accent)
        }
        let marker: TableCell
        if pending.contains(where: { $0.state == .failed || $0.state == .conflict }) {
            marker = TableCell("!", accent: .conflict)
        } else if !pending.isEmpty {
            marker = TableCell("•", accent: .pending)
        } else {
            marker = TableCell("")
        }
        var lock = pendingCell(.lock, cached: row.locked ? "yes" : "no")
        if byField[.lock] != nil { lock.text = "→ yes" }
        return [
            marker,
            TableCell(displayName(row, unicode: unicode)),
            expiryCell(row.expiresMs, nowMs: nowMs),
            pendingCell(.nameServerSetting, cached: nameServerSummary(row)),
            pendingCell(.renewOption, cached: row.renewOption.rawValue),
            lock,
            pendingCell(.privacy, cached: row.privacy == .partial ? "part" : row.privacy.rawValue),
            pendingCell(.folder, cached: row.folderName),
            pendingCell(.sale, cached: saleSummary(row)),
            pendingCell(.note, cached: row.note),
        ]
    }

    /// The name as shown: Unicode when the terminal can show it, else the
    /// ASCII (punycode) form (``DomainNameDisplay``'s rule; a row carries
    /// both forms already decoded).
    public static func displayName(_ row: DomainRow, unicode: Bool) -> String {
        unicode ? row.nameUnicode : row.name
    }

    /// `2026-12-01 45d` in the theme's expiry role for the days left.
    public static func expiryCell(_ expiresMs: Int64?, nowMs: Int64) -> TableCell {
        guard let expiresMs else { return TableCell("—", accent: .dim) }
        let days = UTCDate.daysLeft(until: expiresMs, from: nowMs)
        let accent: Role? = days < 0 ? .expiryOverdue : days <= 30 ? .expiry30d : days <= 90 ? .expiry90d : nil
        return TableCell("\(ValueDisplay.isoDate(expiresMs)) \(days)d", accent: accent)
    }

    /// `ns1.host.net +1`, `parking`, `Dynadot DNS`, `forward`, `stealth`.
    public static func nameServerSummary(_ row: DomainRow) -> String {
        switch row.nsType {
        case .nameservers:
            guard let first = row.nameservers.first else { return "name servers" }
            return row.nameservers.count > 1 ? "\(first) +\(row.nameservers.count - 1)" : first
        case .parking: return row.withAds ? "parking" : "parked no ads"
        case .dynadotDNS: return "Dynadot DNS"
        case .forwarding: return "forward"
        case .stealth: return "stealth"
        case .other: return "—"
        }
    }

    /// What is known of a listing: `$2,541.00` when the price is cached,
    /// `make offer` for an offers-only listing, `listed` while its price is
    /// not fetched yet (the panes fetch the prices of the rows they show);
    /// empty when not for sale.
    public static func saleSummary(_ row: DomainRow) -> String {
        guard row.forSale else { return "" }
        if let price = row.salePriceCents { return Cents.dollars(price) }
        return row.saleType == "make_offer" ? "make offer" : "listed"
    }

    /// Listed rows whose price is not cached and worth fetching (an
    /// offers-only listing has none).
    public static func needsPrice(_ row: DomainRow) -> Bool {
        row.forSale && row.salePriceCents == nil && row.saleType != "make_offer"
    }
}
