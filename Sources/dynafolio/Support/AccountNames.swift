import DynadotAPI
import Foundation
import PortfolioApp
import Synchronization

/// Account names: how `--account` reaches the configuration, which names
/// are allowed (they name cache files), and where each account's cache is.
enum AccountNames {
    /// The account the single-account keys at the top of `config.toml` form.
    static let legacy = "default"
    /// Reserved: the TUI's All-accounts view (`:account all`).
    static let all = AllAccountsView.name

    private static let chosen = Mutex<String?>(nil)

    /// The name `--account NAME` gave (before any subcommand ran).
    static var commandLine: String? { chosen.withLock { $0 } }

    /// Takes the global `--account NAME` / `--account=NAME` out of the
    /// arguments (anywhere before a `--`), so every subcommand sees the
    /// same choice; a missing or bad name is a usage error.
    static func takeOption(from arguments: inout [String]) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--account" {
                guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else {
                    throw CLIFailure.usage("--account needs an account name, e.g. --account client-a (`dynafolio accounts` lists them)")
                }
                try remember(arguments[index + 1])
                arguments.removeSubrange(index...(index + 1))
                continue
            }
            if argument.hasPrefix("--account=") {
                try remember(String(argument.dropFirst("--account=".count)))
                arguments.remove(at: index)
                continue
            }
            index += 1
        }
    }

    private static func remember(_ name: String) throws {
        do { try check(name) } catch let error as ConfigurationError {
            throw CLIFailure.usage("--account: \(error.description)")
        }
        chosen.withLock { $0 = name }
    }

    /// Names are 1 to 32 lowercase letters, digits, `-` or `_`, starting
    /// with a letter or digit: they become file names.
    static func check(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        guard !name.isEmpty, name.count <= 32, allowed, name.first != "-", name.first != "_" else {
            throw ConfigurationError(description: "the account name '\(TerminalText.escaped(name))' must be 1 to 32 lowercase letters,"
                + " digits, - or _, starting with a letter or digit (e.g. client-a)")
        }
    }

    /// `$XDG_DATA_HOME/dynafolio/NAME.sqlite`; the account `default` keeps
    /// the single-account cache (`cache.sqlite`), so upgrading loses nothing.
    static func cachePath(account: String, dataHome: String) -> String {
        dataHome + "/dynafolio/" + (account == legacy ? "cache.sqlite" : account + ".sqlite")
    }
}
