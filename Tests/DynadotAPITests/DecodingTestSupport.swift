import Foundation
@testable import DynadotAPI

/// Parses a fixture body as the answer to `command`.
func decodeFixture(_ command: String, _ body: String) throws -> APIResponse {
    try APIResponse.parse(command: command, body: Data(body.utf8))
}

/// The `DynadotError` thrown by `body`, or `nil` when it returned normally.
func decodingFailure(_ body: () throws -> Void) -> DynadotError? {
    do {
        try body()
        return nil
    } catch let error as DynadotError {
        return error
    } catch {
        return .malformedResponse(command: "test", reason: "unexpected error type \(type(of: error))", excerpt: "")
    }
}
