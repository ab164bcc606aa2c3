import DynadotAPI

/// One pending intent as the planner sees it.
public struct PlanItem: Sendable, Hashable {
    public var intentID: Int64
    public var domain: String
    public var edit: Edit
    /// The cached expiry year, for renewals.
    public var expiryYear: Int?

    public init(intentID: Int64, domain: String, edit: Edit, expiryYear: Int? = nil) {
        self.intentID = intentID
        self.domain = domain
        self.edit = edit
        self.expiryYear = expiryYear
    }
}

/// One API call of a plan.
public struct PlannedBatch: Sendable, Hashable {
    public var command: String
    /// Parameters other than the domains.
    public var parameters: [QueryParameter]
    public var domains: [String]
    public var intentIDs: [Int64]
    public var spendsMoney: Bool

    /// The request to send.
    /// The request to send. Commands that carry no domain (`edit_contact`)
    /// name their target in the parameters instead.
    public var request: APIRequest {
        if case .none? = CommandCatalog.spec(named: command)?.domainParameter {
            return APIRequest(command, parameters: parameters)
        }
        return APIRequest.make(command, domains: domains, parameters.map { ($0.name, $0.value) })
    }
}

/// Turns pending intents into API calls.
///
/// Intents are grouped by (command, parameters) and each group is cut into
/// chunks of the command's domain limit, so the call count is
/// Σ over groups of ⌈n / limit⌉ — the minimum, since two intents can share a
/// call only when their command and parameters are equal. A pure function:
/// same intents, same plan.
public enum OutboxPlanner {
    public static func plan(_ items: [PlanItem]) -> [PlannedBatch] {
        var order: [CommandShape] = []
        var groups: [[PlanItem]] = []
        var groupOf: [CommandShape: Int] = [:]
        var seenSetting = Set<String>()
        // A bulk edit's intents come one after another with the same edit:
        // the shape (parameters built and hashed) is worked out once per run.
        var last: (edit: Edit, expiryYear: Int?, group: Int)?
        for item in items {
            // A domain's record set / name-server setting is written at most once per push.
            if item.edit.field == .nameServerSetting {
                guard seenSetting.insert(item.domain).inserted else { continue }
            }
            if let last, last.expiryYear == item.expiryYear, last.edit == item.edit {
                groups[last.group].append(item)
                continue
            }
            let shape = item.edit.commandShape(expiryYear: item.expiryYear)
            let group: Int
            if let known = groupOf[shape] {
                group = known
            } else {
                group = order.count
                groupOf[shape] = group
                order.append(shape)
                groups.append([])
            }
            groups[group].append(item)
            last = (item.edit, item.expiryYear, group)
        }
        var batches: [PlannedBatch] = []
        for (shape, members) in zip(order, groups) {
            let spec = CommandCatalog.spec(named: shape.command)
            let limit = spec.map { domainLimit($0.domainLimit) } ?? 1
            var start = 0
            while start < members.count {
                let chunk = members[start..<min(start + limit, members.count)]
                var command = shape.command, parameters = shape.parameters
                if command == "bulk_register", chunk.count == 1 {
                    // A lone one-year registration goes out as `register`,
                    // the command for one name (same call count).
                    command = "register"
                    parameters = [QueryParameter("duration", "1")] + parameters
                }
                batches.append(PlannedBatch(command: command, parameters: parameters,
                                            domains: chunk.map(\.domain), intentIDs: chunk.map(\.intentID),
                                            spendsMoney: spec?.spendsMoney ?? false))
                start += limit
            }
        }
        return batches
    }

    /// The minimum number of calls for `items`, computed from group sizes alone.
    public static func minimumCalls(_ items: [PlanItem]) -> Int {
        var counts: [CommandShape: Int] = [:]
        for item in items { counts[item.edit.commandShape(expiryYear: item.expiryYear), default: 0] += 1 }
        return counts.reduce(0) { total, entry in
            let limit = CommandCatalog.spec(named: entry.key.command).map { domainLimit($0.domainLimit) } ?? 1
            return total + (entry.value + limit - 1) / limit
        }
    }

    static func domainLimit(_ limit: DomainLimit) -> Int {
        switch limit {
        case .none, .one: return 1
        case .upTo(let n): return max(1, n)
        }
    }
}
