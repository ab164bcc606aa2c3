import DynadotAPI
import DynadotSim
import Foundation
import Logging
import PortfolioStore
import Synchronization
import Testing
@testable import SyncEngine

/// A clock the test moves forward (the cached auction and closeout lists
/// go stale with it).
final class TestClock: Sendable {
    let ms = Mutex<Int64>(Int64(Date().timeIntervalSince1970 * 1000))
    var now: Int64 { ms.withLock { $0 } }
    func advance(minutes: Int64) { ms.withLock { $0 += minutes * 60_000 } }
}

/// An engine on the simulator (regular or bulk tier) with a cache on a
/// clock the test moves; the simulator is stopped even when `body` throws.
func withWatchEngine<T>(tier: SimTier, _ body: (SyncEngine, SimServer, TestClock) async throws -> T) async throws -> T {
    let server = SimServer(configuration: SimConfiguration(domainCount: 20, seed: 5, tier: tier, apiKey: engineTestKey))
    let endpoint = try await server.start()
    do {
        let configuration = try ClientConfiguration(endpoint: endpoint, apiKey: engineTestKey, concurrency: 1,
                                                    retry: RetryPolicy(maxAttempts: 3, baseDelay: 0.01, maxDelay: 0.05))
        var quiet = Logger(label: "test")
        quiet.logLevel = .critical
        let clock = TestClock()
        let store = try PortfolioDatabase(inMemoryWithClock: { clock.now })
        let engine = SyncEngine(store: store, client: DynadotClient(configuration: configuration, logger: quiet), logger: quiet)
        let result = try await body(engine, server, clock)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// The watchlist against the simulator through the real client (issue 18):
/// availability batched by tier, auctions and closeouts from their lists
/// (fetched again when stale), and news only for what changed.
@Suite struct WatchlistTests {
    @Test func refreshReportsNamesThatBecameAvailableOrEnteredAnAuctionOrCloseout() async throws {
        try await withWatchEngine(tier: .bulk) { engine, server, clock in
            // Names the registry's own rule leaves free, held as taken by the test.
            let free = (0..<40).map { "watch-engine-\($0).com" }.filter { name in
                server.state.read { account in if case .available = account.availability(of: name) { true } else { false } }
            }
            let (freed, auctioned, closed, idn) = (free[0], free[1], free[2], "bücher-watch.de")
            server.state.mutate { $0.takenNames.formUnion([freed, auctioned, closed]) }
            let added = try engine.watch(try SyncEngine.acquireNames([freed, auctioned, closed, idn]), note: "for the shop")
            #expect(added.contains(Punycode.asciiName(idn)), "IDNs are kept as punycode")
            // The first refresh records where each name stands: no news.
            let first = try await engine.refreshWatchlist(configuredTier: .bulk)
            #expect(first.count == 4)
            #expect(first.allSatisfy { $0.news.isEmpty && $0.checkedMs != nil && $0.note == "for the shop" })
            #expect(first.first { $0.name == freed }?.status == .taken)
            #expect(server.count("search") == 1, "a bulk account searches up to 100 names per call")
            #expect(server.count("get_open_auctions") == 1 && server.count("get_expired_closeout_domains") >= 1)
            // The registry frees one name, one enters an auction, one goes on closeout sale.
            server.state.mutate { account in
                _ = account.takenNames.remove(freed)
                if let i = account.auctions.firstIndex(where: { $0.outcome == nil }) { account.auctions[i].domain = auctioned }
                var sale = account.closeouts[0]
                sale.domain = closed
                account.closeouts.append(sale)
            }
            // Lists younger than 15 minutes are not fetched again: nothing new seen.
            let cached = try await engine.refreshWatchlist()
            #expect(server.count("get_open_auctions") == 1)
            #expect(cached.first { $0.name == freed }?.news == .available, "availability is always asked")
            #expect(cached.first { $0.name == auctioned }?.news == [])
            clock.advance(minutes: 16)
            let second = try await engine.refreshWatchlist()
            #expect(server.count("get_open_auctions") == 2, "stale lists are fetched again")
            #expect(second.first { $0.name == freed }?.news == [], "news is what changed since the refresh before")
            #expect(second.first { $0.name == auctioned }?.news == .auction)
            #expect(second.first { $0.name == auctioned }?.auctionID != nil)
            #expect(second.first { $0.name == closed }?.news == .closeout)
            #expect(try engine.store.watchNewsCount() == 2)
            #expect(try engine.store.watchlist(withNewsOnly: true).map(\.name) == [closed, auctioned].sorted())
        }
    }

    @Test func aRegularAccountSearchesOneNamePerCallAndRemovingTakesOnlyTheNamesGiven() async throws {
        try await withWatchEngine(tier: .regular) { engine, server, _ in
            try engine.watch(["one-watch.com", "two-watch.com", "three-watch.com"], note: nil)
            try await engine.refreshWatchlist()
            #expect(server.count("search") == 3)
            #expect(try engine.unwatch(["two-watch.com", "never-watched.com"]) == ["two-watch.com"])
            #expect(try engine.store.watchlist().map(\.name) == ["one-watch.com", "three-watch.com"])
            // A note with a control character is refused; the old note stays.
            #expect(throws: SyncError.self) { try engine.watch(["one-watch.com"], note: "bad\u{1b}[2J") }
            try engine.watch(["one-watch.com"], note: "keep")
            try engine.watch(["one-watch.com"], note: nil)
            #expect(try engine.store.watchlist().first?.note == "keep")
        }
    }
}
