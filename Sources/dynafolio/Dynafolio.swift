import ArgumentParser

/// The `dynafolio` command: the TUI by default, plus scriptable subcommands.
@main
struct Dynafolio: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "dynafolio",
        abstract: "A terminal portfolio manager for Dynadot domains.",
        discussion: """
        Browse your whole portfolio from a local cache, queue bulk edits, review \
        the plan and push it as the fewest possible Dynadot API3 calls.
        """,
        version: version,
        subcommands: [TUICommand.self, DemoCommand.self, SimCommand.self],
        defaultSubcommand: TUICommand.self
    )
}
