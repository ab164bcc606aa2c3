import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// Money intents a push kept back, and why.
public struct HeldMoney: Sendable, Equatable, CustomStringConvertible {
    /// Why they were held.
    public enum Reason: Sendable, Equatable {
        /// Never approved (no `--max-cost`, not in the confirmation).
        case awaitingConfirmation
        /// The fresh total exceeds what was approved or confirmed.
        case overApproval(approvedCents: Int64)
        /// The fresh total exceeds the account balance.
        case overBalance(balanceCents: Int64)
        /// The balance could not be read.
        case balanceUnknown
        /// No price is known for these domains' TLD.
        case unpriced
    }

    public var intentIDs: [Int64]
    /// What they cost at fresh prices (known ones).
    public var dueCents: Int64
    public var reason: Reason
    /// `renewals`, `purchases` or `renewals and purchases`.
    public var what: String

    public var description: String {
        let due = Cents.dollars(dueCents)
        switch reason {
        case .awaitingConfirmation:
            return "\(what) held: \(due) due, not confirmed — run `dynafolio push` on a terminal, or queue them with `--max-cost` and push with --yes"
        case .overApproval(let approved):
            return "\(what) held: \(due) due, approved \(Cents.dollars(approved)) — prices rose; confirm the new total"
        case .overBalance(let balance):
            return "\(what) held: \(due) due, balance \(Cents.dollars(balance)) — add funds at Dynadot, then push again"
        case .balanceUnknown:
            return "\(what) held: \(due) due, the account balance could not be read — push again later"
        case .unpriced:
            return "\(what) held: no renewal price is known for them — run `dynafolio sync`, then push again"
        }
    }
}

extension SyncEngine {
    /// Decides which money intents may go out now and records the others as
    /// held. Prices and the balance are fetched fresh first.
    func gateMoney(_ money: [OutboxIntent], approval: PushApproval, client: DynadotClient,
                   tally: PushTally) async throws -> Set<Int64> {
        var holds: [HeldMoney] = []
        func hold(_ intents: [OutboxIntent], _ reason: HeldMoney.Reason, costs: [Int64: Int64]) {
            guard !intents.isEmpty else { return }
            holds.append(HeldMoney(intentIDs: intents.map(\.id), dueCents: intents.compactMap { costs[$0.id] }.reduce(0, +),
                                   reason: reason, what: Self.moneyWords(intents)))
        }
        var candidates: [OutboxIntent]
        switch approval {
        case .none:
            candidates = []
            hold(money, .awaitingConfirmation, costs: try moneyCosts(money))
        case .recorded:
            candidates = money.filter { $0.approvalID != nil && $0.approvedCents != nil }
            hold(money.filter { $0.approvalID == nil || $0.approvedCents == nil }, .awaitingConfirmation, costs: try moneyCosts(money))
        case .confirmed:
            candidates = money
        }
        var gone = Set<Int64>()
        if !candidates.isEmpty {
            let balance = try await refreshPricesAndBalance(client: client, tally: tally)
            gone = try await recheckRegistrations(candidates, client: client, tally: tally)
            gone.formUnion(try await recheckBids(candidates, client: client, tally: tally))
            gone.formUnion(try await recheckCloseouts(candidates, client: client, tally: tally))
            candidates = candidates.filter { !gone.contains($0.id) }
            let costs = try moneyCosts(candidates)
            hold(candidates.filter { costs[$0.id] == nil }, .unpriced, costs: costs)
            candidates = candidates.filter { costs[$0.id] != nil }
            switch approval {
            case .recorded:
                var kept: [OutboxIntent] = []
                for (_, group) in Dictionary(grouping: candidates, by: { $0.approvalID ?? 0 }).sorted(by: { $0.key < $1.key }) {
                    let due = group.compactMap { costs[$0.id] }.reduce(0, +)
                    let approved = group[0].approvedCents ?? 0
                    if due > approved { hold(group, .overApproval(approvedCents: approved), costs: costs) } else { kept += group }
                }
                candidates = kept
            case .confirmed(_, let shown):
                let due = candidates.compactMap { costs[$0.id] }.reduce(0, +)
                if due > shown {
                    hold(candidates, .overApproval(approvedCents: shown), costs: costs)
                    candidates = []
                }
            case .none:
                break
            }
            let due = candidates.compactMap { costs[$0.id] }.reduce(0, +)
            if !candidates.isEmpty {
                if let balance {
                    if due > balance {
                        hold(candidates, .overBalance(balanceCents: balance), costs: costs)
                        candidates = []
                    }
                } else {
                    hold(candidates, .balanceUnknown, costs: costs)
                    candidates = []
                }
            }
        }
        for held in holds { try store.holdIntents(ids: held.intentIDs, reason: held.description) }
        tally.update { $0.held += holds }
        return Set(holds.flatMap(\.intentIDs)).union(gone)
    }

    /// Fetches the TLD prices and the balance into the cache; returns the
    /// balance in cents (nil when the answer has none).
    func refreshPricesAndBalance(client: DynadotClient, tally: PushTally) async throws -> Int64? {
        do {
            tally.update { $0.calls += 2 }
            try await fetchPrices(client)
            let now = store.nowMs
            let balance = try AccountBalances(try await client.send(APIRequest("get_account_balance"))).balances.first
            if var account = try store.account() {
                account.balanceCents = balance?.cents
                account.fetchedAtMs = now
                try store.saveAccount(account)
            } else {
                try store.saveAccount(AccountRow(username: "", tier: "", balanceCents: balance?.cents,
                                                 currency: balance?.currency ?? "USD", fetchedAtMs: now))
            }
            tally.update { $0.balanceCents = balance?.cents }
            return balance?.cents
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            if case .outage(_, let message) = error { throw SyncError.outage(message) }
            throw SyncError.aborted("could not check prices and the balance before spending: \(error.message)")
        }
    }

    /// Takes what the push spent (at the prices it just fetched) off the
    /// cached balance, so the status bar and the next dialog show what is
    /// left; the next sync reads the exact figure.
    func recordSpending(_ spent: [OutboxIntent], tally: PushTally) throws {
        guard !spent.isEmpty, let before = tally.snapshot.balanceCents, var account = try store.account() else { return }
        let total = try moneyCosts(spent).values.reduce(0, +)
        account.balanceCents = before - total
        try store.saveAccount(account)
        tally.update { $0.balanceCents = before - total }
    }

    public static func moneyWords(_ intents: [OutboxIntent]) -> String {
        let renewals = intents.contains { $0.field == IntentField.renew.rawValue }
        let purchases = intents.contains { $0.field != IntentField.renew.rawValue }
        switch (renewals, purchases) {
        case (true, true): return "renewals and purchases"
        case (false, true): return "purchases"
        default: return "renewals"
        }
    }
}
