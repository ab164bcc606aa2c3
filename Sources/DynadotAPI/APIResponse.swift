import Foundation

/// A decoded API3 answer before it is turned into a typed value: the envelope
/// name, the header fields read tolerantly, and the merged content object.
public struct APIResponse: Sendable {
    /// The command that was sent.
    public var command: String
    /// The top-level key, e.g. `SetNsResponse`, or `Response` for the generic
    /// error envelope; empty for a body sent without one (the newer auction
    /// commands).
    public var envelope: String
    /// `ResponseCode` or `SuccessCode` as an integer, when present.
    public var code: Int?
    /// The status word, lower-cased (`success`, `system_busy`, …), when present.
    public var status: String?
    /// The provider's error text, when present and not empty.
    public var errorText: String?
    /// The object under the envelope key (header and content merged, as the
    /// JSON form sends them), with normalised keys.
    public var content: JSONValue

    public init(command: String, envelope: String, code: Int?, status: String?, errorText: String?, content: JSONValue) {
        self.command = command
        self.envelope = envelope
        self.code = code
        self.status = status
        self.errorText = errorText
        self.content = content
    }
}
