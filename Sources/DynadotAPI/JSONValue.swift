import Foundation

/// A parsed JSON value, kept loosely typed so that the decoder can accept every
/// shape the real service has been seen to send (numbers as strings, objects
/// where a one-element list is expected, keys with a stray `": "`).
///
/// Object keys are normalised on parse (trimmed, a trailing `:` removed), so
/// `"ResponseCode: "` and `"ResponseCode"` read the same.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue {
    /// The value under `key` when this is an object; keys compare exactly after
    /// normalisation, then case-insensitively as a fallback.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        if let exact = fields[key] { return exact }
        let lowered = key.lowercased()
        return fields.first { $0.key.lowercased() == lowered }?.value
    }

    /// Text of a scalar: strings as they are, numbers without a trailing `.0`,
    /// booleans as `yes`/`no`. `nil` for null, arrays and objects.
    public var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e18 { return String(Int64(n)) }
            return String(n)
        case .bool(let b): return b ? "yes" : "no"
        default: return nil
        }
    }

    /// A trimmed, non-empty text, else `nil`.
    public var nonEmptyText: String? {
        // Most texts start and end with a printable ASCII byte and need no
        // trim; Foundation's trim costs a bridge and a copy per call.
        if case .string(let s) = self, let first = s.utf8.first, let last = s.utf8.last,
           (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return s
        }
        guard let t = text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// An integer from a number or a numeric string (`"0"`, `" -1 "`, `200`).
    public var int: Int? {
        switch self {
        case .number(let n): return n.isFinite && n == n.rounded() && abs(n) < 9.2e18 ? Int(n) : nil
        case .string(let s):
            let t = s.trimmingCharacters(in: .whitespaces)
            if let i = Int(t) { return i }
            if let d = Double(t), d == d.rounded(), abs(d) < 9.2e18 { return Int(d) }
            return nil
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// A boolean from `yes`/`no` in any case, `true`/`false`, `1`/`0`.
    public var bool: Bool? {
        switch self {
        case .bool(let b): return b
        case .number(let n): return n != 0
        case .string(let s):
            switch s.trimmingCharacters(in: .whitespaces).lowercased() {
            case "yes", "y", "true", "1", "on": return true
            case "no", "n", "false", "0", "off", "": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The elements of an array; a lone object or scalar counts as a
    /// one-element list (the service sends either); null or missing is empty.
    public var list: [JSONValue] {
        switch self {
        case .array(let items): return items
        case .null: return []
        default: return [self]
        }
    }

    /// The fields of an object, else empty.
    public var fields: [String: JSONValue] {
        if case .object(let f) = self { return f }
        return [:]
    }
}

extension JSONValue: Encodable {
    /// Encodes as the JSON it stands for; whole numbers as integers (as
    /// `serialized()` writes them), non-finite ones as `null`.
    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch self {
        case .null: try single.encodeNil()
        case .bool(let b): try single.encode(b)
        case .number(let n):
            if n.isFinite, n == n.rounded(), abs(n) < 1e18 {
                try single.encode(Int64(n))
            } else if n.isFinite {
                try single.encode(n)
            } else {
                try single.encodeNil()
            }
        case .string(let s): try single.encode(s)
        case .array(let items): try single.encode(items)
        case .object(let fields): try single.encode(fields)
        }
    }
}
