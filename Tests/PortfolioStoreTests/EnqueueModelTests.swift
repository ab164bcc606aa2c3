import Testing
@_spi(OutboxWriter) @testable import PortfolioStore

/// The set-based enqueue against a model of the one-intent-at-a-time rules:
/// random edit lists (repeated keys, values back to base, money with and
/// without approval) interleaved with sends, failures and completions must
/// leave every intent in the state, with the values, the model says.
@Suite("Enqueue against the one-by-one model")
struct EnqueueModelTests {
    struct ModelIntent: Equatable {
        var id: Int64, domain: String, field: String, value: String, base: String, state: IntentState
        var money: Bool, operationID: Int64?, approvalID: Int64?, approvedCents: Int64?
    }

    /// A small deterministic generator (no Foundation randomness in tests).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// The rules exactly as the per-intent loop applied them.
    static func modelEnqueue(_ model: inout [ModelIntent], _ operation: NewOperation, _ intents: [NewIntent],
                             nextOperation: Int64) -> (EnqueueResult, usedOperation: Bool) {
        var result = EnqueueResult()
        var used = false
        for intent in intents {
            let same = model.indices.filter { model[$0].domain == intent.domain && model[$0].field == intent.field }
            let open = same.filter { [.pending, .failed, .conflict].contains(model[$0].state) }
            let inflight = same.contains { model[$0].state == .inflight }
            let back = intent.value == intent.baseValue && !inflight
            for index in open { model[index].state = back ? .cancelled : .superseded }
            if back {
                if open.isEmpty { result.unchanged += 1 } else { result.cancelled += open.count }
                continue
            }
            result.superseded += open.count
            used = true
            let id = (model.map(\.id).max() ?? 0) + 1
            let approved = intent.money ? operation.approvedCents : nil
            model.append(ModelIntent(id: id, domain: intent.domain, field: intent.field, value: intent.value,
                                     base: intent.baseValue, state: .pending, money: intent.money, operationID: nextOperation,
                                     approvalID: approved == nil ? nil : nextOperation, approvedCents: approved))
            result.added.append(id)
        }
        result.operationID = used ? nextOperation : nil
        return (result, used)
    }

    @Test("random edit sequences leave the outbox exactly as the one-by-one rules would", arguments: [1, 2, 3, 4, 5, 6])
    func matchesModel(seed: Int) throws {
        let store = try makeStore()
        var random = Generator(state: UInt64(seed) &* 7919)
        var model: [ModelIntent] = []
        var nextOperation: Int64 = 1
        let domains = ["a.com", "b.net", "c.org", "münchen.de", "e.io"]
        let fields = ["renew", "note", "lock"]
        let values = [#""x""#, #""y""#, #""base""#, "e\u{301}", "\u{e9}"]
        for step in 0..<60 {
            switch random.next(6) {
            case 0:
                // Send some pending intents.
                let pending = model.filter { $0.state == .pending }.map(\.id)
                let chosen = pending.filter { _ in random.next(2) == 0 }
                guard !chosen.isEmpty else { continue }
                _ = try store.recordBatchInFlight(command: "c", params: "{}", domains: "[]", intentIDs: chosen)
                for index in model.indices where chosen.contains(model[index].id) { model[index].state = .inflight }
            case 1:
                // Settle some in-flight ones: failed (open again) or done.
                let inflight = model.filter { $0.state == .inflight }.map(\.id)
                guard let id = inflight.first else { continue }
                let fail = random.next(2) == 0
                if fail { try store.failIntents(ids: [id], message: "no") } else {
                    try store.completeIntents(ids: [id], writes: CacheWrites())
                }
                for index in model.indices where model[index].id == id { model[index].state = fail ? .failed : .done }
            default:
                var intents: [NewIntent] = []
                for _ in 0..<(1 + random.next(10)) {
                    let base = values[random.next(2) + 2]
                    intents.append(NewIntent(domain: domains[random.next(domains.count)], field: fields[random.next(fields.count)],
                                             value: values[random.next(values.count)], baseValue: base, money: random.next(3) == 0))
                }
                let operation = NewOperation(origin: .cli, label: "step \(step)", approvedCents: random.next(2) == 0 ? 500 : nil)
                let (expected, used) = Self.modelEnqueue(&model, operation, intents, nextOperation: nextOperation)
                let got = try store.enqueue(operation, intents: intents)
                #expect(got == expected, "step \(step)")
                if got != expected { return }
                if used { nextOperation += 1 }
            }
            let stored = try store.intents(ids: model.map(\.id)).map {
                ModelIntent(id: $0.id, domain: $0.domain, field: $0.field, value: $0.value, base: $0.baseValue, state: $0.state,
                            money: $0.money, operationID: $0.operationID, approvalID: $0.approvalID, approvedCents: $0.approvedCents)
            }
            let firstDifference = zip(stored, model).first { $0 != $1 }
            #expect(stored.count == model.count && firstDifference == nil, "step \(step): \(String(describing: firstDifference))")
            if stored != model { return }
            #expect(try store.operations(limit: 1000).count == Int(nextOperation - 1))
        }
    }

    @Test("one edit on many domains at once: supersedes, cancels and queues behind in-flight ones in bulk")
    func bulk() throws {
        let store = try makeStore()
        let names = (0..<2000).map { "d\($0).com" }
        let first = try store.enqueue(intents: names.map { NewIntent(domain: $0, field: "note", value: #""a""#, baseValue: #""""#) })
        #expect(first.added.count == 2000 && first.added == first.added.sorted())
        _ = try store.recordBatchInFlight(command: "set_note", params: "{}", domains: "[]", intentIDs: Array(first.added[0..<500]))
        // Back to base on all: 1,500 open ones cancelled, 500 in flight get a new intent behind them.
        let back = try store.enqueue(intents: names.map { NewIntent(domain: $0, field: "note", value: #""""#, baseValue: #""""#) })
        #expect(back.cancelled == 1500 && back.added.count == 500 && back.unchanged == 0 && back.superseded == 0)
        #expect(try store.intentCounts() == [.inflight: 500, .cancelled: 1500, .pending: 500])
        #expect(try store.intents(ids: back.added).map(\.domain) == Array(names[0..<500]))
    }
}
