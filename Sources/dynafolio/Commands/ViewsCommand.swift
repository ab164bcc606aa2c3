import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioApp

/// `dynafolio views [--json]`: the saved views of config.toml `[views]`.
struct ViewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "views",
        abstract: "List the saved views (config.toml [views]); `dynafolio ls --view NAME` lists a view's domains.",
        discussion: "Views are saved with :save-view NAME in the TUI, or by hand: expiring-com = \"tld:com exp:<60d\"."
    )

    @Flag(help: "Print a JSON array of {name, query, sort}.") var json = false

    struct ViewJSON: Encodable {
        let name: String
        let query: String
        let sort: String?

        private enum Key: String, CodingKey { case name, query, sort }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(name, forKey: .name)
            try out.encode(query, forKey: .query)
            try out.encode(sort, forKey: .sort)
        }
    }

    func run() async throws {
        let config = try AppConfiguration.load(requireChoice: false)
        let views = config.views.sorted { $0.key < $1.key }
        if json {
            try JSONOutput.emit(views.map { ViewJSON(name: $0.key, query: $0.value.query, sort: $0.value.sort) })
            return
        }
        if views.isEmpty {
            print("no saved views; add one to [views] in \(config.configPath) (expiring-com = \"tld:com exp:<60d\") or run :save-view NAME in the TUI")
            return
        }
        let width = views.map(\.key.count).max() ?? 0
        for (name, view) in views {
            let query = view.query.isEmpty ? "(every domain)" : view.query
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + TerminalText.escaped(query)
                + (view.sort.map { "  sort \(TerminalText.escaped($0))" } ?? ""))
        }
    }

    /// The view `name` of the configuration; an unknown one is a usage
    /// error (exit 2) that lists the saved views.
    static func view(named name: String, in config: AppConfiguration) throws -> SavedView {
        guard let view = config.views[name] else {
            throw CLIFailure.usage(SavedViews.unknown(name, among: config.views).description)
        }
        return view
    }
}
