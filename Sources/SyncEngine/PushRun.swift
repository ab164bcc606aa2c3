import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore
import Synchronization

/// One round of a push's batches on their way out, under the account's
/// concurrency. A batch the provider refuses as a whole is split in halves
/// until the refused domains are isolated, so one bad domain does not block
/// 99 good ones. Intents that were not applied and may be sent again (a
/// busy answer; a lost answer that verification showed unapplied) are
/// collected in `requeued` for the push's next round.
final class PushRun: Sendable {
    let engine: SyncEngine
    let client: DynadotClient
    let tally: PushTally
    let total: Int
    let progress: @Sendable (PushProgress) -> Void
    /// Set when the push must stop (offline, account refused); batches not
    /// yet started stay queued.
    private let stopReason = Mutex<SyncError?>(nil)
    private let requeuedIDs = Mutex<Set<Int64>>([])

    init(engine: SyncEngine, client: DynadotClient, tally: PushTally, total: Int,
         progress: @escaping @Sendable (PushProgress) -> Void) {
        self.engine = engine
        self.client = client
        self.tally = tally
        self.total = total
        self.progress = progress
    }

    /// Intents put back to pending in this round that may be sent again.
    var requeued: Set<Int64> { requeuedIDs.withLock { $0 } }

    func execute(_ batches: [PlannedBatch], concurrency: Int) async throws {
        var queue = batches[...]
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            while let next = queue.popFirst() {
                if running >= max(1, concurrency) {
                    await group.next()
                    running -= 1
                }
                if stopReason.withLock({ $0 }) != nil { break }
                group.addTask { await self.run(next) }
                running += 1
            }
            await group.waitForAll()
        }
        if let reason = stopReason.withLock({ $0 }) { throw reason }
    }

    /// Sends one batch (or its halves) and records every intent's outcome.
    private func run(_ batch: PlannedBatch) async {
        do {
            try await send(batch)
        } catch let error as SyncError {
            stopReason.withLock { if $0 == nil { $0 = error } }
        } catch {
            // SQLite's failures in plain words, never with their SQL.
            let reason = PortfolioStoreError.userMessage(for: error) ?? "\(error)"
            stopReason.withLock { if $0 == nil { $0 = .aborted(reason) } }
        }
        let done = tally.finishBatch()
        let s = tally.snapshot
        progress(PushProgress(batchesDone: done, batchesTotal: total, intentsDone: s.done, intentsFailed: s.failed + s.conflicts,
                              lastMessage: "\(batch.command) × \(batch.domains.count)",
                              secondsLeft: client.estimatedSeconds(forRequests: max(0, total - done))))
    }

    private func send(_ planned: PlannedBatch) async throws {
        let store = engine.store
        let params = JSONValue.object(Dictionary(planned.parameters.map { ($0.name, JSONValue.string($0.value)) },
                                                 uniquingKeysWith: { a, _ in a })).serialized()
        let domains = JSONValue.array(planned.domains.map { .string($0) }).serialized()
        // An intent replaced or dropped since the plan was made (an edit
        // during the push) stays out of this call; the new one waits for
        // the next push.
        guard let live = try store.recordBatchInFlight(command: planned.command, params: params, domains: domains,
                                                       intentIDs: planned.intentIDs) else { return }
        let batch = planned.keeping(live.intentIDs)
        engine.onPushStep(.recordedInFlight)
        // A transfer's auth code joins the request only here, read from the
        // auth-code table: it never enters the plan or the outbox.
        guard let request = batch.command == "transfer" ? try engine.transferRequest(batch) : batch.request else {
            let reason = "no auth code is kept for it; queue it again with `dynafolio transfer in`"
            try store.failIntents(ids: batch.intentIDs, message: reason)
            tally.update {
                $0.failed += batch.intentIDs.count
                $0.problems += batch.domains.map { PushProblem(domain: $0, what: "transfer", reason: reason) }
            }
            return
        }
        let response: APIResponse
        do {
            tally.update { $0.calls += 1 }
            response = try await client.send(request)
        } catch let error as DynadotError {
            try await handle(error, batch: batch, batchID: live.id)
            return
        }
        engine.onPushStep(.sent)
        if batch.command == "bulk_register" {
            // One answer, one result per name: some may be refused.
            let again = try await engine.completeBulkRegistration(batch, response: response, client: client, tally: tally)
            requeuedIDs.withLock { $0.formUnion(again) }
        } else {
            try engine.complete(intentIDs: batch.intentIDs, response: response)
            if batch.command == "transfer", let domain = batch.domains.first {
                try engine.recordTransferStarted(domain, response: response)
            }
            tally.update { $0.done += batch.intentIDs.count }
        }
        engine.onPushStep(.answerRecorded)
    }

    private func handle(_ error: DynadotError, batch: PlannedBatch, batchID: Int64) async throws {
        let store = engine.store
        switch error {
        case .providerRefused(_, let status, let message):
            // A refusal that names one of the batch's parameter values (a
            // name server not in the account, a bad option) applies to every
            // domain alike: splitting would only repeat it. Otherwise split
            // to isolate the domains the provider refuses.
            if batch.domains.count > 1 && !Self.blamesParameters(message, batch) {
                try store.requeueInflight(ids: batch.intentIDs)
                let half = batch.domains.count / 2
                for part in [0..<half, half..<batch.domains.count] {
                    try await send(batch.keeping(Array(batch.intentIDs[part])))
                }
            } else {
                let text = message.isEmpty ? status : message
                try store.failIntents(ids: batch.intentIDs, message: text)
                tally.update {
                    $0.failed += batch.intentIDs.count
                    $0.problems += batch.domains.map { PushProblem(domain: $0, what: batch.command, reason: text) }
                }
            }
        case .invalidRequest:
            try store.failIntents(ids: batch.intentIDs, message: error.message)
            tally.update { $0.failed += batch.intentIDs.count; $0.problems.append(PushProblem(domain: nil, what: "", reason: error.message)) }
        case .accountRefused:
            try store.requeueInflight(ids: batch.intentIDs)
            throw SyncError.aborted(error.message)
        case .transport(.refused, _), .transport(.tls, _):
            try store.requeueInflight(ids: batch.intentIDs)
            throw SyncError.offline(error.message)
        case .busy:
            // Nothing was applied, and the client already backed off and
            // retried: the push's next round sends it again.
            try store.requeueInflight(ids: batch.intentIDs)
            requeuedIDs.withLock { $0.formUnion(batch.intentIDs) }
            tally.update { $0.requeued += batch.intentIDs.count }
        case .outage(_, let message):
            // Nothing was applied and outages last minutes to hours: keep
            // everything queued (never failed) and stop sending.
            try store.requeueInflight(ids: batch.intentIDs)
            tally.update { $0.requeued += batch.intentIDs.count }
            throw SyncError.outage(message)
        default:
            // The answer was lost or unreadable: it may have applied. Verify
            // before anything is sent again; what did not apply is sent again
            // in the next round.
            try store.markBatchUncertain(id: batchID, message: error.message)
            let intents = try store.intents(ids: batch.intentIDs)
            let outcome = try await engine.verify(intents, client: client, tally: tally, afterInterruption: false)
            requeuedIDs.withLock { $0.formUnion(outcome.requeued) }
        }
    }

    static func blamesParameters(_ message: String, _ batch: PlannedBatch) -> Bool {
        let text = message.lowercased()
        return batch.parameters.contains { parameter in
            let value = parameter.value.lowercased()
            return value.count >= 4 && text.contains(value)
        }
    }
}

extension PlannedBatch {
    /// The same call for only these of its intents (and their domains).
    func keeping(_ ids: [Int64]) -> PlannedBatch {
        guard ids != intentIDs else { return self }
        let wanted = Set(ids)
        var copy = self
        copy.domains = []
        copy.intentIDs = []
        for (domain, id) in zip(domains, intentIDs) where wanted.contains(id) {
            copy.domains.append(domain)
            copy.intentIDs.append(id)
        }
        return copy
    }
}
