import Foundation

/// The answer to any command without a typed model (and to write commands):
/// the header fields and the raw merged content.
public struct GenericResult: Sendable, Equatable {
    public var command: String
    public var code: Int?
    /// Lower-cased status word.
    public var status: String?
    public var errorText: String?
    /// The merged envelope content, with header fields included.
    public var content: JSONValue

    public init(command: String, code: Int?, status: String?, errorText: String?, content: JSONValue) {
        self.command = command
        self.code = code
        self.status = status
        self.errorText = errorText
        self.content = content
    }

    /// Wraps a successful response; refusals throw as `checked()` does.
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        self.init(command: checked.command, code: checked.code, status: checked.status,
                  errorText: checked.errorText, content: checked.content)
    }
}
