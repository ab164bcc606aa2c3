import Foundation

extension APIResponse {
    /// Status words that mean the request was carried out.
    public static let successStatuses: Set<String> = [
        "success", "order created", "order_created", "price_check_success", "ok",
    ]

    /// Whether the provider reports success: a success status word, or (no
    /// status word) code 0, or code 200 (`transfer_domain_list`). A body with
    /// neither status, code nor error text is taken as success; typed
    /// decoders then insist on the fields they need.
    public var isSuccess: Bool {
        if let status { return APIResponse.successStatuses.contains(status) }
        if let code { return code == 0 || code == 200 }
        return errorText == nil
    }

    /// `self` when `isSuccess`, else the `DynadotError` for the refusal:
    /// `.outage` for `problem with connection to main server` (in any
    /// envelope), `.busy` for `system_busy`, `.accountRefused` for a bad
    /// key or unlisted IP (and any other refusal in the generic `Response`
    /// envelope), `.providerRefused` with the provider's words otherwise.
    public func checked() throws -> APIResponse {
        if let failure { throw failure }
        return self
    }

    /// The error `checked()` throws, or `nil` on success.
    public var failure: DynadotError? {
        if isSuccess { return nil }
        let text = ResponseExcerpt.redact(errorText ?? "")
        let statusWord = status ?? code.map { "code \($0)" } ?? "error"
        let lower = (text + " " + (status ?? "")).lowercased()

        // Checked before the account refusals: an outage comes in the
        // generic `Response` envelope too, and is no fault of the account.
        if lower.contains("problem with connection to main server") {
            return .outage(command: command, message: text.isEmpty ? statusWord : text)
        }
        if status == "system_busy" || lower.contains("system_busy") || lower.contains("system busy") {
            return .busy(command: command, message: text.isEmpty ? statusWord : text)
        }
        if APIResponse.mentionsUnknownCommand(lower) {
            return .providerRefused(command: command, status: statusWord, message: text)
        }
        if APIResponse.mentionsAccountProblem(lower) || envelope == "Response" {
            return .accountRefused(reason: text.isEmpty ? statusWord : text)
        }
        return .providerRefused(command: command, status: statusWord, message: text)
    }

    private static func mentionsUnknownCommand(_ lower: String) -> Bool {
        ["incorrect command", "invalid command", "unknown command", "command not", "no such command"]
            .contains { lower.contains($0) }
    }

    private static func mentionsAccountProblem(_ lower: String) -> Bool {
        if lower.contains("invalid key") || lower.contains("key is invalid") || lower.contains("api key") { return true }
        let ipWords = ["ip address", "ip not", "ip is not", "invalid ip", "unlisted ip", "ip whitelist", "ip allow"]
        return ipWords.contains { lower.contains($0) } || (lower.contains(" ip") && lower.contains("not allowed"))
    }
}
