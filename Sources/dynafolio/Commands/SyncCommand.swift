import ArgumentParser
import DynadotAPI
import Foundation
import Synchronization
import SyncEngine

/// `dynafolio sync [--dns] [--quiet]`: refresh the cache from the account.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Refresh the local cache from your Dynadot account.",
        discussion: "Needs the network and an API key. Progress goes to standard error: a bar on a terminal, plain lines otherwise."
    )

    @Flag(help: "Also fetch the DNS record set of every domain on Dynadot DNS.") var dns = false
    @Flag(help: "Print nothing but errors.") var quiet = false
    @Flag(name: .customLong("all-accounts"), help: "Sync every configured account at once, each within its own tier; one progress line per account.")
    var allAccounts = false

    func run() async throws {
        if allAccounts { return try await syncAll() }
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        try context.requireAccount()
        let printer = ProgressPrinter(quiet: quiet)
        let summary: PullSummary
        do {
            summary = try await context.engine.pull(PullOptions(includeDNS: dns)) { event in
                printer.update(step: event.step, done: event.done, total: event.total)
            }
        } catch {
            printer.finish()
            throw error
        }
        printer.finish()
        if !quiet {
            var line = "synced \(summary.domains) domains (\(summary.changed) changed, \(summary.gone) gone) in \(summary.calls) calls"
            if dns { line += "; \(summary.dnsFetched) DNS record sets" }
            print(line)
        }
    }
}

extension SyncCommand {
    /// Every account concurrently, each with its own client (its tier's
    /// concurrency and rate) and cache; one failing leaves the others'
    /// syncs and caches alone. Exits 1 when any failed, naming each.
    private func syncAll() async throws {
        let configurations = try AppConfiguration.loadAll()
        let board = AccountProgressBoard(accounts: configurations.map(\.accountName), quiet: quiet)
        var failures: [String] = []
        var prepared: [(name: String, context: AppContext)] = []
        for configuration in configurations {
            do {
                let context = try AppContext.open(configuration: configuration)
                if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
                try context.requireAccount()
                prepared.append((configuration.accountName, context))
            } catch {
                let message = ErrorReport.classify(error)?.message ?? "\(error)"
                board.update(configuration.accountName, "failed: \(message)")
                failures.append("\(configuration.accountName): \(message)")
            }
        }
        let options = PullOptions(includeDNS: dns)
        let outcomes = await withTaskGroup(of: (String, Result<PullSummary, Error>).self) { group in
            for (name, context) in prepared {
                let engine = context.engine
                group.addTask {
                    do {
                        let summary = try await engine.pull(options) { event in
                            board.update(name, "\(event.step) \(event.done)\(event.total.map { "/\($0)" } ?? "")")
                        }
                        return (name, .success(summary))
                    } catch {
                        return (name, .failure(error))
                    }
                }
            }
            var outcomes: [String: Result<PullSummary, Error>] = [:]
            for await (name, outcome) in group {
                switch outcome {
                case .success(let summary):
                    board.update(name, "synced \(summary.domains) domains (\(summary.changed) changed, \(summary.gone) gone)"
                                 + " in \(summary.calls) calls" + (dns ? "; \(summary.dnsFetched) DNS record sets" : ""))
                case .failure(let error):
                    board.update(name, "failed: \(ErrorReport.classify(error)?.message ?? "\(error)")")
                }
                outcomes[name] = outcome
            }
            return outcomes
        }
        board.finish()
        for (name, _) in prepared {
            switch outcomes[name] {
            case .success(let summary)?:
                if !quiet {
                    print("\(name): synced \(summary.domains) domains (\(summary.changed) changed, \(summary.gone) gone) in \(summary.calls) calls"
                          + (dns ? "; \(summary.dnsFetched) DNS record sets" : ""))
                }
            case .failure(let error)?:
                failures.append("\(name): \(ErrorReport.classify(error)?.message ?? "\(error)")")
            case nil:
                break
            }
        }
        if !failures.isEmpty {
            throw CLIFailure("sync failed for \(failures.count) of \(configurations.count) accounts (the others are synced):\n  "
                             + failures.joined(separator: "\n  "))
        }
    }
}

/// One progress line per account on standard error: redrawn in place on
/// a terminal, plain `NAME: step done/total` lines otherwise (on a change
/// of step, or the final line). Nothing with `--quiet`.
final class AccountProgressBoard: Sendable {
    private let accounts: [String]
    private let quiet: Bool
    private let onTerminal: Bool
    private let state: Mutex<(lines: [String: String], steps: [String: String], drawn: Bool)>

    init(accounts: [String], quiet: Bool) {
        self.accounts = accounts
        self.quiet = quiet
        self.onTerminal = isatty(STDERR_FILENO) == 1
        state = Mutex(([:], [:], false))
    }

    func update(_ account: String, _ text: String) {
        guard !quiet else { return }
        let width = accounts.map(\.count).max() ?? 0
        let line = account.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + TerminalText.escaped(text)
        state.withLock { state in
            if onTerminal {
                state.lines[account] = line
                var out = state.drawn ? "\u{1B}[\(accounts.count)A" : ""
                for name in accounts { out += "\r\u{1B}[K" + (state.lines[name] ?? name) + "\n" }
                state.drawn = true
                FileHandle.standardError.write(Data(out.utf8))
            } else {
                // Plain output: a line when the step changes, not per page.
                let step = String(text.prefix { $0 != " " })
                guard state.steps[account] != step else { return }
                state.steps[account] = step
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
    }

    func finish() {}
}
