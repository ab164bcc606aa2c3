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

    /// The store's counts for what it queued.
    mutating func count(_ result: EnqueueResult) {
        added = result.added.count
        superseded = result.superseded
        cancelled = result.cancelled
        unchanged = result.unchanged
        operationID = result.operationID
    }
}

extension SyncEngine {
    /// Queues `edit` for each domain as one operation (`origin`, `label`):
    /// one intent per (domain, field) with the target value and the cached
    /// value it was based on, all in one transaction. A money edit given
    /// `maxCostCents` records it as the operation's approval: `push` sends
    /// these intents without asking again only while their *fresh* cost
    /// stays within it. A folder edit naming a folder the account does not
    /// have (by the cached folder list) is refused unless `createFolder`:
    /// then the plan creates it first (`create_folder`, a setup call). A
    /// contact id not in the cached contact list is refused. `progress`, when
    /// given, hears (done, total) steps: nothing done, the cached rows read
    /// (half), the intents built (three quarters), written (all).
    @discardableResult
    public func queue(_ edit: Edit, domains: [String], origin: OperationOrigin, label: String? = nil,
                      maxCostCents: Int64? = nil, createFolder: Bool = false,
                      progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> QueueSummary {
        try validate(edit)
        try checkAgainstAccount(edit, createFolder: createFolder)
        var seen = Set<String>()
        let names = domains.map { $0.lowercased() }.filter { seen.insert($0).inserted }
        if Self.queuesInSQL(edit.field), let summary = try queueInSQL(edit, names: names, origin: origin, label: label,
                                                                      progress: progress) {
            return summary
        }
        return try queueFromRows(edit, names: names, origin: origin, label: label, maxCostCents: maxCostCents,
                                 progress: progress)
    }

    /// Fields whose value and base come from a few columns of the row alone
    /// (no record set, no price): queued by set-based SQL without reading
    /// the rows into Swift.
    static func queuesInSQL(_ field: IntentField) -> Bool {
        switch field {
        case .renewOption, .privacy, .lock, .folder, .note, .sale, .contacts: return true
        case .nameServerSetting, .renew, .contact, .purchase, .registration, .backorder, .folderSetting, .transfer, .bid, .closeout: return false
        }
    }

    /// Queues `edit` on `names` (unique, lower case) in the store's set-based
    /// path: each distinct combination of the columns the base reads is
    /// encoded once. Nil when the store asks for the row-by-row path (a row
    /// with irregular column types among the targets).
    func queueInSQL(_ edit: Edit, names: [String], origin: OperationOrigin, label: String?,
                    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> QueueSummary? {
        try queueInSQL([(edit, names)], origin: origin, label: label, progress: progress)
    }

    /// Queues groups of (edit, unique lower-case names), validated, whose
    /// fields all queue in SQL (`queuesInSQL`), as one operation in the
    /// store's set-based path: an import's value per domain, each group's
    /// value encoded once, each distinct combination of the columns a field's
    /// base reads encoded once. Stores, summarises and reports progress as
    /// ``queueFromRows(_:origin:label:maxCostCents:progress:)`` does for the
    /// same groups. Nil when the store asks for the row-by-row path (a row
    /// with irregular column types among the targets).
    func queueInSQL(_ groups: [(edit: Edit, names: [String])], origin: OperationOrigin, label: String?,
                    progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> QueueSummary? {
        // Every name once, in the order the row path reads them, and each
        // group's names as positions among them.
        var everyName: [String] = []
        var positions: [[Int]] = []
        if groups.count == 1 {
            everyName = groups[0].names
            positions = [Array(everyName.indices)]
        } else {
            var at: [String: Int] = [:]
            positions = groups.map { group in
                group.names.map { name in
                    if let known = at[name] { return known }
                    at[name] = everyName.count
                    everyName.append(name)
                    return everyName.count - 1
                }
            }
        }
        var fieldAt: [IntentField: Int] = [:]
        var fields: [PortfolioDatabase.CachedField] = []
        var cachedGroups: [PortfolioDatabase.CachedGroup] = []
        cachedGroups.reserveCapacity(groups.count)
        for (index, (edit, _)) in groups.enumerated() {
            let field = edit.field
            let at: Int
            if let known = fieldAt[field] {
                at = known
            } else {
                at = fields.count
                fieldAt[field] = at
                fields.append(.init(field: field.rawValue, columns: FieldValues.columns(for: field),
                                    base: { FieldValues.cached(field, row: $0, dns: nil) }))
            }
            // Only a contacts edit depends on the row; encode the others once.
            var value: String?
            if case .contacts = edit {} else { value = edit.encodedValue }
            cachedGroups.append(.init(field: at, value: value, positions: positions[index]))
        }
        // The row path's steps: nothing done, rows read, intents built, written.
        let steps = everyName.count * 2
        progress?(0, steps)
        let operation = { (found: Int) in
            NewOperation(origin: origin, label: label ?? (groups.count == 1 ? groups[0].edit.label(domains: found)
                                                                              : "\(groups.count) edits on \(everyName.count) domains"))
        }
        let read = everyName.count, built = everyName.count * 3 / 2
        guard let stored = try store.enqueue(operation, names: everyName, fields: fields, groups: cachedGroups,
                                             valueVersion: Edit.valueVersion,
                                             progress: { done, _ in
                                                 if done == 1 { progress?(read, steps) } else if done == 3 { progress?(built, steps) }
                                             },
                                             rowValue: { group, row in self.resolved(groups[group].edit, row: row).encodedValue })
        else { return nil }
        progress?(steps, steps)
        var summary = QueueSummary()
        summary.missing = stored.missing.map { everyName[$0] }
        summary.count(stored.result)
        logger.info("queued", metadata: ["field": "\(Set(groups.map(\.edit.field.rawValue)).sorted().joined(separator: ","))",
                                         "domains": "\(stored.staged)",
                                         "added": "\(summary.added)", "cancelled": "\(summary.cancelled)"])
        return summary
    }

    /// Queues `edit` from the cached rows read into Swift (name-server
    /// settings with their record sets, renewals with their prices, and any
    /// target row the set-based path cannot read). The benchmark times it
    /// against the set-based path on the same cache.
    @_spi(Bench)
    public func queueFromRows(_ edit: Edit, names: [String], origin: OperationOrigin, label: String? = nil,
                              maxCostCents: Int64? = nil,
                              progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> QueueSummary {
        try queueFromRows([(edit, names)], origin: origin, label: label, maxCostCents: maxCostCents, progress: progress)
    }

    /// Queues several edits, each for its domains, as one operation (an
    /// import: a price per domain, a note per domain). Same rules as
    /// ``queue(_:domains:origin:label:maxCostCents:createFolder:progress:)``;
    /// the cached rows are read once for every name. When every edit's field
    /// queues in SQL, all of them are queued in one set-based pass.
    @discardableResult
    public func queue(_ edits: [(edit: Edit, domains: [String])], origin: OperationOrigin, label: String? = nil,
                      maxCostCents: Int64? = nil, createFolder: Bool = false,
                      progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) throws -> QueueSummary {
        var checked = Set<Edit>()
        for (edit, _) in edits where checked.insert(edit).inserted {
            try validate(edit)
            try checkAgainstAccount(edit, createFolder: createFolder)
        }
        let groups = edits.map { edit, domains in
            var seen = Set<String>()
            return (edit: edit, names: domains.map { $0.lowercased() }.filter { seen.insert($0).inserted })
        }
        // An import: every group set-based when every field can be.
        if !groups.isEmpty, groups.allSatisfy({ Self.queuesInSQL($0.edit.field) }),
           let summary = try queueInSQL(groups, origin: origin, label: label, progress: progress) {
            return summary
        }
        return try queueFromRows(groups, origin: origin, label: label, maxCostCents: maxCostCents, progress: progress)
    }

    /// The row path for groups of (edit, unique lower-case names), validated.
    /// The benchmark times it against the set-based path on the same cache.
    @_spi(Bench)
    public func queueFromRows(_ groups: [(edit: Edit, names: [String])], origin: OperationOrigin, label: String?,
                              maxCostCents: Int64?,
                              progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?) throws -> QueueSummary {
        var everyName: [String] = []
        var anyName = Set<String>()
        for (_, names) in groups {
            for name in names where anyName.insert(name).inserted { everyName.append(name) }
        }
        var columns: [String] = []
        for field in Set(groups.map(\.edit.field)).sorted(by: { $0.rawValue < $1.rawValue }) {
            columns += FieldValues.columns(for: field).filter { !columns.contains($0) }
        }
        // One read of only the columns the base values need: for many names
        // the store reads the table in one pass.
        let steps = everyName.count * 2
        progress?(0, steps)
        let rows = try store.domains(named: everyName, reading: columns)
        progress?(everyName.count, steps)
        // Positions, not copies of the rows (a row is some 300 bytes).
        let byName = Dictionary(rows.indices.map { (rows[$0].name, $0) }, uniquingKeysWith: { a, _ in a })
        var summary = QueueSummary()
        summary.missing = everyName.filter { byName[$0] == nil }
        var intents: [NewIntent] = []
        var total: Int64 = 0
        var prices: [String: Int64?] = [:]
        // The record sets a name-server edit is based on, read in a few batches.
        let nsNames = groups.filter { $0.edit.field == .nameServerSetting }.flatMap(\.names)
        let dnsSets = nsNames.isEmpty ? [:]
            : try store.dnsRecordSets(domains: nsNames.compactMap { byName[$0] }.map { rows[$0] }
                .filter { $0.nsType == .dynadotDNS }.map(\.name))
        // Many rows share a base (an empty note, one renew setting): each
        // distinct one is encoded once per field. The key is the row without
        // what `FieldValues.cached` does not read (name, Unicode name, TLD);
        // rows with a record set are encoded each.
        var bases: [IntentField: [DomainRow: String]] = [:]
        for (edit, names) in groups {
            var fixedValue: String?
            if case .contacts = edit {} else { fixedValue = edit.encodedValue }
            for name in names {
                guard let index = byName[name] else { continue }
                let row = rows[index]
                let dns = edit.field == .nameServerSetting && row.nsType == .dynadotDNS ? dnsSets[name] : nil
                let base: String
                if dns == nil {
                    var key = row
                    key.name = ""
                    key.nameUnicode = ""
                    key.tld = ""
                    if let known = bases[edit.field]?[key] {
                        base = known
                    } else {
                        base = FieldValues.cached(edit.field, row: row, dns: nil)
                        // Bases nearly unique per row (expiry dates) stop filling it.
                        if bases[edit.field, default: [:]].count < 4096 { bases[edit.field, default: [:]][key] = base }
                    }
                } else {
                    base = FieldValues.cached(edit.field, row: row, dns: dns)
                }
                // Only a contacts edit depends on the row; encode the others once.
                let value = fixedValue ?? resolved(edit, row: row).encodedValue
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
        }
        let spendsMoney = groups.contains { $0.edit.spendsMoney }
        let operation = NewOperation(origin: origin,
                                     label: label ?? (groups.count == 1 ? groups[0].edit.label(domains: intents.count)
                                                                        : "\(groups.count) edits on \(anyName.count) domains"),
                                     approvedCents: spendsMoney ? maxCostCents : nil)
        progress?(everyName.count * 3 / 2, steps)
        let result = try store.enqueue(operation, intents: intents)
        progress?(steps, steps)
        summary.count(result)
        if spendsMoney { summary.costCents = total }
        logger.info("queued", metadata: ["field": "\(Set(groups.map(\.edit.field.rawValue)).sorted().joined(separator: ","))",
                                         "domains": "\(intents.count)",
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
            try TypedValueRules.checkNameServers(hosts)
        case .forwarding(let url, _), .stealth(let url, _):
            if let problem = URLValidation.problem(with: url) {
                throw SyncError.invalidEdit("'\(TerminalText.escaped(url))' is not a forwarding URL: \(problem) (URL rule: http:// or https://, a valid host, optional port 1-65535 and path, no spaces)")
            }
            if case .stealth(_, let title) = edit { try TypedValueRules.refuseControls(title, field: "stealth title") }
        case .dns(let set):
            try DnsValidation.validate(set)
        case .forSale(let terms):
            guard SaleTerms.listingTypes.contains(terms.listingType) else {
                throw SyncError.invalidEdit("listing type '\(terms.listingType)' must be one of \(SaleTerms.listingTypes.joined(separator: ", "))")
            }
            if terms.listingType != "make_offer", (terms.priceCents ?? 0) <= 0 {
                throw SyncError.invalidEdit("a \(terms.listingType) listing needs a price above 0")
            }
            do { try terms.checkAmounts() } catch { throw SyncError.invalidEdit(error.description) }
        case .renew(let years):
            guard (1...10).contains(years) else { throw SyncError.invalidEdit("renew for 1 to 10 years (got \(years))") }
        case .note(let text):
            try TypedValueRules.refuseControls(text, field: "note")
            guard text.count <= 1000 else { throw SyncError.invalidEdit("a note holds at most 1000 characters") }
        case .folder(let name):
            try TypedValueRules.refuseControls(name, field: "folder name")
        case .contacts(let r, let a, let t, let b):
            for id in [r, a, t, b].compactMap({ $0 }) { try TypedValueRules.refuseControls(id, field: "contact id") }
        case .editContact(let id, let fields):
            try TypedValueRules.refuseControls(id, field: "contact id")
            for key in fields.keys.sorted() { try TypedValueRules.refuseControls(fields[key] ?? "", field: "contact field \(key)") }
        default:
            break
        }
    }
}

extension SyncEngine {
    /// The folder a folder edit names when the cached folder list does not
    /// hold it (nil for the default folder or a known one). The TUI asks
    /// before queueing such an edit with `createFolder`.
    public func unknownFolder(_ edit: Edit) throws -> String? {
        guard case .folder(let name) = edit, !name.isEmpty, name.lowercased() != "default" else { return nil }
        return try store.folders().contains(where: { $0.name == name }) ? nil : name
    }

    /// "folder 'X' does not exist in the account; did you mean 'Y'?
    /// Folders: …" — for a refusal or a confirmation.
    public func unknownFolderText(_ name: String) throws -> String {
        let names = try store.folders().map(\.name)
        var text = "folder '\(name)' does not exist in the account"
        let near = TypedValueRules.suggestions(for: name, among: names)
        if !near.isEmpty { text += "; did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?" }
        text += names.isEmpty ? " (no folders cached; run `dynafolio sync`)" : " Folders: \(names.joined(separator: ", "))."
        return text
    }

    /// Refuses values the account does not have: an unknown folder (unless
    /// it is to be created), an unknown contact id.
    func checkAgainstAccount(_ edit: Edit, createFolder: Bool) throws {
        switch edit {
        case .folder:
            guard let name = try unknownFolder(edit), !createFolder else { return }
            throw SyncError.invalidEdit(try unknownFolderText(name) + " To create it, add --create-folder (the TUI asks).")
        case .contacts(let r, let a, let t, let b):
            let known = Set(try store.contacts().map(\.id))
            for (role, id) in [("registrant", r), ("admin", a), ("technical", t), ("billing", b)] {
                guard let id, !known.contains(id) else { continue }
                let list = known.sorted().prefix(10).joined(separator: ", ")
                throw SyncError.invalidEdit("\(role) contact id '\(id)' is not in the account's contact list"
                    + (known.isEmpty ? " (no contacts cached; run `dynafolio sync`)" : " (known ids: \(list)\(known.count > 10 ? ", …" : ""))")
                    + "; use an id from `dynafolio` Contacts or create the contact first")
            }
        default:
            return
        }
    }
}
