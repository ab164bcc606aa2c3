import ArgumentParser
import Foundation
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

    func run() async throws {
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
