import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// Backorders: `add_backorder_request` (money: agreeing to pay if Dynadot
/// catches the name) and `delete_backorder_request` as outbox intents,
/// `backorder_request_list` into the cache.
extension SyncEngine {
    /// Lists the account's backorder requests into the cache.
    @discardableResult
    public func pullBackorders() async throws -> [BackorderRow] {
        let client = try requireClient()
        do {
            return try await pullBackorders(client: client)
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            if case .outage(_, let message) = error { throw SyncError.outage(message) }
            throw error
        }
    }

    @discardableResult
    func pullBackorders(client: DynadotClient) async throws -> [BackorderRow] {
        let list = try BackorderRequestList(try await client.send(APIRequest("backorder_request_list")))
        let rows = list.requests.map { BackorderRow(domain: $0.domain, cutoffMs: $0.cutoffMs, status: $0.status) }
        try store.replaceBackorders(rows, syncedAtMs: store.nowMs)
        return rows
    }

    /// Queues backordering `names` (ASCII) — money: a catch costs the TLD's
    /// registration price, which is what the confirmation and `maxCostCents`
    /// cover — or, with `add` false, taking them off the backorder list.
    /// A name already in the account cannot be backordered; a name whose TLD
    /// has no cached price is refused (sync first). Returns the summary and
    /// the new intents' ids.
    @discardableResult
    public func queueBackorders(_ names: [String], add: Bool, origin: OperationOrigin,
                                maxCostCents: Int64? = nil) throws -> (summary: QueueSummary, intentIDs: [Int64]) {
        let owned = try store.domains(named: names).filter { !$0.gone }.map(\.name)
        if add, !owned.isEmpty {
            throw SyncError.invalidEdit("\(owned.joined(separator: ", ")) \(owned.count == 1 ? "is" : "are") already in your account; nothing was queued")
        }
        let listed = Set(try store.backorders().rows.filter { $0.status.lowercased() == "active" }.map(\.domain))
        var total: Int64 = 0
        var intents: [NewIntent] = []
        for name in names {
            var cost: Int64?
            if add {
                let tld = name.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                guard let price = try store.tldPrice(tld)?.registerCents else {
                    throw SyncError.invalidEdit("no cached registration price for .\(tld); run `dynafolio sync` first (nothing was queued)")
                }
                cost = price
                total += price
            }
            intents.append(NewIntent(domain: name, field: IntentField.backorder.rawValue, value: Edit.backorder(add).encodedValue,
                                     baseValue: Edit.backorder(listed.contains(name)).encodedValue, money: add,
                                     costCents: cost, valueVersion: Edit.valueVersion))
        }
        if let maxCostCents, total > maxCostCents {
            throw SyncError.invalidEdit("if every backorder is caught they cost \(Cents.dollars(total)), more than the \(Cents.dollars(maxCostCents)) allowed; nothing was queued")
        }
        let label = Edit.backorder(add).label(domains: intents.count) + (add ? " (up to \(Cents.dollars(total)) if caught)" : "")
        let result = try store.enqueue(NewOperation(origin: origin, label: label, approvedCents: add ? maxCostCents : nil), intents: intents)
        return (QueueSummary(added: result.added.count, superseded: result.superseded, cancelled: result.cancelled,
                             unchanged: result.unchanged, costCents: add ? total : nil, operationID: result.operationID), result.added)
    }
}
