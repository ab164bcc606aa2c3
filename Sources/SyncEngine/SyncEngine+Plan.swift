import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// One domain's change in a plan: the cached value and the target.
public struct PlannedChange: Sendable, Hashable {
    public var intentID: Int64
    public var domain: String
    public var field: IntentField
    public var before: String
    public var after: String
    /// The encoded values `before` and `after` describe, for per-record
    /// DNS diffs (``recordChanges``).
    public var encodedBefore: String
    public var encodedAfter: String
    /// For money: the cost at the cached prices, when known.
    public var costCents: Int64?

    public init(intentID: Int64, domain: String, field: IntentField, before: String, after: String,
                encodedBefore: String = "", encodedAfter: String = "", costCents: Int64? = nil) {
        self.intentID = intentID
        self.domain = domain
        self.field = field
        self.before = before
        self.after = after
        self.encodedBefore = encodedBefore
        self.encodedAfter = encodedAfter
        self.costCents = costCents
    }
}

/// A call a push makes besides the batches: registering name servers the
/// account lacks, refreshing the server list, prices and the balance
/// before money is spent.
public struct SetupCall: Sendable, Hashable {
    public var command: String
    public var parameters: [QueryParameter]

    public init(_ command: String, _ parameters: [QueryParameter] = []) {
        self.command = command
        self.parameters = parameters
    }
}

/// What `push` would send now.
public struct Plan: Sendable {
    public var batches: [PlannedBatch]
    /// Calls made before the batches (see `SetupCall`).
    public var setup: [SetupCall]
    /// Per intent, keyed by id.
    public var changes: [Int64: PlannedChange]
    /// Money intents in the plan, their cost at the cached prices (by id)
    /// and the known total.
    public var moneyIntents: [OutboxIntent]
    public var moneyCosts: [Int64: Int64]
    public var moneyCostCents: Int64
    /// Money intents whose cost the cache cannot tell (no TLD price).
    public var unpriced: [OutboxIntent]
    /// Intents that could not be read back (a newer version wrote them).
    public var unreadable: [OutboxIntent]

    /// Every API call the push makes: setup and batches.
    public var calls: Int { setup.count + batches.count }
    public var isEmpty: Bool { batches.isEmpty }
    /// Ids of every intent the plan sends.
    public var intentIDs: Set<Int64> { Set(batches.flatMap(\.intentIDs)) }

    /// What confirming this plan approves: exactly its intents, and money
    /// up to the total it shows.
    public var confirmation: PushApproval {
        .confirmed(intentIDs: intentIDs, moneyCents: moneyCostCents)
    }
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
        // Consecutive intents of one bulk edit share their value: the last
        // one's decoding and description are reused without a lookup.
        var edits: [MemoKey: Edit?] = [:]
        var texts: [MemoKey: String] = [:]
        var lastValue: (key: MemoKey, edit: Edit?, text: String)?
        func describe(_ key: MemoKey) -> String {
            if let known = texts[key] { return known }
            let text = ValueDisplay.describe(key.field, key.encoded)
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
            let key = MemoKey(field: field, encoded: intent.value)
            let decoded: Edit?
            let after: String
            if let lastValue, lastValue.key == key {
                decoded = lastValue.edit
                after = lastValue.text
            } else {
                if let known = edits[key] {
                    decoded = known
                } else {
                    decoded = Edit(field: field, encodedValue: intent.value)
                    edits[key] = decoded
                }
                after = describe(key)
                lastValue = (key, decoded, after)
            }
            guard let edit = decoded else {
                unreadable.append(intent)
                continue
            }
            let year = renewing.isEmpty ? nil : expiry[intent.domain].flatMap { $0 }.map(Self.utcYear)
            items.append(PlanItem(intentID: intent.id, domain: intent.domain, edit: edit, expiryYear: year))
            changes[intent.id] = PlannedChange(intentID: intent.id, domain: intent.domain, field: field,
                                               before: describe(MemoKey(field: field, encoded: intent.baseValue)),
                                               after: after,
                                               encodedBefore: intent.baseValue, encodedAfter: intent.value)
        }
        let money: [OutboxIntent]
        if intents.contains(where: \.money) {
            let readable = Set(items.map(\.intentID))
            money = intents.filter { $0.money && readable.contains($0.id) }
        } else {
            money = []
        }
        let costs = try moneyCosts(money)
        for (id, cost) in costs { changes[id]?.costCents = cost }
        let batches = OutboxPlanner.plan(items)
        return Plan(batches: batches, setup: try setupCalls(for: batches), changes: changes, moneyIntents: money,
                    moneyCosts: costs, moneyCostCents: costs.values.reduce(0, +),
                    unpriced: money.filter { costs[$0.id] == nil }, unreadable: unreadable)
    }

    /// A field and an encoded value: what a plan decodes and describes once.
    struct MemoKey: Hashable {
        var field: IntentField
        var encoded: String
    }

    /// What each money intent costs at the prices in the cache now (a sync
    /// that refreshed them changes the plan's total): renewals at their
    /// TLD's renewal price times the years, purchases at their listed price.
    func moneyCosts(_ money: [OutboxIntent]) throws -> [Int64: Int64] {
        guard !money.isEmpty else { return [:] }
        let renewing = money.filter { $0.field == IntentField.renew.rawValue }
        // A registration costs what the latest `search` quoted (the push
        // searches again just before sending), else the price it was queued at.
        let quoted = Dictionary(try store.availability(of: money.filter { $0.field == IntentField.registration.rawValue }.map(\.domain))
                                    .filter(\.registrable).compactMap { row in row.priceCents.map { (row.name, $0) } },
                                uniquingKeysWith: { a, _ in a })
        let closing = money.filter { $0.field == IntentField.closeout.rawValue }.map(\.domain)
        let closeouts = Dictionary(try (closing.isEmpty ? [] : store.closeouts(named: closing).rows).compactMap { row in row.priceCents.map { (row.domain, $0) } },
                                   uniquingKeysWith: { a, _ in a })
        let tlds = Dictionary(try store.domains(named: Array(Set(renewing.map(\.domain)))).map { ($0.name, $0.tld) },
                              uniquingKeysWith: { a, _ in a })
        var prices: [String: Int64?] = [:]
        var costs: [Int64: Int64] = [:]
        for intent in money {
            guard let field = IntentField(rawValue: intent.field), let edit = Edit(field: field, encodedValue: intent.value) else { continue }
            switch edit {
            case .renew(let years):
                guard let tld = tlds[intent.domain] else { continue }
                if prices[tld] == nil { prices[tld] = try store.tldPrice(tld)?.renewCents }
                if let price = prices[tld] ?? nil { costs[intent.id] = price * Int64(years) }
            case .buyItNow(let price):
                if let price = price ?? intent.costCents { costs[intent.id] = price }
            case .register(let years, let price, _):
                if let price = quoted[intent.domain] ?? price { costs[intent.id] = price * Int64(years) }
            case .transfer(let queued):
                // The TLD's transfer price (fresh before a push spends),
                // else the price it was queued at.
                let tld = intent.domain.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                if let price = try store.tldPrice(tld)?.transferCents ?? queued { costs[intent.id] = price }
            case .buyCloseout(let price):
                // The closeout price last read (again just before paying).
                if let now = closeouts[intent.domain] ?? price { costs[intent.id] = now }
            case .bid(_, let amount, _):
                // A proxy bid: the most this account pays if it wins.
                costs[intent.id] = amount
            case .backorder(true):
                // What a catch costs: the TLD's registration price (fresh
                // before a push spends).
                let tld = intent.domain.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                if prices[tld] == nil { prices[tld] = try store.tldPrice(tld)?.registerCents }
                if let price = prices[tld] ?? nil { costs[intent.id] = price }
            default:
                if let cost = intent.costCents { costs[intent.id] = cost }
            }
        }
        return costs
    }

    /// The calls a push makes before its batches: `create_folder` for each
    /// folder a `set_folder` names that the account lacks, then one
    /// `folder_list`; `add_ns` for each host a
    /// `set_ns` uses that the account has not registered, then one
    /// `server_list`; before money, one `tld_price` and one
    /// `get_account_balance`.
    func setupCalls(for batches: [PlannedBatch]) throws -> [SetupCall] {
        var calls: [SetupCall] = []
        // Folders a `set_folder` names that the cached folder list lacks
        // (queued with --create-folder): `create_folder` each, then one
        // `folder_list`.
        let folders = Set(batches.filter { $0.command == "set_folder" }
            .flatMap { $0.parameters.filter { $0.name == "folder" }.map(\.value) }).subtracting(["Default"])
        if !folders.isEmpty {
            let known = Set(try store.folders().map(\.name))
            let missing = folders.subtracting(known).sorted()
            if !missing.isEmpty {
                calls += missing.map { SetupCall("create_folder", [QueryParameter("folder_name", $0)]) }
                calls.append(SetupCall("folder_list"))
            }
        }
        // Name servers of `set_ns` and of a folder's `set_folder_ns` (its
        // other parameters are the folder id, enable and sync).
        let wanted = Set(batches.filter { $0.command == "set_ns" || $0.command == "set_folder_ns" }
            .flatMap { $0.parameters.filter { Self.isNameServerParameter($0.name) }.map(\.value) })
        if !wanted.isEmpty {
            let known = Set(try store.registeredNameServers().map { Edit.normaliseHost($0.host) })
            let missing = wanted.subtracting(known).sorted()
            if !missing.isEmpty {
                calls += missing.map { SetupCall("add_ns", [QueryParameter("host", $0)]) }
                calls.append(SetupCall("server_list"))
            }
        }
        if batches.contains(where: \.spendsMoney) {
            calls.append(SetupCall("tld_price", [QueryParameter("currency", "USD")]))
            calls.append(SetupCall("get_account_balance"))
        }
        return calls
    }

    /// `ns0` … `ns12`.
    static func isNameServerParameter(_ name: String) -> Bool {
        name.hasPrefix("ns") && Int(name.dropFirst(2)) != nil
    }

    /// The UTC calendar year of an epoch-millisecond instant.
    public static func utcYear(_ ms: Int64) -> Int { UTCDate.year(ms) }
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
        if field == .folderSetting, encoded == JSONValue.null.serialized() { return "the folder's current setting" }
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
            return "for sale" + (terms.priceCents.map { " " + Cents.dollars($0) } ?? "") + " (\(terms.listingType))"
        case .unlist: return "not for sale"
        case .contacts(let r, let a, let t, let b):
            return "registrant \(r ?? "-"), admin \(a ?? "-"), tech \(t ?? "-"), billing \(b ?? "-")"
        case .renew(let years): return "renew \(years) year\(years == 1 ? "" : "s")"
        case .editContact(let id, let fields):
            let shown = ["name", "organization", "email"].compactMap { fields[$0] }.filter { !$0.isEmpty }
            return "contact \(id): " + shown.joined(separator: ", ")
        case .buyItNow(let price):
            return "buy" + (price.map { " for " + Cents.dollars($0) } ?? "")
        case .register(let years, let price, let premium):
            return "register \(years) year\(years == 1 ? "" : "s")" + (premium ? " (premium)" : "")
                + (price.map { " at " + Cents.dollars($0) + "/year" } ?? "")
        case .backorder(let add):
            return add ? "backordered" : "no backorder"
        case .folderSetting(let change):
            return change.planText
        case .transfer(let price):
            return "transfer in" + (price.map { " at " + Cents.dollars($0) } ?? "")
        case .bid(let id, let amount, _):
            return "bid \(Cents.dollars(amount)) (auction \(id))"
        case .buyCloseout(let price):
            return "buy closeout" + (price.map { " for " + Cents.dollars($0) } ?? "")
        }
    }

    /// `YYYY-MM-DD` (UTC) of an epoch-millisecond instant (``UTCDate``:
    /// arithmetic, no formatter; row renderers call it per row per frame).
    public static func isoDate(_ ms: Int64) -> String { UTCDate.isoDate(ms) }
}
