import Foundation

/// Every way a call to Dynadot can fail, grouped by who can do something about
/// it. Each case has a one-line `message` that tells the user what to do and a
/// stable `code` for scripts. No case ever carries the API key: URLs and
/// excerpts are redacted before they get here.
public enum DynadotError: Error, Sendable, Equatable {
    /// The request never got an HTTP answer.
    case transport(TransportFailure, detail: String)
    /// An HTTP status other than 200.
    case httpStatus(Int, excerpt: String)
    /// The account itself was refused: wrong key, caller IP not allow-listed.
    case accountRefused(reason: String)
    /// The provider understood the request and said no (`not_available`,
    /// `insufficient_funds`, `could not find domain in your account`, …).
    case providerRefused(command: String, status: String, message: String)
    /// The provider is overloaded (`system_busy`); nothing was applied, safe
    /// to retry later.
    case busy(command: String, message: String)
    /// The provider is having an outage (`problem with connection to main
    /// server`), which lasts from minutes to hours. Nothing was applied:
    /// keep the changes queued and retry later; never fail them for good.
    case outage(command: String, message: String)
    /// The answer could not be read. `excerpt` is a short, redacted piece of it.
    case malformedResponse(command: String, reason: String, excerpt: String)
    /// Refused before sending: the request breaks the command catalog.
    case invalidRequest(command: String, rule: String)

    /// The kinds of transport failure worth telling apart.
    public enum TransportFailure: String, Sendable, Equatable {
        case timeout, refused, tls, connectionLost, other
    }

    /// A stable machine code for scripts and logs.
    public var code: String {
        switch self {
        case .transport(let kind, _): return "transport.\(kind.rawValue)"
        case .httpStatus: return "http"
        case .accountRefused: return "account_refused"
        case .providerRefused: return "provider_refused"
        case .busy: return "busy"
        case .outage: return "outage"
        case .malformedResponse: return "malformed_response"
        case .invalidRequest: return "invalid_request"
        }
    }

    /// Whether waiting and sending the same request again may succeed.
    /// (Whether it is *safe* to resend is the catalog's business.)
    public var isRetryable: Bool {
        switch self {
        case .busy, .outage: return true
        case .transport(let kind, _): return kind != .tls
        case .httpStatus(let status, _): return status >= 500 || status == 429
        case .malformedResponse: return true
        case .accountRefused, .providerRefused, .invalidRequest: return false
        }
    }

    /// Whether the request may have reached the provider and been applied even
    /// though no usable answer came back. Such outcomes must be verified before
    /// anything is resent.
    public var outcomeUncertain: Bool {
        switch self {
        case .transport(let kind, _): return kind == .timeout || kind == .connectionLost || kind == .other
        case .httpStatus(let status, _): return status >= 500
        case .malformedResponse: return true
        default: return false
        }
    }

    /// One line for the user: what happened and what to do.
    public var message: String {
        switch self {
        case .transport(.timeout, let detail):
            return "Dynadot did not answer in time (\(detail)); check your connection and try again."
        case .transport(.refused, let detail):
            return "Could not connect to Dynadot (\(detail)); check the endpoint and your network."
        case .transport(.tls, let detail):
            return "Secure connection to Dynadot failed (\(detail)); check the system clock and CA certificates."
        case .transport(.connectionLost, let detail):
            return "The connection to Dynadot dropped before an answer (\(detail)); the change may or may not have applied — sync before retrying."
        case .transport(.other, let detail):
            return "Network error talking to Dynadot (\(detail)); try again."
        case .httpStatus(let status, let excerpt):
            let tail = excerpt.isEmpty ? "" : ": \(excerpt)"
            if (400..<500).contains(status) && status != 429 && status != 408 {
                return "Dynadot refused the request with HTTP \(status)\(tail); retrying will not help — check the API key and the endpoint URL."
            }
            return "Dynadot answered HTTP \(status)\(tail); try again later."
        case .accountRefused(let reason):
            let lower = reason.lowercased()
            if lower.contains("ip") {
                return "Dynadot refused this machine's IP (\(reason)); add it to the allowed IPs in Dynadot's API settings."
            }
            return "Dynadot refused the account (\(reason)); check the API key in your config or DYNADOT_API_KEY."
        case .providerRefused(let command, let status, let message):
            let text = message.isEmpty ? status : "\(message) (\(status))"
            return "Dynadot refused \(command): \(text)."
        case .busy(let command, let message):
            let text = message.isEmpty ? "system_busy" : message
            return "Dynadot is busy (\(command): \(text)); wait a moment and try again, or lower the concurrency tier."
        case .outage(let command, let message):
            let text = message.isEmpty ? "outage" : message
            return "Dynadot is having trouble (\(command): \(text)); nothing was applied and your changes stay queued — try again later (such outages last minutes to hours)."
        case .malformedResponse(let command, let reason, let excerpt):
            return "Could not read Dynadot's answer to \(command) (\(reason)): \"\(excerpt)\"; sync to check what applied, and report it if it persists."
        case .invalidRequest(let command, let rule):
            return "Not sent: \(command) \(rule)."
        }
    }
}

extension DynadotError: LocalizedError, CustomStringConvertible, CustomDebugStringConvertible {
    public var errorDescription: String? { message }
    public var description: String { message }
    public var debugDescription: String { "DynadotError.\(code): \(message)" }
}
