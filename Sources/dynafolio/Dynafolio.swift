import ArgumentParser
import Foundation

/// The `dynafolio` command: the TUI by default, plus scriptable subcommands.
@main
struct Dynafolio: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dynafolio",
        abstract: "A terminal portfolio manager for Dynadot domains.",
        discussion: """
        Browse your whole portfolio from a local cache, queue bulk edits, review \
        the plan and push it as the fewest possible Dynadot API3 calls. \
        Exit codes: 0 ok, 1 failure, 2 usage or validation error, \
        3 push ended with failed or conflicting intents, 4 push ended with money \
        intents held (over their approval or the balance, or not confirmed), \
        10 `expiring` found some.
        """,
        version: version,
        subcommands: [
            TUICommand.self, DemoCommand.self,
            SyncCommand.self, LsCommand.self, ShowCommand.self, SetCommand.self, RenewCommand.self,
            DnsCommand.self, PlanCommand.self, PushCommand.self, QueueCommand.self, ExpiringCommand.self,
            SimCommand.self, HistoryCommand.self, UndoCommand.self, ImportCommand.self, ViewsCommand.self,
            SearchCommand.self, RegisterCommand.self, BackorderCommand.self,
            FolderCommand.self, DefaultsCommand.self,
            TransferCommand.self,
            AuctionCommand.self, CloseoutCommand.self,
            AccountsCommand.self,
            WatchCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Runs the chosen command and maps every error to one message on
    /// standard error and the documented exit code (usage errors exit 2,
    /// not argument-parser's 64).
    static func main() async {
        do {
            var arguments = Array(CommandLine.arguments.dropFirst())
            try AccountNames.takeOption(from: &arguments)
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            OpenCaches.closeAll()
        } catch {
            OpenCaches.closeAll()
            if let (message, code) = ErrorReport.classify(error) {
                printError("dynafolio: \(message)")
                Foundation.exit(code)
            }
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { printError(message) }
            Foundation.exit(code == .validationFailure ? Exit.usage : code.rawValue)
        }
    }
}
