import Foundation

/// Shared steps of the typed decoders.
extension APIResponse {
    /// The error a typed decoder throws when a field it cannot do without is
    /// missing; the excerpt is the (redacted) content, shortened.
    func missing(_ what: String) -> DynadotError {
        .malformedResponse(command: command, reason: "missing \(what)",
                           excerpt: ResponseExcerpt.make(from: Data(content.serialized().utf8)))
    }

    /// The first list found under `paths` (each a key path), with a lone
    /// object counting as a one-element list; `nil` when no path exists.
    func firstList(_ paths: [[String]]) -> [JSONValue]? {
        for path in paths {
            var node: JSONValue? = content
            for key in path { node = node?[key] }
            if let node, node != .null {
                if case .string(let s) = node, s.isEmpty { return [] }
                return node.list
            }
        }
        return nil
    }

    /// The first object found under `paths`.
    func firstObject(_ paths: [[String]]) -> JSONValue? {
        for path in paths {
            var node: JSONValue? = content
            for key in path { node = node?[key] }
            if let node, case .object = node { return node }
        }
        return nil
    }
}

extension JSONValue {
    /// This object's fields minus `known` keys (compared case-insensitively),
    /// kept so that fields the decoder does not model are not lost.
    func unknownFields(excluding known: Set<String>) -> [String: JSONValue] {
        fields.filter { !known.contains($0.key.lowercased()) }
    }
}
