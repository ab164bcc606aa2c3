import Foundation

extension APIResponse {
    /// Reads one API3 JSON body into an envelope-level response.
    ///
    /// The envelope is the top-level key ending in `Response` (the generic
    /// `Response` and misspelt names such as `GetListingsItemResponse`
    /// included); a body with no envelope but a `status` (the newer auction
    /// commands) is its own content, with an empty envelope name. XML-style `…Header` / `…Content` objects inside it are
    /// merged into one object, as the JSON form normally sends them. The code
    /// comes from `ResponseCode` or `SuccessCode` (number or string), the
    /// status is lower-cased, and `Error` becomes `errorText`.
    ///
    /// Throws `DynadotError.malformedResponse` (with a short redacted
    /// excerpt) when the body is not JSON or has no envelope. A refusal by the
    /// provider is *not* thrown here: call `checked()`.
    public static func parse(command: String, body: Data) throws -> APIResponse {
        let root: JSONValue
        do {
            root = try JSONValue.parse(body)
        } catch let error as JSONParseError {
            throw malformed(command, "not JSON: \(error.description)", body)
        }
        guard case .object(let top) = root else {
            throw malformed(command, "top level is not an object", body)
        }
        let candidates = top.filter { $0.key.lowercased().hasSuffix("response") }
        if candidates.isEmpty, top.keys.contains(where: { $0.lowercased() == "status" }) {
            // The newer auction commands answer without an envelope:
            // `{"status": "success", "auction_list": […]}`.
            return response(command: command, envelope: "", content: .object(top))
        }
        guard candidates.count == 1, let (envelope, inner) = candidates.first else {
            let why = candidates.isEmpty ? "no …Response envelope" : "several …Response envelopes"
            throw malformed(command, why, body)
        }
        guard case .object(let fields) = inner else {
            throw malformed(command, "envelope \(envelope) is not an object", body)
        }
        return response(command: command, envelope: envelope, content: .object(mergeHeaderAndContent(fields)))
    }

    private static func response(command: String, envelope: String, content: JSONValue) -> APIResponse {
        let code = (content["ResponseCode"] ?? content["SuccessCode"])?.int
        let status = content["Status"]?.nonEmptyText?.lowercased()
        let errorText = content["Error"]?.nonEmptyText
        return APIResponse(command: command, envelope: envelope, code: code, status: status,
                           errorText: errorText, content: content)
    }

    /// Lifts the fields of `…Header` and `…Content` objects to the top; a
    /// field already at the top wins over a lifted one.
    private static func mergeHeaderAndContent(_ fields: [String: JSONValue]) -> [String: JSONValue] {
        var merged: [String: JSONValue] = [:]
        var lifted: [[String: JSONValue]] = []
        for (key, value) in fields {
            let lower = key.lowercased()
            if case .object(let inner) = value, lower.hasSuffix("header") || lower.hasSuffix("content") {
                lifted.append(inner)
            } else {
                merged[key] = value
            }
        }
        for inner in lifted {
            for (key, value) in inner where merged[key] == nil {
                merged[key] = value
            }
        }
        return merged
    }

    private static func malformed(_ command: String, _ reason: String, _ body: Data) -> DynadotError {
        .malformedResponse(command: command, reason: reason, excerpt: ResponseExcerpt.make(from: body))
    }
}
