import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import SyncEngine
import Testing
import TerminalUI
@testable import PortfolioApp

/// The Acquire pane's watchlist, auctions and closeouts views (issue 18):
/// goldens on the pinned fixture, the watchlist keys, and the money paths
/// against the simulator through the real client.
@Suite struct AcquireViewsTests {
    static let showAcquire = KeyEvent.char("9")

    /// Watched names as a refresh left them: one became available, one is
    /// in an auction, one unchecked, one IDN with a note.
    static func fillWatchlist(_ store: PortfolioDatabase) throws {
        let checked = AppFixture.nowMs - 3 * 60_000
        try store.watch(["dream-name.com", "auctioned-name.net", "xn--bcher-kva.de"], note: "for the shop")
        try store.watch(["later-name.io"], note: nil)
        try store.saveWatchRefresh([
            WatchRow(name: "dream-name.com", note: "for the shop", addedMs: 0, status: .available, priceCents: 1099, checkedMs: checked,
                     news: .available),
            WatchRow(name: "auctioned-name.net", note: "for the shop", addedMs: 0, status: .taken, auctionID: "1001", checkedMs: checked,
                     news: .auction),
            WatchRow(name: "xn--bcher-kva.de", note: "for the shop", addedMs: 0, status: .taken, checkedMs: checked),
        ])
    }

    static func fillMarket(_ store: PortfolioDatabase) throws {
        let fetched = AppFixture.nowMs - 2 * 60_000
        try store.replaceAuctions([
            AuctionRow(id: "1001", domain: "auctioned-name.net", type: "expired", currentCents: 4599, bids: 3,
                       endMs: AppFixture.nowMs + 3 * 3_600_000 + 5 * 60_000, syncedAtMs: fetched),
            AuctionRow(id: "1002", domain: "xn--mnchen-3ya.de", type: "user", currentCents: 12_000, bids: 1,
                       endMs: AppFixture.nowMs + 26 * 3_600_000, yourProxyCents: 15_000, highBidder: true, syncedAtMs: fetched),
            AuctionRow(id: "1003", domain: "old-ended.com", type: "expired", currentCents: 900, bids: 0,
                       endMs: AppFixture.nowMs - 60_000, syncedAtMs: fetched),
        ], types: SyncEngine.auctionTypes)
        try store.saveCloseouts([
            CloseoutRow(domain: "cheap-find.com", priceCents: 499, renewalCents: 1099, endMs: AppFixture.nowMs + 5 * AppFixture.day,
                        syncedAtMs: fetched),
            CloseoutRow(domain: "another-find.net", priceCents: 1299, renewalCents: 1299, endMs: AppFixture.nowMs + 9 * AppFixture.day,
                        syncedAtMs: fetched),
        ], complete: true)
    }

    @Test func theWatchlistShowsNewsNotesAndIDNsAndTheStatusBarCountsTheNews() throws {
        let fixture = try AppFixture()
        try Self.fillWatchlist(fixture.store)
        let text = screenText(fixture.drive([Self.showAcquire, .char("w")]))
        #expect(recordIfDifferent("acquire-watch-80", text, AcquireViewGoldens.acquireWatch80))
        #expect(text.contains("watch: 2 new"), "\(text)")
        #expect(text.contains("bücher.de"), "\(text)")
        let wide = screenText(fixture.drive([], size: Size(rows: 48, cols: 160)))
        #expect(recordIfDifferent("acquire-watch-160", wide, AcquireViewGoldens.acquireWatch160))
        // The live filter narrows as you type; Esc clears it.
        let filtered = screenText(fixture.drive([.char("/")] + AppFixture.typed("dream")))
        #expect(filtered.contains("dream-name.com") && !filtered.contains("later-name.io"), "\(filtered)")
        let cleared = screenText(fixture.drive([.escape]))
        #expect(cleared.contains("later-name.io"), "\(cleared)")
    }

    @Test func watchlistKeysAddNoteAndRemoveAfterAskingAndMoneyKeysSayWhereTheyWork() throws {
        let fixture = try AppFixture(hasAccount: true)
        fixture.drive([Self.showAcquire, .char("w"), .char("a")] + AppFixture.typed("münchen-watch.de") + [.enter]
                      + AppFixture.typed("not a name") + [.enter, .escape])
        #expect(try fixture.store.watchlist().map(\.name) == [Punycode.asciiName("münchen-watch.de")])
        let pane = try #require(fixture.app.pane(AcquirePane.self))
        #expect(pane.refused == ["not a name"])
        fixture.drive([.char("n")] + AppFixture.typed("buy at auction") + [.enter])
        #expect(try fixture.store.watchlist().first?.note == "buy at auction")
        // x asks first; No keeps the name.
        let dialog = screenText(fixture.drive([.char("x")]))
        #expect(dialog.contains("Stop watching 1 name?"), "\(dialog)")
        fixture.drive([.char("n")])
        #expect(try fixture.store.watchlist().count == 1)
        fixture.drive([.char("x"), .char("y")])
        #expect(try fixture.store.watchlist().isEmpty)
        // Bid and buy say which view they work on; nothing is asked or queued.
        fixture.drive([.char("b")])
        #expect(fixture.app.state.message?.text.contains("show the open auctions") == true, "\(fixture.app.state.message?.text ?? "")")
        fixture.drive([.char("P")])
        #expect(fixture.app.state.message?.text.contains("show them") == true, "\(fixture.app.state.message?.text ?? "")")
        #expect(try fixture.store.pendingIntents().isEmpty)
    }

    @Test func auctionsAndCloseoutsShowTheCachedListsWithTheirAge() throws {
        let fixture = try AppFixture()
        try Self.fillMarket(fixture.store)
        let auctions = screenText(fixture.drive([Self.showAcquire, .char("A")]))
        #expect(recordIfDifferent("acquire-auctions-80", auctions, AcquireViewGoldens.acquireAuctions80))
        #expect(!auctions.contains("old-ended.com"), "an ended auction is not open")
        let filtered = screenText(fixture.drive([.char("/")] + AppFixture.typed("münchen") + [.enter]))
        #expect(filtered.contains("münchen.de") && !filtered.contains("auctioned-name.net"), "\(filtered)")
        let closeouts = screenText(fixture.drive([.char("C")]))
        #expect(recordIfDifferent("acquire-closeouts-80", closeouts, AcquireViewGoldens.acquireCloseouts80))
        // Without a key, buying says what is missing.
        fixture.drive([.char("P")])
        #expect(fixture.app.state.message?.text.contains("API key") == true)
    }

    /// A simulator with its own cache and an app wired to it through the
    /// real client; the simulator is stopped even when `body` throws.
    func withSimApp(_ body: (PortfolioApp, PortfolioDatabase, SimServer) async throws -> Void) async throws {
        try await AppFixture.withSimApp(SimConfiguration(domainCount: 10, seed: 7, tier: .bulk, apiKey: "FAKE-TUI-ACQUIRE-KEY-18"), body)
    }

    /// How many `command` requests the simulator answered.
    func sent(_ server: SimServer, _ command: String) -> Int { server.recentRequests.filter { $0.command == command }.count }

    func drive(_ app: PortfolioApp, _ keys: [KeyEvent]) async -> String {
        let terminal = HeadlessTerminal(size: Size(rows: 24, cols: 80), keys: keys)
        await app.runUntilIdle(terminal: terminal)
        return screenText(terminal)
    }

    @Test func aBidIsPlacedOnlyAfterTheConfirmationAndExactlyOnce() async throws {
        try await withSimApp { app, store, server in
            _ = await drive(app, [Self.showAcquire, .char("A")])
            let pane = try #require(app.pane(AcquirePane.self))
            let auction = try #require(pane.auctions.cursorRow)
            let minimum = try #require(server.state.read { $0.auctions.first { $0.id == Int(auction.id) }?.minimumBidCents })
            // b reads the auction fresh and opens the form with its minimum.
            let form = await drive(app, [.char("b")])
            #expect(form.contains("minimum $"), "\(form)")
            // Below the minimum: the form says so and stays open.
            let low = await drive(app, AppFixture.typed(String(format: "%d.%02d", (minimum - 100) / 100, (minimum - 100) % 100)) + [.enter])
            #expect(low.contains("below the minimum bid"), "\(low)")
            // The amount, then No: nothing is queued or sent.
            let amount = String(format: "%d.%02d", (minimum + 500) / 100, (minimum + 500) % 100)
            let confirm = await drive(app, Array(repeating: KeyEvent.backspace, count: 12) + AppFixture.typed(amount) + [.enter])
            #expect(confirm.contains("Bid $\(amount)"), "\(confirm)")
            #expect(confirm.contains("balance"), "\(confirm)")
            _ = await drive(app, [.char("n")])
            #expect(try store.pendingIntents().isEmpty)
            #expect(sent(server, "place_auction_bid") == 0 && sent(server, "place_backorder_auction_bid") == 0)
            // Yes: exactly that bid goes out once, and the list shows it.
            _ = await drive(app, [.char("b")])
            _ = await drive(app, AppFixture.typed(amount) + [.enter, .char("y")])
            #expect(sent(server, "place_auction_bid") + sent(server, "place_backorder_auction_bid") == 1)
            #expect(try store.pendingIntents().isEmpty)
            #expect(server.state.read { $0.auctions.first { $0.id == Int(auction.id) }?.yourMaxCents } == Int(minimum + 500))
            #expect(app.state.message?.text.contains("bid placed on 1 domain") == true, "\(app.state.message?.text ?? "")")
        }
    }

    @Test func aCloseoutIsBoughtOnlyAfterTheConfirmationWithItsPrice() async throws {
        try await withSimApp { app, store, server in
            _ = await drive(app, [Self.showAcquire, .char("C")])
            let pane = try #require(app.pane(AcquirePane.self))
            let row = try #require(pane.closeouts.cursorRow)
            let dialog = await drive(app, [.char("P")])
            #expect(dialog.contains("Buy closeout"), "\(dialog)")
            #expect(dialog.contains(Cents.dollars(try #require(row.priceCents))), "\(dialog)")
            _ = await drive(app, [.char("n")])
            #expect(try store.pendingIntents().isEmpty)
            #expect(sent(server, "buy_expired_closeout_domain") == 0)
            _ = await drive(app, [.char("P"), .char("y")])
            #expect(sent(server, "buy_expired_closeout_domain") == 1)
            #expect(server.state.read { $0.domainIndex[row.domain] } != nil, "the name is in the account")
            #expect(app.state.message?.text.contains("bought 1 domain") == true, "\(app.state.message?.text ?? "")")
        }
    }

    @Test func rRefreshesTheWatchlistInTheBackgroundAndTheStatusBarShowsTheNews() async throws {
        try await withSimApp { app, store, server in
            let name = "tui-watch-free-name.com"
            server.state.mutate { _ = $0.takenNames.insert(name) }
            _ = await drive(app, [Self.showAcquire, .char("w"), .char("a")] + AppFixture.typed(name) + [.enter, .escape, .char("r")])
            let before = try store.watchlist().first
            #expect(before?.status == AvailabilityStatus.taken)
            server.state.mutate { _ = $0.takenNames.remove(name) }
            let screen = await drive(app, [.char("r")])
            let after = try store.watchlist().first
            #expect(after?.news == WatchNews.available)
            #expect(screen.contains("watch: 1 new"), "\(screen)")
            #expect(sent(server, "search") >= 2)
        }
    }
}
