import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio queue drop|retry|resolve|undo`: manage queued edits offline.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Manage queued changes.",
        subcommands: [QueueDrop.self, QueueRetry.self, QueueResolve.self, QueueUndo.self]
    )
}

/// `dynafolio queue retry`: put failed changes back in the queue.
struct QueueRetry: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry",
        abstract: "Put every failed change back in the queue for the next push.",
        discussion: "Works offline."
    )

    func run() async throws {
        let context = try AppContext.open()
        let count = try context.engine.retryFailed()
        print("requeued \(count) failed change\(count == 1 ? "" : "s")")
    }
}

/// `dynafolio queue resolve (--keep-remote | --mine) [--domains …]`: settle
/// conflicts found when verifying an interrupted push.
struct QueueResolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Settle conflicts: keep the value now at Dynadot, or queue yours again over it.",
        discussion: "A conflict means the domain changed elsewhere while your change was in flight. Works offline."
    )

    @Flag(help: "Keep Dynadot's current value and drop your change.") var keepRemote = false
    @Flag(help: "Queue your change again, knowingly overwriting Dynadot's value at the next push.") var mine = false
    @Option(help: "Comma-separated domain names (default: every conflict).") var domains: String?

    func validate() throws {
        guard keepRemote != mine else { throw ValidationError("give exactly one of --keep-remote or --mine") }
    }

    func run() async throws {
        let context = try AppContext.open()
        let count = try context.engine.resolveConflicts(domains: domains.map(DomainSelection.split), keepRemote: keepRemote)
        guard count > 0 else {
            print("no conflicts to resolve")
            return
        }
        print("\(keepRemote ? "kept Dynadot's value for" : "requeued your change for") \(count) conflict\(count == 1 ? "" : "s")")
    }
}

struct QueueDrop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drop",
        abstract: "Cancel queued (pending, failed or conflicting) changes; in-flight ones stay for verification.",
        discussion: "Works offline."
    )

    @Flag(help: "Drop every queued change.") var all = false
    @Option(help: "Comma-separated domain names whose changes to drop.") var domains: String?

    func validate() throws {
        guard all != (domains != nil) else { throw ValidationError("give exactly one of --all or --domains a,b,c") }
    }

    func run() async throws {
        let context = try AppContext.open()
        let result: DropResult
        if all {
            result = try context.engine.dropAll()
        } else {
            let names = DomainSelection.split(domains ?? "")
            guard !names.isEmpty else { throw CLIFailure.usage("--domains is empty; give names like a.com,b.net") }
            let found = Set(try context.store.domains(named: names).map(\.name))
            let missing = names.filter { !found.contains($0) }
            guard missing.isEmpty else {
                let list = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
                throw CLIFailure.usage("not in the cache: \(list) — nothing was dropped; check the spelling (`dynafolio plan` lists what is queued)")
            }
            result = try context.engine.drop(domains: names)
        }
        print("dropped \(result.dropped) queued change\(result.dropped == 1 ? "" : "s")")
        if result.inflightKept > 0 {
            printError("\(result.inflightKept) change\(result.inflightKept == 1 ? " is" : "s are") in flight (sent by a push that has not finished or was interrupted) and cannot be dropped: the next push verifies \(result.inflightKept == 1 ? "it" : "them") against Dynadot")
        }
    }
}

/// `dynafolio queue undo`: take back the last queued operation.
struct QueueUndo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take back the last queued operation: its queued changes are dropped and the ones it replaced come back.",
        discussion: "Works offline. Changes already sent are undone with `dynafolio undo ID`."
    )

    func run() async throws {
        let context = try AppContext.open()
        guard let result = try context.engine.undoLastQueued() else {
            print("nothing is queued")
            return
        }
        print("took back #\(result.operation.id) \(TerminalText.escaped(result.operation.label)): dropped \(result.dropped) queued change\(result.dropped == 1 ? "" : "s"), restored \(result.restored) it had replaced")
    }
}
