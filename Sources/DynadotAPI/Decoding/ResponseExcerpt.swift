import Foundation

/// Short, key-free snippets of provider text for error messages.
enum ResponseExcerpt {
    /// The longest excerpt an error carries.
    static let maximumLength = 120

    /// The first characters of `body`, whitespace collapsed, anything that
    /// looks like `key=…` redacted, cut to `maximumLength` characters.
    static func make(from body: Data) -> String {
        let head = String(decoding: body.prefix(2048), as: UTF8.self)
        let collapsed = head.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let redacted = redact(collapsed)
        guard redacted.count > maximumLength else { return redacted }
        return String(redacted.prefix(maximumLength - 1)) + "…"
    }

    /// Replaces the value of anything that looks like a key assignment with `REDACTED`.
    static func redact(_ text: String) -> String {
        Redaction.redactKeyParameter(text)
    }
}
