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

/// Case-tolerant field access for the hot decoders (`list_domain` pages hold
/// tens of thousands of records): an exact lookup by the usual spelling
/// first, then an allocation-free ASCII case-insensitive scan on a miss.
struct FieldIndex {
    let fields: [String: JSONValue]

    init(_ json: JSONValue) { fields = json.fields }

    /// The non-null value under `key` (give the provider's usual spelling).
    subscript(key: String) -> JSONValue? {
        if let v = fields[key] { return v == .null ? nil : v }
        for (k, v) in fields where FieldIndex.equalIgnoringASCIICase(k, key) {
            return v == .null ? nil : v
        }
        return nil
    }

    /// Two- and three-key forms: the variadic one allocates an array per
    /// call, which the per-domain decoders make ~10 times per domain.
    func first(_ a: String, _ b: String) -> JSONValue? { self[a] ?? self[b] }

    func first(_ a: String, _ b: String, _ c: String) -> JSONValue? { self[a] ?? self[b] ?? self[c] }

    func first(_ keys: String...) -> JSONValue? {
        for key in keys {
            if let v = self[key] { return v }
        }
        return nil
    }

    /// Fields not named in `known` (in any case), under their own names.
    func unknown(excluding known: KnownFields) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for (key, value) in fields where !known.contains(key) {
            out[key] = value
        }
        return out
    }

    static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where p != q {
            guard p | 0x20 == q | 0x20, (p | 0x20) >= 0x61, (p | 0x20) <= 0x7A else { return false }
        }
        return true
    }

    /// Lower-cases A–Z only; returns the same string when nothing changes.
    static func asciiLowercased(_ key: String) -> String {
        guard key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return key }
        return String(decoding: key.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

/// The field names a decoder models, matched exactly first and
/// case-insensitively only for unusual spellings.
struct KnownFields {
    private let exact: Set<String>
    private let lowered: Set<String>

    init(_ names: [String]) {
        exact = Set(names)
        lowered = Set(names.map(FieldIndex.asciiLowercased))
    }

    func contains(_ key: String) -> Bool {
        exact.contains(key) || lowered.contains(FieldIndex.asciiLowercased(key))
    }
}

extension JSONValue {
    /// `bool`, with the provider's usual spellings answered without trimming
    /// or lower-casing.
    var flag: Bool? {
        if case .string(let s) = self {
            switch s {
            case "yes", "Yes", "YES": return true
            case "no", "No", "NO": return false
            default: break
            }
        }
        return bool
    }

    /// `nonEmptyText`, skipping the trim when the text has no outer whitespace.
    var cleanText: String? {
        if case .string(let s) = self, let first = s.utf8.first, let last = s.utf8.last,
           first > 0x20, last > 0x20 {
            return s
        }
        return nonEmptyText
    }

    /// `epochMilliseconds`, trying the untrimmed digits first.
    var fastMilliseconds: Int64? {
        if case .string(let s) = self, let i = Int64(s) { return i }
        return epochMilliseconds
    }
}
