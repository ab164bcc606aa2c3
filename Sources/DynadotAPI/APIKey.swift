import Foundation

/// The account's API key. Its description, debug description and mirror all
/// print `REDACTED`, so neither `print`, string interpolation, `dump` nor a
/// log line can leak it by accident; only the client reads `.secret`.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The raw key. Read it only to put it on the wire.
    public let secret: String

    public init(_ secret: String) {
        self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public var isEmpty: Bool { secret.isEmpty }
    public var description: String { "REDACTED" }
    public var debugDescription: String { "APIKey(REDACTED)" }
    public var customMirror: Mirror { Mirror(self, children: [] as [(String?, Any)]) }
}

/// Removes a key from any text before it is shown, logged or stored.
public enum Redaction {
    /// Replaces every occurrence of `key`, and any `key=…` query value, with
    /// `REDACTED`.
    public static func redact(_ text: String, key: APIKey?) -> String {
        var out = text
        if let key, key.secret.count >= 4 {
            out = out.replacingOccurrences(of: key.secret, with: "REDACTED")
            if let encoded = key.secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics),
               encoded != key.secret {
                out = out.replacingOccurrences(of: encoded, with: "REDACTED")
            }
        }
        return redactKeyParameter(out)
    }

    /// Replaces the value of anything that looks like a key assignment —
    /// a `key=…` query parameter, `api_key: …`, `"key":"…"` — with `REDACTED`.
    /// The value stops at a separator (`&`, space, quote, `,`, `;`, `}`).
    public static func redactKeyParameter(_ text: String) -> String {
        guard text.range(of: "key", options: .caseInsensitive) != nil else { return text }
        // A regex literal: checked when dynafolio is compiled, so it cannot fail at run time.
        let pattern = #/(?i)(\b(?:api_?)?key"?\s*[=:]\s*"?)[^&\s",;}]+/#
        return text.replacing(pattern) { match in match.1 + "REDACTED" }
    }
}
