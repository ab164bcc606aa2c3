import ArgumentParser
import Foundation
import PortfolioApp
import SyncEngine

/// `dynafolio` with no subcommand: the TUI on the configured account.
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the terminal interface on the configured account (the default)."
    )

    @Option(help: "Theme name (default, light, high-contrast, mono) or path to a .toml file.") var theme: String?

    func run() async throws {
        let config: AppConfiguration
        do { config = try AppConfiguration.load() } catch let error as ConfigurationError {
            throw ValidationError(error.description)
        }
        // Without a key the cache is still worth opening (browse, queue
        // edits, as `ls` does offline); a missing or empty one is not.
        let noCache = { () -> ExitCode in
            FileHandle.standardError.write(Data("""
            dynafolio: no Dynadot API key is configured and the cache is empty.
              Set DYNADOT_API_KEY, or put api_key = "…" in \(config.configPath) (chmod 600).
              To look around first, run: dynafolio demo

            """.utf8))
            return ExitCode(1)
        }
        if !config.hasKeySource, !FileManager.default.fileExists(atPath: config.databasePath) { throw noCache() }
        do {
            let context = try AppContext.open()
            if !context.hasAccount, try context.store.count() == 0 { throw noCache() }
            let configPath = config.configPath
            let chosen = config.accountName
            // Another account opens on the first switch to it; the
            // environment's key and cache overrides stay with the chosen one.
            let openAccount: @Sendable (String) throws -> (engine: SyncEngine, hasAccount: Bool) = { name in
                let other = try AppContext.open(configuration: AppConfiguration.load(account: name, accountOverrides: name == chosen))
                return (other.engine, other.hasAccount)
            }
            try await TUIContext.run(engine: context.engine, hasAccount: context.hasAccount, keys: config.keys,
                                     themeFlag: theme, themeConfig: config.theme,
                                     columns: ColumnSettings(shown: config.columns) { try ColumnsConfig.save($0, to: configPath) },
                                     views: ViewSettings(views: config.views) { try SavedViews.save($0, $1, to: configPath) },
                                     accounts: config.accountNames.count > 1 ? AccountChoice(name: chosen, names: config.accountNames) : nil,
                                     openAccount: openAccount)
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("dynafolio: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
