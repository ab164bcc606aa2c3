import ArgumentParser
import Foundation
import PortfolioApp

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
        guard config.hasKeySource else {
            FileHandle.standardError.write(Data("""
            dynafolio: no Dynadot API key is configured.
              Set DYNADOT_API_KEY, or put api_key = "…" in \(config.configPath) (chmod 600).
              To look around first, run: dynafolio demo

            """.utf8))
            throw ExitCode(1)
        }
        do {
            let context = try AppContext.open()
            let configPath = config.configPath
            try await TUIContext.run(engine: context.engine, hasAccount: context.hasAccount, keys: config.keys,
                                     themeFlag: theme, themeConfig: config.theme,
                                     columns: ColumnSettings(shown: config.columns) { try ColumnsConfig.save($0, to: configPath) })
        } catch let error as ExitCode {
            throw error
        } catch {
            FileHandle.standardError.write(Data("dynafolio: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
