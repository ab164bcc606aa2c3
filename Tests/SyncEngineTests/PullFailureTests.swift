import DynadotAPI
import DynadotSim
import Foundation
import Logging
@_spi(OutboxWriter) import PortfolioStore
import Testing
@testable import SyncEngine

/// Answers one `list_domain` page with a body that is not JSON; every other
/// request goes to the simulator.
private final class BrokenPageTransport: Transport, Sendable {
    private let inner = URLSessionTransport()
    private let brokenPage: Int

    init(brokenPage: Int) { self.brokenPage = brokenPage }

    func get(_ request: HTTPGet) async throws -> HTTPReply {
        let items = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        if items.contains(where: { $0.name == "command" && $0.value == "list_domain" }),
           items.contains(where: { $0.name == "page_index" && $0.value == String(brokenPage) }) {
            return HTTPReply(status: 200, body: Data("<html>gateway hiccup</html>".utf8))
        }
        return try await inner.get(request)
    }
}

/// Pages are written in the background; a listing that breaks off must
/// still keep the pages that arrived and mark nothing gone.
@Suite struct PullFailureTests {
    @Test func aListingThatBreaksOffKeepsEarlierPagesAndMarksNothingGone() async throws {
        let server = SimServer(configuration: SimConfiguration(domainCount: 500, seed: 5, tier: .bulk, apiKey: engineTestKey))
        let endpoint = try await server.start()
        do {
            var quiet = Logger(label: "test")
            quiet.logLevel = .critical
            let configuration = try ClientConfiguration(endpoint: endpoint, apiKey: engineTestKey,
                                                        retry: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.02))
            let store = try PortfolioDatabase(inMemoryWithClock: { Int64(Date().timeIntervalSince1970 * 1000) })
            let healthy = SyncEngine(store: store, client: DynadotClient(configuration: configuration, logger: quiet),
                                     logger: quiet)
            try await healthy.pull(PullOptions(pageSize: 100))
            #expect(try store.count() == 500)

            // A fresh cache: only the pages before the broken one can be there.
            let fresh = try PortfolioDatabase(inMemoryWithClock: { Int64(Date().timeIntervalSince1970 * 1000) })
            let broken = SyncEngine(store: fresh, client: DynadotClient(configuration: configuration,
                                                                        transport: BrokenPageTransport(brokenPage: 2), logger: quiet),
                                    logger: quiet)
            await #expect(throws: (any Error).self) { try await broken.pull(PullOptions(pageSize: 100)) }
            #expect(try fresh.count() == 200)
            #expect(try fresh.lastSyncRun(kind: "domains")?.outcome == .partial)

            // The full cache, listing broken after two pages: nothing is gone.
            let again = SyncEngine(store: store, client: DynadotClient(configuration: configuration,
                                                                       transport: BrokenPageTransport(brokenPage: 2), logger: quiet),
                                   logger: quiet)
            await #expect(throws: (any Error).self) { try await again.pull(PullOptions(pageSize: 100)) }
            #expect(try store.count() == 500)
            #expect(try store.count(matching: PortfolioQuery(parsing: "gone:yes")) == 0)
            try await server.stop()
        } catch {
            try? await server.stop()
            throw error
        }
    }
}
