import DynadotAPI
import Foundation
import PortfolioStore

/// The watchlist: names the user cares about, with a note. A refresh reads
/// each name's availability (`search`, batched by tier like `search`) and
/// whether it is in an open auction or on closeout sale (the cached lists,
/// fetched again when stale); what changed since the refresh before is the
/// watchlist's news (`expiring --watch`, the TUI's status bar).
extension SyncEngine {
    /// How old the cached auction and closeout lists may be before a
    /// watchlist refresh fetches them again (15 minutes).
    public static let watchListsMaxAgeMs: Int64 = 15 * 60_000

    /// Adds `names` (ASCII, as ``acquireNames(_:)`` gives them) to the
    /// watchlist; `note` replaces the note of names already watched, nil
    /// keeps it. Returns the names that were not watched before.
    @discardableResult
    public func watch(_ names: [String], note: String?) throws -> [String] {
        if let note, let control = TerminalText.firstControl(in: note) {
            throw SyncError.invalidEdit("the note contains the control character \(control); give plain text on one line")
        }
        return try store.watch(names, note: note?.trimmingCharacters(in: .whitespaces))
    }

    /// Takes `names` (ASCII) off the watchlist. Returns those that were on it.
    @discardableResult
    public func unwatch(_ names: [String]) throws -> [String] {
        try store.unwatch(names)
    }

    /// Refreshes every watched name: availability through
    /// ``searchAvailability(_:configuredTier:progress:)``, then the open
    /// auctions and the closeouts from the cache, fetched first when older
    /// than ``watchListsMaxAgeMs`` (or never fetched). A name's news is what
    /// this refresh found that the one before did not: it became available
    /// (it was taken), entered an auction or went on closeout sale. A
    /// name's first refresh only records where it stands. `progress` hears
    /// (step, done, total); returns the refreshed rows.
    @discardableResult
    public func refreshWatchlist(configuredTier: AccountTier? = nil,
                                 progress: @escaping @Sendable (_ step: String, _ done: Int, _ total: Int) -> Void = { _, _, _ in })
        async throws -> [WatchRow] {
        let watched = try store.watchlist()
        guard !watched.isEmpty else { return [] }
        let answers = try await searchAvailability(watched.map(\.name), configuredTier: configuredTier) { done, total in
            progress("search", done, total)
        }
        if let fetched = try store.auctions().syncedAtMs, store.nowMs - fetched <= Self.watchListsMaxAgeMs {} else {
            progress("auctions", 0, 0)
            try await pullAuctions(types: Self.auctionTypes)
        }
        if let fetched = try store.closeouts().syncedAtMs, store.nowMs - fetched <= Self.watchListsMaxAgeMs {} else {
            try await pullCloseouts { read in progress("closeouts", read, 0) }
        }
        let now = store.nowMs
        let names = Set(watched.map(\.name))
        var auctions: [String: String] = [:]
        for auction in try store.auctions().rows where names.contains(auction.domain) && !auction.ended && (auction.endMs ?? .max) > now {
            auctions[auction.domain] = auctions[auction.domain] ?? auction.id
        }
        let closeouts = Set(try store.closeouts(named: Array(names)).rows.map(\.domain))
        let found = Dictionary(answers.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = watched.map { before in
            Self.refreshed(before, answer: found[before.name], auctionID: auctions[before.name],
                           inCloseout: closeouts.contains(before.name), nowMs: now)
        }
        try store.saveWatchRefresh(rows)
        return rows
    }

    /// `before` as this refresh found it, with its news.
    static func refreshed(_ before: WatchRow, answer: AvailabilityRow?, auctionID: String?, inCloseout: Bool, nowMs: Int64) -> WatchRow {
        var row = before
        row.status = answer?.status ?? before.status
        row.priceCents = answer.map(\.priceCents) ?? before.priceCents
        row.auctionID = auctionID
        row.inCloseout = inCloseout
        row.checkedMs = nowMs
        row.news = []
        guard before.checkedMs != nil else { return row }
        if row.status?.registrable == true, before.status?.registrable != true { row.news.insert(.available) }
        if let auctionID, auctionID != before.auctionID { row.news.insert(.auction) }
        if inCloseout, !before.inCloseout { row.news.insert(.closeout) }
        return row
    }
}
