import Foundation
@_spi(OutboxWriter) import PortfolioStore
@testable import SyncEngine
import Testing

/// A transfer in's auth code waits in the cache only while its intent can
/// still be sent: every way of dropping the intent erases the code too.
@Suite("Transfer auth codes die with their intent")
struct TransferCodeLifetimeTests {
    static let names = ["code-one.com", "code-two.com"]

    /// An engine with no client over a fresh cache that knows the .com
    /// transfer price, and both names queued for transfer in.
    func queued() throws -> SyncEngine {
        let store = try PortfolioDatabase(inMemoryWithClock: { 1_790_000_000_000 })
        try store.upsertTLDPrices([TLDPriceRow(tld: "com", transferCents: 899, fetchedAtMs: 1_790_000_000_000)])
        let engine = SyncEngine(store: store, client: nil)
        try engine.queueTransfersIn(Self.names.map { TransferInEntry(domain: $0, authCode: "Fake-Code-\($0)") }, origin: .cli, maxCostCents: 10_000)
        for name in Self.names { #expect(try store.transferAuthCode(name) == "Fake-Code-\(name)") }
        return engine
    }

    func codes(_ engine: SyncEngine) throws -> [String?] {
        try Self.names.map { try engine.store.transferAuthCode($0) }
    }

    @Test func droppingOneDomainErasesOnlyItsCode() throws {
        let engine = try queued()
        let result = try engine.drop(domains: [Self.names[0]])
        #expect(result.dropped == 1)
        #expect(try codes(engine) == [nil, "Fake-Code-code-two.com"])
    }

    @Test func droppingEverythingErasesEveryCode() throws {
        let engine = try queued()
        try engine.dropAll()
        #expect(try codes(engine) == [nil, nil])
    }

    @Test func droppingTheQueueSectionErasesItsCodes() throws {
        let engine = try queued()
        let section = try #require(try engine.planOutline().sections.first { $0.field == .transfer })
        try engine.drop(section: section)
        #expect(try codes(engine) == [nil, nil])
    }

    @Test func undoingTheQueueingErasesItsCodes() throws {
        let engine = try queued()
        #expect(try engine.undoLastQueued() != nil)
        #expect(try codes(engine) == [nil, nil])
    }

    @Test func aSupersedingTransferKeepsOnlyTheNewCode() throws {
        let engine = try queued()
        try engine.queueTransfersIn([TransferInEntry(domain: Self.names[0], authCode: "Fake-Newer-Code")], origin: .cli, maxCostCents: 10_000)
        #expect(try codes(engine) == ["Fake-Newer-Code", "Fake-Code-code-two.com"])
        #expect(try engine.store.pendingIntents().filter { $0.field == IntentField.transfer.rawValue }.count == 2)
    }

    @Test func aDroppedIntentInAnotherProcessIsSweptAtTheNextDrop() throws {
        let engine = try queued()
        // The store's own drop (as an older binary would) leaves the code;
        // the engine's next queue change sweeps it.
        try engine.store.drop(domains: [Self.names[0]])
        #expect(try engine.store.transferAuthCode(Self.names[0]) != nil)
        try engine.drop(domains: ["unrelated.com"])
        #expect(try codes(engine) == [nil, "Fake-Code-code-two.com"])
    }
}
