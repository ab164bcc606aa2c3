import Foundation
import PortfolioStore
import Synchronization
import SyncEngine

/// The "All accounts" view: the Domains and Expiries panes over every
/// configured account's cache at once, each row naming its account.
///
/// The rows come from a private in-memory store filled by attaching each
/// account's cache read-only (``PortfolioDatabase/copyAccounts(_:)``), with
/// each domain's outbox markers from its own account: the panes filter
/// (through the same in-memory filter index), sort and select over it as
/// over one account, and it is read again whenever one of the caches
/// changes. Nothing is written through it: an edit is queued into each
/// domain's own account through that account's engine (its own store and
/// outbox), and each account pushes under its own client and limits.
public final class AllAccountsView: Sendable {
    /// The name `:account` and the status bar use for this view.
    public static let name = "all"
    /// How the picker lists it.
    public static let title = "All accounts"

    /// One account of the view: its name and the engine that owns its
    /// cache, outbox and client.
    public struct Member: Sendable {
        public let name: String
        public let engine: SyncEngine
        public let hasAccount: Bool

        public init(name: String, engine: SyncEngine, hasAccount: Bool) {
            self.name = name
            self.engine = engine
            self.hasAccount = hasAccount
        }
    }

    /// The accounts, in configuration order.
    public let members: [Member]
    /// The merged copy the panes read.
    public let store: PortfolioDatabase

    private struct Copy {
        var accountOf: [String: String] = [:]
        /// Each member's change generation when it was last copied.
        var generations: [Int64] = []
    }
    private let copy = Mutex(Copy())

    /// Opens the view over `members` (each must be a cache on disk),
    /// copies their rows and starts the copy's filter index, as the TUI
    /// does for one account: built in the background (SQL answers until it
    /// is ready), and again whenever the copy is read again.
    public init(members: [Member]) throws {
        self.members = members
        let clock = members.first?.engine.store.clock ?? PortfolioDatabase.systemClock
        store = try PortfolioDatabase(inMemoryWithClock: clock)
        try reload()
        store.startFilterIndex()
    }

    /// The account `domain` belongs to (nil when no cache holds it).
    public func account(of domain: String) -> String? {
        copy.withLock { $0.accountOf[domain] }
    }

    /// The member `domain` belongs to.
    func member(of domain: String) -> Member? {
        account(of: domain).flatMap { name in members.first { $0.name == name } }
    }

    /// `names` by account, in configuration order (empty groups left out).
    func split(_ names: [String]) -> [(member: Member, names: [String])] {
        let accountOf = copy.withLock { $0.accountOf }
        var groups: [String: [String]] = [:]
        for name in names { if let account = accountOf[name] { groups[account, default: []].append(name) } }
        return members.compactMap { member in groups[member.name].map { (member, $0) } }
    }

    /// The open intents of `names`, each read from its own account's outbox.
    func pendingFields(for names: [String]) throws -> [String: [PendingField]] {
        var result: [String: [PendingField]] = [:]
        for (member, subset) in split(names) {
            result.merge(try member.engine.store.pendingFields(for: subset)) { a, _ in a }
        }
        return result
    }

    /// The caches' change generations when any of them changed since the
    /// last copy (a queued edit, a push, a sync, here or in another
    /// process); nil when none did.
    func changedGenerations() throws -> [Int64]? {
        let now = try members.map { try $0.engine.store.changeGeneration() }
        return copy.withLock({ $0.generations }) == now ? nil : now
    }

    /// Copies every account's rows again (`generations`: as read by
    /// ``changedGenerations()``).
    func reload(generations: [Int64]? = nil) throws {
        // Read before copying: a change made meanwhile moves it again.
        let seen = try generations ?? members.map { try $0.engine.store.changeGeneration() }
        var sources: [AccountCacheSource] = []
        for member in members {
            guard let path = member.engine.store.path else { continue }
            sources.append(AccountCacheSource(account: member.name, path: path))
        }
        let accountOf = try store.copyAccounts(sources)
        copy.withLock { $0 = Copy(accountOf: accountOf, generations: seen) }
    }

    /// Every account's open, failed and conflicting intents, summed.
    func intentCounts() throws -> [IntentState: Int] {
        var total: [IntentState: Int] = [:]
        for member in members { total.merge(try member.engine.store.intentCounts(), uniquingKeysWith: +) }
        return total
    }
}
