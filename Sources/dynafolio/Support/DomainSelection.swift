import ArgumentParser
import DynadotAPI
import PortfolioStore

/// `--domains a,b,c` or `--query QUERY`: exactly one, resolved against the
/// cache (the query goes through the one query parser the TUI uses too).
struct DomainSelection: ParsableArguments {
    @Option(name: .long, help: "Comma-separated domain names.")
    var domains: String?

    @Option(name: .long, help: "A filter query, e.g. 'tld:com exp:<30d' (same language as the TUI filter).")
    var query: String?

    func validate() throws {
        guard (domains == nil) != (query == nil) else {
            throw ValidationError("give exactly one of --domains a,b,c or --query QUERY")
        }
    }

    /// Parses a query given on the command line, which has no selection:
    /// `selected:` is refused with what to use instead.
    static func parseQuery(_ text: String) throws -> PortfolioQuery {
        let parsed = try PortfolioQuery(parsing: text)
        if parsed.mentionsSelection {
            throw CLIFailure.usage("selected: reads the TUI's selection; on the command line name the domains with --domains a,b,c or narrow with other terms")
        }
        return parsed
    }

    /// The chosen names (ASCII / punycode, lower case). Every named domain
    /// must be in the cache; an empty selection is an error too.
    func resolve(in store: PortfolioDatabase) throws -> [String] {
        if let query {
            let parsed = try Self.parseQuery(query)
            let names = try store.names(matching: parsed)
            guard !names.isEmpty else {
                throw CLIFailure.usage("no cached domain matches '\(query)'; check it with `dynafolio ls '\(query)'`")
            }
            return names
        }
        let names = DomainSelection.split(domains ?? "")
        guard !names.isEmpty else { throw CLIFailure.usage("--domains is empty; give names like a.com,b.net") }
        let found = Set(try store.domains(named: names).map(\.name))
        let missing = names.filter { !found.contains($0) }
        guard missing.isEmpty else {
            let list = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            throw CLIFailure.usage("not in the cache: \(list) — check the spelling or run `dynafolio sync`")
        }
        return names
    }

    /// Splits a comma list into normalised names (Unicode names become punycode).
    static func split(_ text: String) -> [String] {
        var seen = Set<String>()
        return text.split(separator: ",").map { Punycode.asciiName($0.trimmingCharacters(in: .whitespaces)).lowercased() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
