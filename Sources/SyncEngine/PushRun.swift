import DynadotAPI
import Foundation
import PortfolioStore
import Synchronization

/// One push's batches on their way out, under the account's concurrency.
/// A batch the provider refuses as a whole is split in halves until the
/// refused domains are isolated, so one bad domain does not block 99 good ones.
final class PushRun: Sendable {
    let engine: SyncEngine
    let client: DynadotClient
    let tally: PushTally
    let total: Int
    let progress: @Sendable (PushProgress) -> Void
    /// Set when the push must stop (offline, account refused); batches not
    /// yet started stay queued.
    private let stopReason = Mutex<SyncError?>(nil)
    private let batchesFinished = Mutex(0)

    init(engine: SyncEngine, client: DynadotClient, tally: PushTally, total: Int,
         progress: @escaping @Sendable (PushProgress) -> Void) {
        self.engine = engine
        self.client = client
        self.tally = tally
        self.total = total
        self.progress = progress
    }

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
            stopReason.withLock { if $0 == nil { $0 = .aborted("\(error)") } }
        }
        let done = batchesFinished.withLock { $0 += 1; return $0 }
        let s = tally.snapshot
        progress(PushProgress(batchesDone: done, batchesTotal: total, intentsDone: s.done, intentsFailed: s.failed + s.conflicts,
                              lastMessage: "\(batch.command) × \(batch.domains.count)"))
    }

    private func send(_ batch: PlannedBatch) async throws {
        let store = engine.store
        let params = JSONValue.object(Dictionary(batch.parameters.map { ($0.name, JSONValue.string($0.value)) },
                                                 uniquingKeysWith: { a, _ in a })).serialized()
        let domains = JSONValue.array(batch.domains.map { .string($0) }).serialized()
        _ = try store.recordBatchInFlight(command: batch.command, params: params, domains: domains, intentIDs: batch.intentIDs)
        engine.crashPoints.reached(1)
        let response: APIResponse
        do {
            tally.update { $0.calls += 1 }
            response = try await client.send(batch.request)
        } catch let error as DynadotError {
            try await handle(error, batch: batch)
            return
        }
        engine.crashPoints.reached(2)
        try engine.complete(intentIDs: batch.intentIDs, response: response)
        tally.update { $0.done += batch.intentIDs.count }
        engine.crashPoints.reached(3)
    }

    private func handle(_ error: DynadotError, batch: PlannedBatch) async throws {
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
                    var piece = batch
                    piece.domains = Array(batch.domains[part])
                    piece.intentIDs = Array(batch.intentIDs[part])
                    try await send(piece)
                }
            } else {
                let text = message.isEmpty ? status : message
                try store.failIntents(ids: batch.intentIDs, message: text)
                tally.update {
                    $0.failed += batch.intentIDs.count
                    $0.problems += batch.domains.map { "\($0) \(batch.command): \(text)" }
                }
            }
        case .invalidRequest:
            try store.failIntents(ids: batch.intentIDs, message: error.message)
            tally.update { $0.failed += batch.intentIDs.count; $0.problems.append(error.message) }
        case .accountRefused:
            try store.requeueInflight(ids: batch.intentIDs)
            throw SyncError.aborted(error.message)
        case .transport(.refused, _), .transport(.tls, _):
            try store.requeueInflight(ids: batch.intentIDs)
            throw SyncError.offline(error.message)
        case .busy:
            try store.requeueInflight(ids: batch.intentIDs)
            tally.update { $0.requeued += batch.intentIDs.count }
        default:
            // The answer was lost or unreadable: it may have applied. Verify
            // before anything is sent again.
            let batchID = try store.intents(ids: [batch.intentIDs[0]]).first?.batchID
            if let batchID { try store.markBatchUncertain(id: batchID, message: error.message) }
            let intents = try store.intents(ids: batch.intentIDs)
            do {
                try await engine.verify(intents, client: client, tally: tally)
            } catch let failure as DynadotError {
                if case .transport = failure { throw SyncError.offline(failure.message) }
                throw SyncError.aborted(failure.message)
            }
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
