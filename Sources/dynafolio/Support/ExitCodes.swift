import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// The exit codes scripts can rely on.
enum Exit {
    static let ok: Int32 = 0
    /// Something failed (offline, no key, push lock held, a store error).
    static let failure: Int32 = 1
    /// Bad usage or a value that failed validation; nothing was changed.
    static let usage: Int32 = 2
    /// A push ended with failed or conflicting intents.
    static let pushProblems: Int32 = 3
    /// A push ended with money intents held: over their approval, over the
    /// balance, or awaiting confirmation.
    static let moneyHeld: Int32 = 4
    /// `expiring` found domains expiring in the window.
    static let expiringSome: Int32 = 10
}

/// A failure the CLI reports itself: one message that says what to do, and
/// the exit code.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    let code: Int32

    init(_ message: String, code: Int32 = Exit.failure) {
        self.message = message
        self.code = code
    }

    static func usage(_ message: String) -> CLIFailure { CLIFailure(message, code: Exit.usage) }

    var description: String { message }
}

/// Turns any error a command meets into its message and exit code.
enum ErrorReport {
    /// The message and code for errors dynafolio raises itself; nil for
    /// argument-parser errors (help, usage), which it reports its own way.
    static func classify(_ error: Error) -> (message: String, code: Int32)? {
        switch error {
        case let failure as CLIFailure:
            return (failure.message, failure.code)
        case let query as QueryError:
            return ("bad query: \(query.description)", Exit.usage)
        case let sync as SyncError:
            if case .invalidEdit = sync { return (sync.description, Exit.usage) }
            return (sync.description, Exit.failure)
        case let config as ConfigurationError:
            return (config.description, Exit.failure)
        case let lock as PushLockError:
            return (lock.description, Exit.failure)
        case let api as DynadotError:
            return (api.message, Exit.failure)
        case let store as PortfolioStoreError:
            return (store.description, Exit.failure)
        case let money as MoneyInputError:
            return (money.description, Exit.usage)
        default:
            // SQLite's failures, in plain words: never the SQL statement.
            if let message = PortfolioStoreError.userMessage(for: error) { return (message, Exit.failure) }
            return nil
        }
    }
}

/// Writes one line to standard error. Messages may quote account data or
/// provider text: control characters are spelled visibly (newline and tab
/// stay, as layout), so no message can drive the terminal.
func printError(_ text: String) {
    let safe = TerminalText.escaped(text, keepingLayout: true)
    FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
}

/// Whether both standard input and output are a terminal (so asking is possible).
var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

/// Asks `question` on a terminal; true only for y / yes. Off a terminal
/// nothing is asked and the answer is no.
func askYes(_ question: String) -> Bool {
    guard isInteractive else { return false }
    Swift.print("\(question) [y/N] ", terminator: "")
    fflush(nil)
    guard let answer = readLine()?.lowercased() else { return false }
    return answer == "y" || answer == "yes"
}
