import DynadotAPI
import DynadotSim
import Foundation
import Logging
@_spi(OutboxWriter) import PortfolioStore
@testable import SyncEngine

let engineTestKey = "FAKE-ENGINE-TEST-KEY-3"

/// A simulator, a fresh in-memory cache and an engine wired to both. The
/// simulator is always stopped, even when `body` throws.
func withEngine<T>(domains: Int = 300, seed: UInt64 = 11, faults: SimFaults = SimFaults(),
                   onPushStep: @escaping @Sendable (PushStep) -> Void = { _ in },
                   _ body: (SyncEngine, SimServer) async throws -> T) async throws -> T {
    let server = SimServer(configuration: SimConfiguration(domainCount: domains, seed: seed, tier: .bulk,
                                                           apiKey: engineTestKey, faults: faults,
                                                           referenceDate: Date(timeIntervalSince1970: 1_790_000_000)))
    let endpoint = try await server.start()
    do {
        let configuration = try ClientConfiguration(endpoint: endpoint, apiKey: engineTestKey, concurrency: 5,
                                                    retry: RetryPolicy(maxAttempts: 6, baseDelay: 0.01, maxDelay: 0.05))
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let client = DynadotClient(configuration: configuration, logger: quiet)
        let store = try PortfolioDatabase(inMemoryWithClock: { Int64(Date().timeIntervalSince1970 * 1000) })
        let engine = SyncEngine(store: store, client: client, logger: quiet, onPushStep: onPushStep)
        let result = try await body(engine, server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

extension SimServer {
    /// How many requests of `command` the simulator answered.
    func count(_ command: String) -> Int {
        recentRequests.filter { $0.command == command }.count
    }

    func domain(_ name: String) -> SimDomain? {
        state.read { account in account.domainIndex[name].map { account.domains[$0] } }
    }
}

/// Names of cached domains matching a query, in name order.
func names(_ engine: SyncEngine, _ query: String = "", limit: Int? = nil) throws -> [String] {
    try engine.store.names(matching: PortfolioQuery(parsing: query), limit: limit)
}
