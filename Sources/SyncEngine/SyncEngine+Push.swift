import DynadotAPI
import Foundation
import PortfolioStore
import Synchronization

/// How `push` treats intents that spend money.
public enum MoneyPolicy: Sendable {
    /// Leave them queued (reported as held).
    case hold
    /// Send those queued with a cost limit (`renew --max-cost`) whose total
    /// stays within it; hold the rest. What `push --yes` does.
    case withinRecordedLimit
    /// The user confirmed the plan's total just now (interactive `push`).
    case approveAll
}

/// Progress of a push, for progress bars and live results.
public struct PushProgress: Sendable {
    public var batchesDone: Int
    public var batchesTotal: Int
    public var intentsDone: Int
    public var intentsFailed: Int
    public var lastMessage: String
}

/// What a push did.
public struct PushSummary: Sendable, Equatable {
    /// API calls made (sends and verification reads).
    public var calls = 0
    public var done = 0
    public var failed = 0
    public var conflicts = 0
    /// In-flight intents verified after a crash or a lost answer.
    public var verified = 0
    /// Put back in the queue (busy, still at base after verification).
    public var requeued = 0
    /// Money intents left queued for want of confirmation.
    public var heldMoney = 0
    /// `domain field: provider text` for each failure and conflict.
    public var problems: [String] = []

    /// True when nothing failed or conflicted.
    public var clean: Bool { failed == 0 && conflicts == 0 }
}

extension SyncEngine {
    /// Sends every pending intent as the fewest calls, after verifying any
    /// batch a previous push left in flight. Holds the push lock throughout.
    public func push(money: MoneyPolicy = .hold,
                     progress: @escaping @Sendable (PushProgress) -> Void = { _ in }) async throws -> PushSummary {
        let client = try requireClient()
        let lock: PushLock
        do { lock = try store.acquirePushLock() } catch let error as PushLockError {
            throw SyncError.locked("another dynafolio is pushing: \(error.description)")
        }
        defer { lock.release() }

        let tally = PushTally()
        try await recover(client: client, tally: tally)

        let pending = try store.pendingIntents()
        let (sendable, held) = try selectMoney(pending, policy: money)
        tally.update { $0.heldMoney = held }
        let plan = try plan(for: sendable)
        if !plan.unreadable.isEmpty {
            try store.failIntents(ids: plan.unreadable.map(\.id), message: "unreadable intent value; queue the edit again")
        }
        try await registerNameServers(for: plan.batches, client: client, tally: tally)
        let run = PushRun(engine: self, client: client, tally: tally, total: plan.batches.count, progress: progress)
        try await run.execute(plan.batches, concurrency: client.configuration.concurrency)
        await refreshAfterPush(plan, client: client, tally: tally)
        return tally.snapshot
    }

    /// Splits pending intents into those allowed out now and the number of
    /// money intents held back.
    func selectMoney(_ intents: [OutboxIntent], policy: MoneyPolicy) throws -> ([OutboxIntent], Int) {
        let money = intents.filter(\.money)
        guard !money.isEmpty else { return (intents, 0) }
        var approved = Set<Int64>()
        switch policy {
        case .hold:
            break
        case .approveAll:
            approved = Set(money.map(\.id))
        case .withinRecordedLimit:
            var groups: [String: [OutboxIntent]] = [:]
            for intent in money {
                let value = try? JSONValue.parse(Data(intent.value.utf8))
                groups[value?["approval"]?.text ?? "", default: []].append(intent)
            }
            for (_, group) in groups {
                let limit = (try? JSONValue.parse(Data(group[0].value.utf8)))?["max_cost"]?.int
                let costs = group.map(\.costCents)
                guard let limit, costs.allSatisfy({ $0 != nil }) else { continue }
                if costs.compactMap({ $0 }).reduce(0, +) <= Int64(limit) {
                    approved.formUnion(group.map(\.id))
                }
            }
        }
        let out = intents.filter { !$0.money || approved.contains($0.id) }
        return (out, money.count - approved.count)
    }

    /// Contact edits and purchases change things outside the domain rows:
    /// refresh the contact list, and fetch each bought domain into the cache.
    func refreshAfterPush(_ plan: Plan, client: DynadotClient, tally: PushTally) async {
        do {
            let ids = plan.batches.flatMap(\.intentIDs)
            let finished = try store.intents(ids: ids).filter { $0.state == .done }
            if finished.contains(where: { $0.field == IntentField.contact.rawValue }) {
                tally.update { $0.calls += 1 }
                let contacts = try ContactList(try await client.send(APIRequest("contact_list"))).contacts
                try store.replaceContacts(contacts.compactMap(Self.contactRow), syncedAtMs: store.nowMs)
            }
            for bought in finished where bought.field == IntentField.purchase.rawValue {
                tally.update { $0.calls += 1 }
                let record = try DomainRecord(try await client.send(APIRequest("domain_info", ["domain": bought.domain])))
                _ = try store.upsertDomains([RecordMapping.row(record, syncedAtMs: store.nowMs)], syncedAtMs: store.nowMs)
            }
        } catch {
            // The edits themselves are done; the next sync brings the cache up to date.
            logger.warning("refresh after push failed", metadata: ["error": "\(error)"])
        }
    }

    /// `set_ns` takes only name servers already registered in the account,
    /// so any host the plan uses that the cache does not list is added first
    /// (`add_ns`), then the list is refreshed. A host the provider already
    /// has is not an error.
    func registerNameServers(for batches: [PlannedBatch], client: DynadotClient, tally: PushTally) async throws {
        let wanted = Set(batches.filter { $0.command == "set_ns" }.flatMap { $0.parameters.map(\.value) })
        guard !wanted.isEmpty else { return }
        let known = Set(try store.registeredNameServers().map { Edit.normaliseHost($0.host) })
        let missing = wanted.subtracting(known).sorted()
        guard !missing.isEmpty else { return }
        for host in missing {
            tally.update { $0.calls += 1 }
            do {
                _ = try await client.send(APIRequest("add_ns", ["host": host]))
            } catch let error as DynadotError {
                switch error {
                case .providerRefused(_, _, let message) where message.lowercased().contains("already"):
                    continue
                case .providerRefused:
                    logger.warning("add_ns refused", metadata: ["host": "\(host)", "error": "\(error.message)"])
                case .transport:
                    throw SyncError.offline(error.message)
                default:
                    throw SyncError.aborted(error.message)
                }
            }
        }
        tally.update { $0.calls += 1 }
        let servers = try ServerList(try await client.send(APIRequest("server_list"))).servers
        try store.replaceRegisteredNameServers(servers.map { RegisteredNameServerRow(serverID: $0.serverId, host: $0.host, ips: $0.ips) },
                                               syncedAtMs: store.nowMs)
    }

    /// Verifies every batch a previous push left in flight or uncertain
    /// before anything new is sent.
    func recover(client: DynadotClient, tally: PushTally) async throws {
        let batches = try store.inflightBatches()
        guard !batches.isEmpty else { return }
        let ids = batches.flatMap(\.intentIDs)
        let intents = try store.intents(ids: ids).filter { $0.state == .inflight }
        logger.notice("verifying in-flight intents", metadata: ["batches": "\(batches.count)", "intents": "\(intents.count)"])
        try await verify(intents, client: client, tally: tally)
    }
}

/// The running totals of one push, shared by its concurrent batches.
final class PushTally: Sendable {
    private let state = Mutex(PushSummary())

    func update(_ change: (inout PushSummary) -> Void) {
        state.withLock { change(&$0) }
    }

    var snapshot: PushSummary { state.withLock { $0 } }
}
