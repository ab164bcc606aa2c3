import DynadotAPI
@_spi(OutboxWriter) import PortfolioStore

/// One section of a plan as people read it: every pending change with the
/// same command and value, however many calls it takes —
/// `renew option → donot · 39,850 domains · 399 calls`. Renewals and
/// purchases are one section each, with each domain's cost and the total.
public struct PlanSection: Sendable, Hashable {
    /// The API command (`set_renew_option`).
    public var command: String
    public var field: IntentField
    /// What changes, in words (`renew option`, `name servers`, `renewals`).
    public var label: String
    /// The value every domain of the section gets (`donot`); empty for
    /// money sections, whose domains each say what they get.
    public var value: String
    public var domains: Int
    public var calls: Int
    public var spendsMoney: Bool
    /// The call parameters besides the domains (of the section's first
    /// value), for the setup calls a push makes first.
    public var parameters: [QueryParameter]
    /// Which pending intents make the section, to list them page by page.
    public var selector: PendingSelector
    /// Money sections: the known cost at the cached prices, and how many
    /// domains have no known price.
    public var costCents: Int64
    public var unpriced: Int

    /// `renew option → donot · 39,850 domains · 399 calls`,
    /// `renewals · 3 domains · 3 calls · $35.97`.
    public var title: String {
        var text = value.isEmpty ? label : "\(label) → \(value)"
        text += " · " + NumberText.count(domains, field == .folderSetting ? "folder" : "domain") + " · " + NumberText.count(calls, "call")
        if spendsMoney {
            text += " · " + Cents.dollars(costCents) + (unpriced > 0 ? " + \(NumberText.grouped(unpriced)) without a known price" : "")
        }
        return text
    }
}

/// The plan summarised per section, computed from counts the store groups
/// in SQL: a queue of 100k intents outlines in milliseconds; the domains
/// of a section are read page by page (``SyncEngine/sectionChanges(_:limit:offset:)``).
/// Its call count equals ``Plan/calls`` for the same queue.
public struct PlanOutline: Sendable {
    public var sections: [PlanSection]
    /// Calls made before the batches (see ``SetupCall``).
    public var setup: [SetupCall]
    /// Money intents, their costs at the cached prices (by id) and the total.
    public var moneyIntents: [OutboxIntent]
    public var moneyCostCents: Int64
    /// Money intents whose cost the cache cannot tell (no TLD price).
    public var unpriced: Int
    /// Intents that could not be read back (a newer version wrote them).
    public var unreadable: Int

    public var isEmpty: Bool { sections.isEmpty }
    /// Changes the plan sends.
    public var changes: Int { sections.reduce(0) { $0 + $1.domains } }
    /// Every API call the push makes: setup and batches.
    public var calls: Int { setup.count + sections.reduce(0) { $0 + $1.calls } }
    public var spendsMoney: Bool { sections.contains(where: \.spendsMoney) }
}

/// Counts as people read them: `39,850`, `1 domain`, `3 calls`.
public enum NumberText {
    /// `39850` → `"39,850"`.
    public static func grouped(_ n: Int) -> String {
        var digits = String(n.magnitude)
        var out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + digits + out
    }

    /// `1 domain`, `39,850 domains`.
    public static func count(_ n: Int, _ noun: String) -> String {
        "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")"
    }
}

extension DnsEntry {
    /// A record as a plan line shows it, zone-file order without the TTL:
    /// `MX mail.example.com 10`, `www CNAME example.net`, `A 192.0.2.7`.
    public var planText: String {
        ((host.isEmpty ? [] : [host]) + [type.uppercased(), value] + (extra.isEmpty ? [] : [extra])).joined(separator: " ")
    }
}

extension PlannedChange {
    /// For a DNS change: the records the new set adds and the cached ones
    /// it removes (a record in both is unchanged and in neither list);
    /// nil for other changes.
    public var recordChanges: (added: [DnsEntry], removed: [DnsEntry])? {
        guard field == .nameServerSetting else { return nil }
        func records(_ encoded: String) -> [DnsEntry]? {
            guard case .dns(let set)? = Edit(field: .nameServerSetting, encodedValue: encoded) else { return nil }
            return set.records
        }
        let new = records(encodedAfter), old = records(encodedBefore)
        guard new != nil || old != nil else { return nil }
        var remaining = old ?? []
        var added: [DnsEntry] = []
        for record in new ?? [] {
            if let index = remaining.firstIndex(of: record) {
                remaining.remove(at: index)
            } else {
                added.append(record)
            }
        }
        return (added, remaining)
    }
}

extension SyncEngine {
    /// The plan's sections, setup calls and money, from the store's
    /// per-(field, value) counts — without reading every intent.
    public func planOutline() throws -> PlanOutline {
        var order: [String] = []
        var sections: [String: PlanSection] = [:]
        var unreadable = 0
        for group in try store.pendingGroups() {
            guard let field = IntentField(rawValue: group.field), let edit = Edit(field: field, encodedValue: group.value) else {
                unreadable += group.count
                continue
            }
            let shape = edit.commandShape(expiryYear: nil)
            let spec = CommandCatalog.spec(named: shape.command)
            let spendsMoney = spec?.spendsMoney ?? false
            let key = Self.sectionKey(command: shape.command, parameters: shape.parameters, field: field, spendsMoney: spendsMoney)
            if var known = sections[key] {
                known.domains += group.count
                known.selector.values.append(group.value)
                sections[key] = known
                continue
            }
            order.append(key)
            sections[key] = PlanSection(
                command: shape.command, field: field, label: Self.sectionLabel(field, command: shape.command),
                // A folder setting's words are long: its line under the section says them.
                value: spendsMoney || field == .folderSetting ? "" : ValueDisplay.describe(field, group.value), domains: group.count, calls: 0,
                spendsMoney: spendsMoney, parameters: shape.parameters,
                selector: PendingSelector(field: field.rawValue, values: [group.value]), costCents: 0, unpriced: 0)
        }
        var list = order.compactMap { sections[$0] }
        // Renewals carry each domain's expiry year, so their calls can
        // differ in parameters; at one domain per call (the catalog's limit
        // for every money command) the count is the same.
        for index in list.indices {
            let limit = CommandCatalog.spec(named: list[index].command).map { OutboxPlanner.domainLimit($0.domainLimit) } ?? 1
            list[index].calls = (list[index].domains + limit - 1) / limit
        }
        let money = try store.pendingMoneyIntents().filter { intent in
            IntentField(rawValue: intent.field).flatMap { Edit(field: $0, encodedValue: intent.value) } != nil
        }
        let costs = try moneyCosts(money)
        for index in list.indices where list[index].spendsMoney {
            let mine = money.filter { $0.field == list[index].field.rawValue }
            list[index].costCents = mine.compactMap { costs[$0.id] }.reduce(0, +)
            list[index].unpriced = mine.filter { costs[$0.id] == nil }.count
        }
        let batches = list.map {
            PlannedBatch(command: $0.command, parameters: $0.parameters, domains: [], intentIDs: [], spendsMoney: $0.spendsMoney)
        }
        return PlanOutline(sections: list, setup: try setupCalls(for: batches), moneyIntents: money,
                           moneyCostCents: costs.values.reduce(0, +), unpriced: money.filter { costs[$0.id] == nil }.count,
                           unreadable: unreadable)
    }

    /// One page of a section's changes, oldest first, each with its cost
    /// when the section spends money.
    public func sectionChanges(_ section: PlanSection, limit: Int, offset: Int = 0) throws -> [PlannedChange] {
        let intents = try store.pendingIntents(section.selector, limit: limit, offset: offset)
        let costs = section.spendsMoney ? try moneyCosts(intents.filter(\.money)) : [:]
        return intents.map { intent in
            PlannedChange(intentID: intent.id, domain: intent.domain, field: section.field,
                          before: ValueDisplay.describe(section.field, intent.baseValue),
                          after: ValueDisplay.describe(section.field, intent.value),
                          encodedBefore: intent.baseValue, encodedAfter: intent.value, costCents: costs[intent.id])
        }
    }

    /// Cancels the pending changes of one section.
    @discardableResult
    public func drop(section: PlanSection) throws -> DropResult {
        try erasingUnawaitedAuthCodes { try store.dropPending(section.selector) }
    }

    /// What confirming the queue as it stands approves: every pending
    /// intent (read as ids, not planned) and money up to `moneyCents`.
    public func pendingApproval(moneyCents: Int64) throws -> PushApproval {
        .confirmed(intentIDs: try store.pendingIntentIDs(), moneyCents: moneyCents)
    }

    /// Which section a call belongs to. Money sections gather every value
    /// (1 year, 2 years): each line says its own; others are one per
    /// command and parameters.
    static func sectionKey(command: String, parameters: [QueryParameter], field: IntentField, spendsMoney: Bool) -> String {
        spendsMoney
            ? "money\u{0}" + field.rawValue
            : ([command] + parameters.flatMap { [$0.name, $0.value] }).joined(separator: "\u{0}")
    }

    static func sectionLabel(_ field: IntentField, command: String) -> String {
        switch (field, command) {
        case (.nameServerSetting, "set_ns"): return "name servers"
        case (.nameServerSetting, "set_dns2"): return "DNS records"
        case (.nameServerSetting, _): return "DNS setting"
        case (.renew, _): return "renewals"
        case (.purchase, _): return "purchases"
        case (.registration, _): return "registrations"
        case (.transfer, _): return "transfers in"
        case (.backorder, "add_backorder_request"): return "backorders"
        case (.backorder, _): return "backorder removals"
        case (.bid, _): return "auction bids"
        case (.closeout, _): return "closeout purchases"
        case (.contact, _): return "contact"
        case (.folderSetting, _): return "folder setting"
        default: return field.rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }
}

extension Plan {
    /// The plan's calls gathered into the sections ``SyncEngine/planOutline()``
    /// counts, in queue order, each with its changes' intent ids in order.
    public var sections: [(section: PlanSection, intentIDs: [Int64])] {
        var order: [String] = []
        var found: [String: (section: PlanSection, intentIDs: [Int64])] = [:]
        for batch in batches {
            guard let first = batch.intentIDs.first.flatMap({ changes[$0] }) else { continue }
            let key = SyncEngine.sectionKey(command: batch.command, parameters: batch.parameters, field: first.field,
                                            spendsMoney: batch.spendsMoney)
            if found[key] == nil {
                order.append(key)
                found[key] = (PlanSection(
                    command: batch.command, field: first.field, label: SyncEngine.sectionLabel(first.field, command: batch.command),
                    value: batch.spendsMoney || first.field == .folderSetting ? "" : first.after, domains: 0, calls: 0,
                    spendsMoney: batch.spendsMoney,
                    parameters: batch.parameters, selector: PendingSelector(field: first.field.rawValue, values: []),
                    costCents: 0, unpriced: 0), [])
            }
            var entry = found[key]!
            entry.section.domains += batch.intentIDs.count
            entry.section.calls += 1
            entry.intentIDs += batch.intentIDs
            for id in batch.intentIDs {
                guard let change = changes[id] else { continue }
                if !entry.section.selector.values.contains(change.encodedAfter) {
                    entry.section.selector.values.append(change.encodedAfter)
                }
                if batch.spendsMoney {
                    if let cost = change.costCents { entry.section.costCents += cost } else { entry.section.unpriced += 1 }
                }
            }
            found[key] = entry
        }
        return order.compactMap { found[$0] }
    }
}
