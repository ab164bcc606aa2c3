import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import Synchronization

/// Which money intents a push may send. Non-money intents are not affected,
/// except that a confirmation limits the push to what it showed.
public enum PushApproval: Sendable, Equatable {
    /// Send no money intent: they stay queued, awaiting a confirmation.
    case none
    /// `push --yes`: money intents whose operation recorded an approval
    /// (`renew --max-cost`), while their fresh cost stays within it.
    case recorded
    /// A confirmation (the TUI dialog, the `push` prompt) showed exactly
    /// these intents and this money total: the push sends only these ids,
    /// and money only while its fresh cost stays within the total shown.
    case confirmed(intentIDs: Set<Int64>, moneyCents: Int64)
}

/// Progress of a push, for progress bars and live results.
public struct PushProgress: Sendable {
    public var batchesDone: Int
    public var batchesTotal: Int
    public var intentsDone: Int
    public var intentsFailed: Int
    public var lastMessage: String
    /// Expected seconds until the last batch is sent, at the account's rate.
    public var secondsLeft: Double?

    /// `about 2 min left` when a push is long enough to say so, else nil.
    public static func timeLeftText(_ seconds: Double?) -> String? {
        guard let seconds, seconds >= 10 else { return nil }
        return seconds < 90 ? "about \(Int(seconds.rounded())) s left" : "about \(Int((seconds / 60).rounded())) min left"
    }
}

/// What a push did.
/// One change a push could not make.
public struct PushProblem: Sendable, Equatable {
    /// The domain's ASCII name; nil when the provider's answer names none
    /// (a request refused as a whole).
    public var domain: String?
    /// The command or field (`set_ns`, `privacy`); empty with no domain.
    public var what: String
    /// The provider's text or the conflict (`changed elsewhere: …`).
    public var reason: String

    public init(domain: String?, what: String, reason: String) {
        self.domain = domain
        self.what = what
        self.reason = reason
    }
}

public struct PushSummary: Sendable, Equatable {
    /// API calls made (sends, setup and verification reads).
    public var calls = 0
    public var done = 0
    public var failed = 0
    public var conflicts = 0
    /// In-flight intents verified after a crash or a lost answer.
    public var verified = 0
    /// Put back in the queue (busy, still at base after verification).
    public var requeued = 0
    /// Money intents kept back, by reason.
    public var held: [HeldMoney] = []
    /// Approved changes still queued at the end (Dynadot stayed busy).
    public var unsent = 0
    /// Sent changes whose outcome could not be verified yet: they are
    /// verified on the next push before anything is resent.
    public var uncertain = 0
    /// The account balance after the push's money check, when read.
    public var balanceCents: Int64?
    /// Each failure and conflict: the domain (ASCII), what was being
    /// changed and why. How names are shown is the caller's concern.
    public var problems: [PushProblem] = []
    /// What the verifying sync after a folder-wide change found.
    public var folderChecks: [FolderCheck] = []

    /// Money intents held back.
    public var heldMoney: Int { held.reduce(0) { $0 + $1.intentIDs.count } }
    /// True when nothing failed or conflicted.
    public var clean: Bool { failed == 0 && conflicts == 0 }
}

extension SyncEngine {
    /// Rounds of resending what a busy Dynadot did not apply.
    static let pushRounds = 3

    /// Sends the pending intents `approval` allows as the fewest calls, after
    /// verifying any batch a previous push left in flight. Money goes out
    /// only as approved, checked against fresh prices and the balance just
    /// before it is sent. Holds the push lock throughout.
    public func push(_ approval: PushApproval = .none,
                     progress: @escaping @Sendable (PushProgress) -> Void = { _ in }) async throws -> PushSummary {
        let client = try requireClient()
        let lock: PushLock
        do { lock = try store.acquirePushLock() } catch let error as PushLockError {
            throw SyncError.locked(error.description)
        }
        defer { lock.release() }
        // Never send from a damaged cache: its outbox may not say what was sent.
        let integrity = try store.integrityCheck()
        guard integrity.isOK else { throw SyncError.damagedCache(integrity.problems.prefix(3).joined(separator: "; ")) }

        let tally = PushTally()
        try await recover(client: client, tally: tally)

        var pending = try store.pendingIntents()
        if case .confirmed(let ids, _) = approval { pending = pending.filter { ids.contains($0.id) } }
        let first = try plan(for: pending)
        if !first.unreadable.isEmpty {
            try store.failIntents(ids: first.unreadable.map(\.id), message: "unreadable intent value; queue the edit again")
        }
        var heldIDs = Set<Int64>()
        if !first.moneyIntents.isEmpty {
            heldIDs = try await gateMoney(first.moneyIntents, approval: approval, client: client, tally: tally)
        }
        let unreadable = Set(first.unreadable.map(\.id))
        var round = try plan(for: pending.filter { !heldIDs.contains($0.id) && !unreadable.contains($0.id) })
        try await createFolders(for: round.batches, client: client, tally: tally)
        try await registerNameServers(for: round.batches, client: client, tally: tally)
        let sent = round.intentIDs
        let total = round.batches.count
        for attempt in 0..<Self.pushRounds {
            let run = PushRun(engine: self, client: client, tally: tally, total: total, progress: progress)
            try await run.execute(round.batches, concurrency: client.configuration.concurrency)
            let retry = run.requeued
            guard !retry.isEmpty, attempt + 1 < Self.pushRounds else { break }
            // Dynadot was busy or the answer was lost and nothing applied:
            // back off, then send those again (renewals carry `year`, so a
            // repeat is refused rather than charged twice).
            try await Task.sleep(nanoseconds: UInt64(500_000_000) << UInt64(attempt))
            round = try plan(for: try store.intents(ids: Array(retry)).filter { $0.state == .pending })
        }
        let outcome = try store.intents(ids: Array(sent))
        tally.update { $0.unsent = outcome.filter { $0.state == .pending }.count }
        // A backorder spends nothing until it is caught, a bid until it wins.
        try recordSpending(outcome.filter {
            $0.money && $0.state == .done && $0.field != IntentField.backorder.rawValue && $0.field != IntentField.bid.rawValue
        }, tally: tally)
        await refreshAfterPush(sent, client: client, tally: tally)
        return tally.snapshot
    }

    /// Contact edits, purchases and registrations change things outside the
    /// domain rows: refresh the contact list, and fetch each bought or
    /// registered domain into the cache.
    func refreshAfterPush(_ ids: Set<Int64>, client: DynadotClient, tally: PushTally) async {
        do {
            let finished = try store.intents(ids: Array(ids)).filter { $0.state == .done }
            if finished.contains(where: { $0.field == IntentField.contact.rawValue }) {
                tally.update { $0.calls += 1 }
                let contacts = try ContactList(try await client.send(APIRequest("contact_list"))).contacts
                try store.replaceContacts(contacts.compactMap(Self.contactRow), syncedAtMs: store.nowMs)
            }
            let folderChanges = finished.compactMap { intent -> FolderChange? in
                guard intent.field == IntentField.folderSetting.rawValue,
                      case .folderSetting(let change)? = Edit(field: .folderSetting, encodedValue: intent.value) else { return nil }
                return change
            }
            if !folderChanges.isEmpty {
                try await verifyFolderSettings(folderChanges, client: client, tally: tally)
            }
            if finished.contains(where: { $0.field == IntentField.backorder.rawValue }) {
                tally.update { $0.calls += 1 }
                try await pullBackorders(client: client)
            }
            if finished.contains(where: { $0.field == IntentField.bid.rawValue }) {
                try await refreshBids(client: client, tally: tally)
            }
            for bought in finished where IntentField.addsDomain(bought.field) {
                tally.update { $0.calls += 1 }
                let record = try DomainRecord(try await client.send(APIRequest("domain_info", ["domain": bought.domain])))
                _ = try store.upsertDomains([RecordMapping.row(record, syncedAtMs: store.nowMs)], syncedAtMs: store.nowMs)
                if bought.field == IntentField.closeout.rawValue { try store.removeCloseouts([bought.domain]) }
                if bought.field == IntentField.registration.rawValue {
                    try store.saveAvailability([AvailabilityRow(name: bought.domain, status: .yours, checkedAtMs: store.nowMs)])
                }
            }
        } catch {
            // The edits themselves are done; the next sync brings the cache up to date.
            logger.warning("refresh after push failed", metadata: ["error": "\(error)"])
        }
    }

    /// Sends setup calls (`add_ns`, `create_folder`) one by one. An answer
    /// that the thing exists already is success; another refusal is logged
    /// and left to the batch that needs it, which then fails with the
    /// provider's own words.
    func sendSetup(_ calls: [SetupCall], client: DynadotClient, tally: PushTally) async throws {
        for call in calls {
            tally.update { $0.calls += 1 }
            do {
                _ = try await client.send(APIRequest(call.command, parameters: call.parameters))
            } catch let error as DynadotError {
                switch error {
                case .providerRefused(_, _, let message) where message.lowercased().contains("already"):
                    continue
                case .providerRefused:
                    logger.warning("setup call refused", metadata: ["command": "\(call.command)", "error": "\(error.message)"])
                case .transport:
                    throw SyncError.offline(error.message)
                case .outage(_, let message), .busy(_, let message):
                    throw SyncError.outage(message)
                default:
                    throw SyncError.aborted(error.message)
                }
            }
        }
    }

    /// `set_ns` takes only name servers already registered in the account,
    /// so any host the plan uses that the cache does not list is added first
    /// (`add_ns`), then the list is refreshed. A host the provider already
    /// has is not an error. The plan counts these calls (`setupCalls`).
    func registerNameServers(for batches: [PlannedBatch], client: DynadotClient, tally: PushTally) async throws {
        let setup = try setupCalls(for: batches).filter { $0.command == "add_ns" }
        guard !setup.isEmpty else { return }
        try await sendSetup(setup, client: client, tally: tally)
        tally.update { $0.calls += 1 }
        let servers = try ServerList(try await client.send(APIRequest("server_list"))).servers
        try store.replaceRegisteredNameServers(servers.map { RegisteredNameServerRow(serverID: $0.serverId, host: $0.host, ips: $0.ips) },
                                               syncedAtMs: store.nowMs)
    }

    /// `set_folder` needs the folder to exist: each folder the plan names
    /// that the cached list lacks (queued with `--create-folder` or after
    /// the TUI asked) is created first (`create_folder`), then the folder
    /// list is refreshed. The plan counts these calls (`setupCalls`).
    func createFolders(for batches: [PlannedBatch], client: DynadotClient, tally: PushTally) async throws {
        let setup = try setupCalls(for: batches).filter { $0.command == "create_folder" }
        guard !setup.isEmpty else { return }
        try await sendSetup(setup, client: client, tally: tally)
        tally.update { $0.calls += 1 }
        let folders = try FolderList(try await client.send(APIRequest("folder_list"))).folders
        try store.replaceFolders(folders.map { FolderRow(id: $0.id, name: $0.name) }, syncedAtMs: store.nowMs)
    }

    /// Verifies every batch a previous push left in flight or uncertain
    /// before anything new is sent. A money intent that did not apply goes
    /// back to the queue *without* its approval: it needs a fresh
    /// confirmation.
    func recover(client: DynadotClient, tally: PushTally) async throws {
        let batches = try store.inflightBatches()
        guard !batches.isEmpty else { return }
        let ids = batches.flatMap(\.intentIDs)
        let intents = try store.intents(ids: ids).filter { $0.state == .inflight }
        logger.notice("verifying in-flight intents", metadata: ["batches": "\(batches.count)", "intents": "\(intents.count)"])
        _ = try await verify(intents, client: client, tally: tally, afterInterruption: true)
    }
}

/// The running totals of one push, shared by its concurrent batches.
final class PushTally: Sendable {
    private let state = Mutex(PushSummary())
    /// Batches finished over the whole push (all its rounds).
    private let batches = Mutex(0)

    /// Counts one finished batch; returns how many have finished.
    func finishBatch() -> Int { batches.withLock { $0 += 1; return $0 } }

    func update(_ change: (inout PushSummary) -> Void) {
        state.withLock { change(&$0) }
    }

    var snapshot: PushSummary { state.withLock { $0 } }
}
