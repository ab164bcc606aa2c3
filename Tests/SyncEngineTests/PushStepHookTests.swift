import Synchronization
import Testing
@testable import SyncEngine

/// Crash points are a hook the caller injects: the engine reports each step
/// of each batch and never exits on its own. (Batches may run concurrently,
/// so steps of different batches interleave.)
@Suite struct PushStepHookTests {
    @Test func everyBatchReportsItsStepsInOrder() async throws {
        let steps = Mutex<[PushStep]>([])
        let calls = Mutex(0)
        try await withEngine(domains: 20, onPushStep: { step in steps.withLock { $0.append(step) } }) { engine, _ in
            try await engine.pull()
            let all = try names(engine)
            _ = try engine.queue(.note("a"), domains: Array(all.prefix(2)), origin: .cli)
            _ = try engine.queue(.note("b"), domains: [all[2]], origin: .cli)
            let summary = try await engine.push()
            #expect(summary.done == 3)
            calls.withLock { $0 = summary.calls }
        }
        let seen = steps.withLock { $0 }
        let sent = calls.withLock { $0 }
        #expect(sent == 3)
        for step in PushStep.allCases { #expect(seen.filter { $0 == step }.count == sent, "\(step)") }
        #expect(seen.first == .recordedInFlight && seen.last == .answerRecorded)
    }
}
