import ArgumentParser
import Foundation

/// `dynafolio queue drop (--all | --domains …)`: cancel queued edits.
struct QueueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Manage queued changes.",
        subcommands: [QueueDrop.self]
    )
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
        let dropped: Int
        if all {
            dropped = try context.store.drop(all: true)
        } else {
            let names = DomainSelection.split(domains ?? "")
            guard !names.isEmpty else { throw CLIFailure.usage("--domains is empty; give names like a.com,b.net") }
            dropped = try context.store.drop(domains: names)
        }
        print("dropped \(dropped) queued change\(dropped == 1 ? "" : "s")")
    }
}
