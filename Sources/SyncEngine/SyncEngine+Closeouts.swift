import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// Expired closeouts: the paged list into the cache
/// (`get_expired_closeout_domains`) and purchases
/// (`buy_expired_closeout_domain`) as money intents, priced again just
/// before they are paid and verified with `domain_info` when the answer is
/// lost.
extension SyncEngine {
    /// Names per `get_expired_closeout_domains` page.
    static let closeoutPageSize = 100

    static func closeoutRow(_ item: CloseoutDomain, syncedAtMs: Int64) -> CloseoutRow {
        CloseoutRow(domain: item.domain, priceCents: item.price?.cents, renewalCents: item.renewalPrice?.cents, endMs: item.endMs,
                    syncedAtMs: syncedAtMs)
    }

    /// Lists every closeout page by page into the cache (replacing it once
    /// the listing is complete). `progress` hears the names read so far.
    @discardableResult
    public func pullCloseouts(progress: @escaping @Sendable (_ read: Int) -> Void = { _ in }) async throws -> [CloseoutRow] {
        try await auctionRead { client in
            var rows: [CloseoutRow] = []
            var page = 0
            while true {
                let items = try CloseoutList(try await client.send(APIRequest("get_expired_closeout_domains", [
                    "currency": "usd", "count_per_page": String(Self.closeoutPageSize), "page_index": String(page),
                ]))).domains
                let now = store.nowMs
                rows += items.map { Self.closeoutRow($0, syncedAtMs: now) }
                progress(rows.count)
                if items.count < Self.closeoutPageSize { break }
                // A server that ignores paging answers the same page again.
                if page > 0, let first = items.first, rows.dropLast(items.count).contains(where: { $0.domain == first.domain }) { break }
                page += 1
            }
            let unique = Dictionary(rows.map { ($0.domain, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted { $0.domain < $1.domain }
            try store.saveCloseouts(unique, complete: true)
            return unique
        }
    }

    /// Looks `names` (ASCII) up one by one with `get_expired_closeout_domains
    /// &domain=…`: the fresh price of each still on sale is cached, the
    /// others are taken off the cache. Returns the names still on sale.
    func lookUpCloseouts(_ names: [String], client: DynadotClient) async throws -> [String: CloseoutRow] {
        var found: [String: CloseoutRow] = [:]
        for name in names {
            let items = try CloseoutList(try await client.send(APIRequest("get_expired_closeout_domains", ["domain": name, "currency": "usd"]))).domains
            if let item = items.first(where: { $0.domain == name }) { found[name] = Self.closeoutRow(item, syncedAtMs: store.nowMs) }
        }
        try store.saveCloseouts(Array(found.values), complete: false)
        try store.removeCloseouts(names.filter { found[$0] == nil })
        return found
    }

    /// Queues buying the closeout domains `names` (ASCII) at their price,
    /// read fresh now: a name not on closeout sale (or already yours) is
    /// refused with nothing queued, as is a total above `maxCostCents`.
    /// Returns the summary, the new intents' ids and each name's price.
    public func queueCloseoutPurchases(_ names: [String], origin: OperationOrigin, maxCostCents: Int64?)
        async throws -> (summary: QueueSummary, intentIDs: [Int64], prices: [String: Int64]) {
        let owned = try store.domains(named: names).filter { !$0.gone }.map(\.name)
        if !owned.isEmpty {
            throw SyncError.invalidEdit("\(owned.joined(separator: ", ")) \(owned.count == 1 ? "is" : "are") already in your account; nothing was queued")
        }
        let found = try await auctionRead { client in try await lookUpCloseouts(names, client: client) }
        let missing = names.filter { found[$0]?.priceCents == nil }
        if !missing.isEmpty {
            throw SyncError.invalidEdit("\(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not on closeout sale; nothing was queued")
        }
        var prices: [String: Int64] = [:]
        var intents: [NewIntent] = []
        for name in names {
            let price = found[name]?.priceCents ?? 0
            prices[name] = price
            intents.append(NewIntent(domain: name, field: IntentField.closeout.rawValue, value: Edit.buyCloseout(priceCents: price).encodedValue,
                                     baseValue: JSONValue.null.serialized(), money: true, costCents: price, valueVersion: Edit.valueVersion))
        }
        let total = prices.values.reduce(0, +)
        if let maxCostCents, total > maxCostCents {
            throw SyncError.invalidEdit("buying costs \(Cents.dollars(total)), more than the \(Cents.dollars(maxCostCents)) allowed; nothing was queued")
        }
        let label = Edit.buyCloseout(priceCents: nil).label(domains: intents.count) + " for \(Cents.dollars(total))"
        let result = try store.enqueue(NewOperation(origin: origin, label: label, approvedCents: maxCostCents), intents: intents)
        return (QueueSummary(added: result.added.count, superseded: result.superseded, cancelled: result.cancelled,
                             unchanged: result.unchanged, costCents: total, operationID: result.operationID), result.added, prices)
    }

    /// Just before closeouts are paid: reads each name's price again (what
    /// `moneyCosts` then charges) and fails those no longer on sale.
    /// Returns the failed intents' ids.
    func recheckCloseouts(_ money: [OutboxIntent], client: DynadotClient, tally: PushTally) async throws -> Set<Int64> {
        let buying = money.filter { $0.field == IntentField.closeout.rawValue }
        guard !buying.isEmpty else { return [] }
        tally.update { $0.calls += buying.count }
        let found: [String: CloseoutRow]
        do {
            found = try await lookUpCloseouts(buying.map(\.domain), client: client)
        } catch let error as DynadotError {
            throw SyncError.aborted("could not check closeout prices before spending: \(error.message)")
        }
        var gone = Set<Int64>()
        for intent in buying where found[intent.domain] == nil {
            let reason = "no longer on closeout sale (checked just before paying)"
            try store.failIntents(ids: [intent.id], message: reason)
            tally.update {
                $0.failed += 1
                $0.problems.append(PushProblem(domain: intent.domain, what: "closeout", reason: reason))
            }
            gone.insert(intent.id)
        }
        return gone
    }
}
