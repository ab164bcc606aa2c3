import DynadotAPI
import Foundation
import PortfolioStore

/// One domain's change in a plan: the cached value and the target.
public struct PlannedChange: Sendable, Hashable {
    public var intentID: Int64
    public var domain: String
    public var field: IntentField
    public var before: String
    public var after: String
}

/// What `push` would send now.
public struct Plan: Sendable {
    public var batches: [PlannedBatch]
    /// Per intent, keyed by id.
    public var changes: [Int64: PlannedChange]
    /// Money intents in the plan and their known total cost.
    public var moneyIntents: [OutboxIntent]
    public var moneyCostCents: Int64
    /// Intents that could not be read back (a newer version wrote them).
    public var unreadable: [OutboxIntent]

    public var calls: Int { batches.count }
    public var isEmpty: Bool { batches.isEmpty }
}

extension SyncEngine {
    /// The plan for every pending intent. Pure apart from reading the store.
    public func plan() throws -> Plan {
        try plan(for: store.pendingIntents())
    }

    func plan(for intents: [OutboxIntent]) throws -> Plan {
        // Only renewals need a cached value (the expiry year): read just those rows.
        let renewing = Set(intents.filter { $0.field == IntentField.renew.rawValue }.map(\.domain))
        let rows = try store.domains(named: Array(renewing))
        let expiry = Dictionary(rows.map { ($0.name, $0.expiresMs) }, uniquingKeysWith: { a, _ in a })
        var items: [PlanItem] = []
        var changes: [Int64: PlannedChange] = [:]
        var unreadable: [OutboxIntent] = []
        // A bulk edit queues one value for thousands of domains, and their
        // base values repeat too: decode and describe each distinct text once.
        var edits: [String: Edit?] = [:]
        var texts: [String: String] = [:]
        func memoKey(_ field: IntentField, _ encoded: String) -> String { field.rawValue + "\u{0}" + encoded }
        func describe(_ field: IntentField, _ encoded: String) -> String {
            let key = memoKey(field, encoded)
            if let known = texts[key] { return known }
            let text = ValueDisplay.describe(field, encoded)
            texts[key] = text
            return text
        }
        items.reserveCapacity(intents.count)
        changes.reserveCapacity(intents.count)
        for intent in intents {
            guard let field = IntentField(rawValue: intent.field) else {
                unreadable.append(intent)
                continue
            }
            let key = memoKey(field, intent.value)
            let decoded: Edit?
            if let known = edits[key] {
                decoded = known
            } else {
                decoded = Edit(field: field, encodedValue: intent.value)
                edits[key] = decoded
            }
            guard let edit = decoded else {
                unreadable.append(intent)
                continue
            }
            let year = expiry[intent.domain].flatMap { $0 }.map(Self.utcYear)
            items.append(PlanItem(intentID: intent.id, domain: intent.domain, edit: edit, expiryYear: year))
            changes[intent.id] = PlannedChange(intentID: intent.id, domain: intent.domain, field: field,
                                               before: describe(field, intent.baseValue),
                                               after: describe(field, intent.value))
        }
        let money = intents.filter(\.money)
        return Plan(batches: OutboxPlanner.plan(items), changes: changes, moneyIntents: money,
                    moneyCostCents: money.compactMap(\.costCents).reduce(0, +), unreadable: unreadable)
    }

    /// The UTC calendar year of an epoch-millisecond instant.
    public static func utcYear(_ ms: Int64) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.component(.year, from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }
}

/// Short human text for an intent value, for diffs (`ns1.a.net, ns2.a.net`,
/// `auto`, `for sale $120.00`).
public enum ValueDisplay {
    public static func describe(_ field: IntentField, _ encoded: String) -> String {
        if field == .renew {
            if let v = try? JSONValue.parse(Data(encoded.utf8)) {
                if let years = v["years"]?.int { return "renew \(years) year\(years == 1 ? "" : "s")" }
                if let ms = v["expires_ms"]?.int { return "expires \(isoDate(Int64(ms)))" }
            }
            return encoded
        }
        guard let edit = Edit(field: field, encodedValue: encoded) else {
            if let v = try? JSONValue.parse(Data(encoded.utf8)), let kind = v["kind"]?.text { return kind }
            return encoded
        }
        switch edit {
        case .nameServers(let hosts): return hosts.joined(separator: ", ")
        case .parking(let ads): return ads ? "parking (ads)" : "parking (no ads)"
        case .forwarding(let url, let permanent): return url.isEmpty ? "forwarding" : "forward \(url)\(permanent ? " (301)" : "")"
        case .stealth(let url, _): return url.isEmpty ? "stealth" : "stealth \(url)"
        case .dns(let set): return set.records.isEmpty ? "Dynadot DNS" : "Dynadot DNS, \(set.records.count) record\(set.records.count == 1 ? "" : "s")"
        case .renewOption(let c): return c.rawValue
        case .privacy(let c): return c.rawValue
        case .lock: return "locked"
        case .folder(let name): return name.isEmpty ? "(no folder)" : name
        case .note(let text): return text.isEmpty ? "(no note)" : text
        case .forSale(let terms):
            return "for sale" + (terms.priceCents.map { " $" + Cents.format(cents: $0) } ?? "") + " (\(terms.listingType))"
        case .unlist: return "not for sale"
        case .contacts(let r, let a, let t, let b):
            return "registrant \(r ?? "-"), admin \(a ?? "-"), tech \(t ?? "-"), billing \(b ?? "-")"
        case .renew(let years): return "renew \(years) year\(years == 1 ? "" : "s")"
        case .editContact(let id, let fields):
            let shown = ["name", "organization", "email"].compactMap { fields[$0] }.filter { !$0.isEmpty }
            return "contact \(id): " + shown.joined(separator: ", ")
        case .buyItNow(let price):
            return "buy" + (price.map { " for $" + Cents.format(cents: $0) } ?? "")
        }
    }

    /// `YYYY-MM-DD` (UTC) of an epoch-millisecond instant. Pure arithmetic
    /// (Howard Hinnant's civil-from-days), no formatter: row renderers call
    /// it for every visible row on every frame.
    public static func isoDate(_ ms: Int64) -> String {
        let days = Int64((Double(ms) / 86_400_000).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + two(month) + "-" + two(day)
    }
}
