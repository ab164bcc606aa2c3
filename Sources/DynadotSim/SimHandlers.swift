import DynadotAPI
import Foundation

/// A "no" from the simulated provider; the dispatcher puts it in the
/// command's own envelope.
struct SimRefusal: Error {
    var status: String = "error"
    var message: String
    var code: JSONValue = .string("-1")
}

/// The answer to one `/api3.json` request.
struct SimAnswer: Sendable {
    var body: [UInt8]
    /// `success`, or the status and error text, for the request log.
    var outcome: String
    /// Set when the account was changed, so drop-after-apply knows.
    var applied: Bool = false
}

/// One decoded API request as the handlers see it.
struct SimRequest {
    var command: String
    var responseName: String
    var parameters: [String: String]
    var nowMs: Int64
    /// Position in the server's request sequence; picks between quirky shapes.
    var sequence: Int
    /// `/api3.json` requests in flight, this one included.
    var inFlight: Int

    subscript(name: String) -> String? { parameters[name] }

    /// The value of a required parameter, or a refusal naming it.
    func required(_ name: String) throws -> String {
        guard let value = parameters[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw SimRefusal(message: "missing required parameter \(name)")
        }
        return value
    }

    /// The comma-separated domain list, lower-cased, IDNs in punycode.
    var domainNames: [String] {
        let text = parameters["domain"] ?? parameters["domains"] ?? ""
        return text.split(separator: ",").map { Punycode.asciiName($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
    }

    /// A success envelope: code 0 (a number), status `success`, plus `content`.
    func ok(_ content: [String: JSONValue] = [:], code: JSONValue = .number(0), applied: Bool = false) -> SimAnswer {
        var fields = content
        fields["ResponseCode"] = code
        fields["Status"] = .string("success")
        return SimAnswer(body: Array(JSONValue.object([responseName: .object(fields)]).serialized().utf8), outcome: "success", applied: applied)
    }
}

extension SimRequest {
    /// A success answer without an envelope, as the newer auction commands
    /// send it: `{"status": "success", …content…}`.
    func bare(_ content: [String: JSONValue], applied: Bool = false) -> SimAnswer {
        var fields = content
        fields["status"] = .string("success")
        return SimAnswer(body: Array(JSONValue.object(fields).serialized().utf8), outcome: "success", applied: applied)
    }
}

/// How many domains one request may name.
enum SimDomainLimit: Sendable {
    case one, upTo100
}

/// Every command the simulator knows: its response envelope (empty for
/// the commands that answer without one), domain limit and handler.
struct SimCommandEntry: Sendable {
    var responseName: String
    var domainLimit: SimDomainLimit?
    var handler: @Sendable (inout SimAccount, SimRequest) throws -> SimAnswer
}

/// Turns a decoded request into an answer against the account.
final class SimAPI: Sendable {
    let state: SimState
    let apiKey: String
    /// The second account (pushes between accounts) and its key.
    let peer: (apiKey: String, state: SimState)?

    init(state: SimState, apiKey: String, peer: (apiKey: String, state: SimState)? = nil) {
        self.state = state
        self.apiKey = apiKey
        self.peer = peer
    }

    static let commands: [String: SimCommandEntry] = {
        var table: [String: SimCommandEntry] = [:]
        for (name, entry) in SimDomainHandlers.entries { table[name] = entry }
        for (name, entry) in SimAccountHandlers.entries { table[name] = entry }
        for (name, entry) in SimOrderHandlers.entries { table[name] = entry }
        for (name, entry) in SimMarketHandlers.entries { table[name] = entry }
        for (name, entry) in SimAcquireHandlers.entries { table[name] = entry }
        for (name, entry) in SimBackorderHandlers.entries { table[name] = entry }
        for (name, entry) in SimFolderHandlers.entries { table[name] = entry }
        for (name, entry) in SimTransferHandlers.entries { table[name] = entry }
        for (name, entry) in SimAuctionHandlers.entries { table[name] = entry }
        for (name, entry) in SimCloseoutHandlers.entries { table[name] = entry }
        return table
    }()

    /// Hands pushes (and declined pushes) between the two accounts.
    private func deliverPushes() {
        guard let peer else { return }
        for (from, to) in [(state, peer.state), (peer.state, state)] {
            let (pushed, declined) = from.mutate { account in
                defer {
                    account.transfers.outgoingPushes = []
                    account.transfers.declinedPushes = []
                }
                return (account.transfers.outgoingPushes, account.transfers.declinedPushes)
            }
            guard !pushed.isEmpty || !declined.isEmpty else { continue }
            to.mutate { account in
                account.transfers.incomingPushes += pushed
                for item in declined where account.domainIndex[item.domain.name] == nil { account.add(item.domain) }
            }
        }
    }

    /// The generic envelope the provider uses for key and command errors.
    static func generic(_ error: String) -> SimAnswer {
        let body = JSONValue.object(["Response": .object(["ResponseCode": .string("-1"), "Error": .string(error)])])
        return SimAnswer(body: Array(body.serialized().utf8), outcome: "error: \(error)")
    }

    /// The provider's outage answer, in the generic envelope. Nothing was applied.
    static func outage() -> SimAnswer {
        generic("problem with connection to main server")
    }

    /// The `system_busy` answer (code 5), as the provider sends when its queue is full.
    static func busy(command: String) -> SimAnswer {
        let name = commands[command]?.responseName ?? "Response"
        let body: JSONValue = name.isEmpty
            ? .object(["status": .string("system_busy"), "error": .string("system busy, please try again later")])
            : .object([name: .object([
                "ResponseCode": .number(5), "Status": .string("system_busy"),
                "Error": .string("system busy, please try again later"),
            ])])
        return SimAnswer(body: Array(body.serialized().utf8), outcome: "system_busy")
    }

    func respond(parameters: [String: String], sequence: Int, inFlight: Int, nowMs: Int64) -> SimAnswer {
        let state: SimState
        switch parameters["key"] {
        case apiKey: state = self.state
        case let key? where key == peer?.apiKey: state = peer?.state ?? self.state
        default: return Self.generic("invalid key")
        }
        defer { deliverPushes() }
        guard let command = parameters["command"], let entry = Self.commands[command] else {
            return Self.generic("incorrect command name")
        }
        let request = SimRequest(
            command: command, responseName: entry.responseName, parameters: parameters,
            nowMs: nowMs, sequence: sequence, inFlight: inFlight
        )
        do {
            if let limit = entry.domainLimit {
                let count = request.domainNames.count
                if count == 0 { throw SimRefusal(message: "missing required parameter domain") }
                switch limit {
                case .one where count > 1: throw SimRefusal(message: "only 1 domain is allowed per request")
                case .upTo100 where count > 100: throw SimRefusal(message: "too many domains: at most 100 per request")
                default: break
                }
            }
            return try state.mutate { try entry.handler(&$0, request) }
        } catch let refusal as SimRefusal {
            // The newer auction commands answer without an envelope, in lower case.
            let body: JSONValue = entry.responseName.isEmpty
                ? .object(["status": .string(refusal.status), "error": .string(refusal.message)])
                : .object([entry.responseName: .object([
                    "ResponseCode": refusal.code, "Status": .string(refusal.status), "Error": .string(refusal.message),
                ])])
            return SimAnswer(body: Array(body.serialized().utf8), outcome: "\(refusal.status): \(refusal.message)")
        } catch {
            return Self.outage()
        }
    }
}

extension SimAccount {
    /// Indexes of every named domain; one unknown name refuses the whole request.
    func resolve(_ request: SimRequest) throws -> [Int] {
        var indexes: [Int] = []
        for name in request.domainNames {
            guard let index = domainIndex[name] else {
                throw SimRefusal(message: "could not find domain in your account")
            }
            indexes.append(index)
        }
        return indexes
    }
}

/// Money as the provider writes it.
enum SimMoney {
    /// `10.99`
    static func plain(_ cents: Int) -> String {
        let sign = cents < 0 ? "-" : ""
        let a = abs(cents)
        return "\(sign)\(a / 100).\(a % 100 < 10 ? "0" : "")\(a % 100)"
    }

    /// `$10.99`
    static func dollars(_ cents: Int) -> String {
        cents < 0 ? "-$" + plain(-cents) : "$" + plain(cents)
    }

    /// Cents from `10.99` / `$10.99`, nil when not a non-negative amount.
    static func cents(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "$", with: "")
        guard let value = Double(trimmed), value >= 0, value < 1e9 else { return nil }
        return Int((value * 100).rounded())
    }
}
