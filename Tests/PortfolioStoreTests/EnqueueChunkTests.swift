import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// The staging table is written in multi-row inserts of
/// `PortfolioDatabase.stageChunk` intents: lists longer than a chunk, with a
/// remainder and repeated keys across chunk boundaries, must still leave the
/// outbox exactly as the one-by-one rules would.
@Suite("Enqueue across staging chunks")
struct EnqueueChunkTests {
    @Test("lists of several chunks and a remainder match the one-by-one model", arguments: [1, 2, 3])
    func matchesModelAcrossChunks(seed: Int) throws {
        let store = try makeStore()
        var random = EnqueueModelTests.Generator(state: UInt64(seed) &* 104_729)
        var model: [EnqueueModelTests.ModelIntent] = []
        var nextOperation: Int64 = 1
        let domains = (0..<700).map { "d\($0).com" }
        let values = [#""x""#, #""y""#, #""base""#, "", "e\u{301}", "\u{e9}", #""\u0000""#]
        for step in 0..<4 {
            if step == 2 {
                // Some open intents go in flight: a value back to base behind them is still queued.
                let pending = model.filter { $0.state == .pending }.map(\.id)
                let chosen = pending.filter { _ in random.next(3) == 0 }
                if !chosen.isEmpty {
                    _ = try store.recordBatchInFlight(command: "c", params: "{}", domains: "[]", intentIDs: chosen)
                    for index in model.indices where chosen.contains(model[index].id) { model[index].state = .inflight }
                }
            }
            let count = PortfolioDatabase.stageChunk * 2 + 1 + random.next(PortfolioDatabase.stageChunk)
            let intents = (0..<count).map { _ in
                NewIntent(domain: domains[random.next(domains.count)], field: ["note", "renew"][random.next(2)],
                          value: values[random.next(values.count)], baseValue: values[2 + random.next(2)],
                          money: random.next(4) == 0, costCents: random.next(2) == 0 ? nil : Int64(random.next(5000)),
                          valueVersion: 1 + random.next(2))
            }
            let operation = NewOperation(origin: .cli, label: "chunk step \(step)", approvedCents: random.next(2) == 0 ? 900 : nil)
            let inflight = Set(model.filter { $0.state == .inflight }.map { $0.domain + " " + $0.field })
            let queued = intents.filter { $0.value != $0.baseValue || inflight.contains($0.domain + " " + $0.field) }
            let (expected, used) = EnqueueModelTests.modelEnqueue(&model, operation, intents, nextOperation: nextOperation)
            let got = try store.enqueue(operation, intents: intents)
            #expect(got == expected, "step \(step)")
            if used { nextOperation += 1 }
            // New ids follow the order given: each carries its intent's cost and value version.
            let byID = Dictionary(uniqueKeysWithValues: try store.intents(ids: got.added).map { ($0.id, $0) })
            let carried = got.added.sorted().compactMap { byID[$0] }.map { [$0.domain, $0.field, $0.value, "\($0.costCents as Any)", "\($0.valueVersion)"] }
            #expect(carried == queued.map { [$0.domain, $0.field, $0.value, "\($0.costCents as Any)", "\($0.valueVersion)"] }, "step \(step)")
            let stored = try store.intents(ids: model.map(\.id)).map {
                EnqueueModelTests.ModelIntent(id: $0.id, domain: $0.domain, field: $0.field, value: $0.value, base: $0.baseValue,
                                              state: $0.state, money: $0.money, operationID: $0.operationID,
                                              approvalID: $0.approvalID, approvedCents: $0.approvedCents)
            }
            #expect(stored == model, "step \(step)")
            if stored != model { return }
        }
    }
}
