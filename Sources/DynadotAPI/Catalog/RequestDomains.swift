import Foundation

extension APIRequest {
    /// The domains this request carries, read the way its command's spec
    /// places them: split from the `domain` list, the single domain parameter,
    /// or collected from `domain0`, `domain1`, … in parameter order. Entries are
    /// trimmed of spaces; empty entries are kept (as "") so validation can
    /// refuse them. Empty for commands that carry no domain or are unknown.
    public var domains: [String] {
        guard let spec = CommandCatalog.spec(named: command) else { return [] }
        switch spec.domainParameter {
        case .none:
            return []
        case .single(let name):
            // Domain names never contain commas, so a comma here means several
            // domains were squeezed into a one-domain parameter.
            return self[name].map { Self.split($0, on: ",") } ?? []
        case .list(let name, let separator):
            return self[name].map { Self.split($0, on: separator) } ?? []
        case .indexed(let base, _):
            let family = ParameterSpec.family(base, 0...0)
            return parameters
                .filter { family.index(in: $0.name) != nil }
                .map { $0.value.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// A request for `command` with `domains` placed where its spec expects
    /// them (a joined list in `domain`, or `domain0`, `domain1`, …) ahead of
    /// `params`. An unknown command gets a comma-separated `domain`; `validate()`
    /// refuses it either way.
    ///
    ///     APIRequest.make("set_ns", domains: ["a.com", "b.com"], [("ns0", "ns1.example.net")])
    ///     // set_ns: domain=a.com,b.com&ns0=ns1.example.net
    public static func make(_ command: String, domains: [String], _ params: [(String, String)]) -> APIRequest {
        var placed: [QueryParameter] = []
        let style = CommandCatalog.spec(named: command)?.domainParameter ?? .commaList()
        if !domains.isEmpty {
            switch style {
            case .none:
                placed = [QueryParameter("domain", domains.joined(separator: ","))]
            case .single(let name):
                placed = [QueryParameter(name, domains.joined(separator: ","))]
            case .list(let name, let separator):
                placed = [QueryParameter(name, domains.joined(separator: separator))]
            case .indexed(let base, let indices):
                placed = domains.enumerated().map { QueryParameter("\(base)\(indices.lowerBound + $0.offset)", $0.element) }
            }
        }
        return APIRequest(command, parameters: placed + params.map { QueryParameter($0.0, $0.1) })
    }

    private static func split(_ value: String, on separator: String) -> [String] {
        value.components(separatedBy: separator).map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
