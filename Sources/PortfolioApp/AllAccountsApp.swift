import Foundation
import PortfolioStore
import SyncEngine
import TerminalUI

/// How the app behaves in the All-accounts view (``AllAccountsView``):
/// the Domains, Expiries and Queue panes show every account; the others
/// show one account and say how to pick it.
extension PortfolioApp {
    /// Whether `pane` works over every account at once.
    static func showsAllAccounts(_ pane: any Pane) -> Bool {
        pane is DomainsPane || pane is ExpiriesPane || pane is QueuePane
    }

    /// True in the All-accounts view on a pane that shows one account.
    var showsOneAccountOnly: Bool {
        environment.allAccounts != nil && !Self.showsAllAccounts(pane)
    }

    /// Why `what` does nothing in the All-accounts view, and what to do.
    static func oneAccountOnly(_ what: String) -> String {
        "\(what) works on one account: pick it with @ or :account NAME (the All-accounts view has Domains, Expiries and Queue)"
    }

    /// What a one-account pane shows in the All-accounts view: which
    /// panes work here, and how to open the pane for one account.
    func renderOneAccountNotice(into screen: inout Screen, rect: Rect) {
        let names = environment.accounts?.names ?? []
        let keys = environment.actions
        let lines = [
            "The \(pane.title) pane shows one account at a time.",
            "",
            "To see it for one account, press \(keys.key(.switchAccount)) and pick the account,",
            "or type :account NAME (\(names.joined(separator: ", "))).",
            "",
            "The All-accounts view shows \(keys.pane(.showDomains, "Domains")), \(keys.pane(.showExpiries, "Expiries")) and \(keys.pane(.showQueue, "Queue"))"
                + " for every account at once.",
        ]
        var row = rect.row + 1
        for (index, line) in lines.enumerated() {
            for part in line.isEmpty ? [""] : DisplayWidth.wrap(line, to: max(10, rect.width - 2)) where row < rect.bottom {
                screen.put(part, at: Point(row: row, col: rect.col + 1), style: Style(.row, accent: index == 0 ? .header : nil),
                           maxWidth: rect.width - 2)
                row += 1
            }
        }
    }

    /// Copies the accounts' caches again when one changed. A bulk
    /// selection holds rows of the copy, which a new copy numbers anew: it
    /// is kept as names across the copy. True when it copied.
    func reloadAllAccounts(_ all: AllAccountsView) throws -> Bool {
        guard let generations = try all.changedGenerations() else { return false }
        let selected = try state.selection.names(in: environment.store)
        let last = try state.lastSelection.names(in: environment.store)
        try all.reload(generations: generations)
        state.selection = Selection(selected)
        state.lastSelection = Selection(last)
        return true
    }

    /// ``refreshAll()`` in the All-accounts view: the queue counts are every
    /// account's; the cache age is the oldest account's.
    func refreshAllAccounts(_ all: AllAccountsView) {
        do {
            _ = try reloadAllAccounts(all)
        } catch {
            state.message = StatusMessage(error: error)
        }
        let counts: [IntentState: Int]
        do {
            counts = try all.intentCounts()
        } catch {
            counts = [:]
            state.message = StatusMessage("cannot read the queue from the caches: \(error)", isError: true)
        }
        state.queueSize = (counts[.pending] ?? 0) + (counts[.inflight] ?? 0)
        state.failedCount = counts[.failed] ?? 0
        state.conflictCount = counts[.conflict] ?? 0
        state.accountName = "\(all.members.count) accounts"
        // Balances may be in different currencies: each account's shows in its own view.
        state.balanceCents = nil
        read {
            let synced = try all.members.map { try $0.engine.store.lastSyncRun(kind: "domains", outcome: .complete)?.endedMs }
            state.lastSyncMs = synced.contains(nil) ? nil : synced.compactMap { $0 }.min()
        }
        read { try home.refresh(environment, state: state) }
        if active != 0 { refreshActive() }
    }
}

extension BackgroundJob {
    /// `sync` in the All-accounts view: every account with a key pulls at
    /// once, each under its own client and tier; the message has one part
    /// per account (a failure names its account and leaves the others').
    static func syncAll(_ all: AllAccountsView) -> BackgroundJob {
        BackgroundJob(bar: (.sync, ProgressBar(done: 0, total: all.members.count, label: "sync all"))) { _, progress in
            let finished = Carried<Int>()
            let parts = await withTaskGroup(of: (Int, String, Bool).self) { group in
                for (index, member) in all.members.enumerated() {
                    group.addTask {
                        defer {
                            let done = finished.value.withLock { value -> Int in
                                value = (value ?? 0) + 1
                                return value ?? 0
                            }
                            progress(ProgressBar(done: done, total: all.members.count, label: "sync all"))
                        }
                        guard member.hasAccount else { return (index, "\(member.name): no API key, not synced", true) }
                        do {
                            let summary = try await member.engine.pull(PullOptions()) { _ in }
                            return (index, "\(member.name): synced \(NumberText.count(summary.domains, "domain"))", false)
                        } catch {
                            return (index, "\(member.name): sync failed, \(StatusMessage(error: error).text)", true)
                        }
                    }
                }
                var parts: [(Int, String, Bool)] = []
                for await part in group { parts.append(part) }
                return parts.sorted { $0.0 < $1.0 }
            }
            return StatusMessage(parts.map(\.1).joined(separator: "; "), isError: parts.contains { $0.2 })
        }
    }
}
