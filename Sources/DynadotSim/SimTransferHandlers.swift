import DynadotAPI
import Foundation

/// One transfer in to this account. The status follows the simulator's
/// clock: `none` (just ordered, cancellable) → `waiting` after one step →
/// `completed` (the domain joins the account) after another. A wrong auth
/// code stops it at `auth code needed` until `set_transfer_auth_code`.
public struct SimTransferIn: Sendable, Equatable {
    public var domain: String
    public var orderId: Int
    public var status: String
    /// When the current status began (milliseconds).
    public var sinceMs: Int64
    public var costCents: Int
}

/// One transfer away from this account, requested by another registrar:
/// `pending` until `authorize_transfer_away` approves (`approved`, the
/// domain leaves one step later: `completed`) or denies (`denied`).
public struct SimTransferAway: Sendable, Equatable {
    public var domain: String
    public var orderId: Int
    public var status: String
    public var sinceMs: Int64
}

/// A domain pushed to an account, waiting for it to accept or decline.
public struct SimPushRequest: Sendable, Equatable {
    public var domain: SimDomain
    /// The pushing account's username.
    public var sender: String
    /// The receiving account's push username.
    public var receiver: String
}

/// The account's transfer state.
public struct SimTransfers: Sendable {
    /// Domain → its current auth code (handed out by `get_transfer_auth_code`).
    public var authCodes: [String: String] = [:]
    public var codeGeneration = 0
    public var ins: [SimTransferIn] = []
    public var aways: [SimTransferAway] = []
    /// Pushes other accounts made to this one.
    public var incomingPushes: [SimPushRequest] = []
    /// Pushes this account made, not yet handed to the receiver (`SimAPI` delivers them).
    public var outgoingPushes: [SimPushRequest] = []
    /// Declined pushes going back to their sender (`SimAPI` delivers them).
    public var declinedPushes: [SimPushRequest] = []
    /// Push usernames of the other accounts on this simulator.
    public var peerUsernames: Set<String> = []
    /// How long each transfer step takes (milliseconds).
    public var stepMs: Int64 = 86_400_000

    public init() {}

    /// Whether the simulated losing registrar accepts `code`: any code of
    /// at least 8 characters. Tests and the demo use shorter ones to see
    /// `auth code needed`.
    public static func acceptsAuthCode(_ code: String) -> Bool {
        code.trimmingCharacters(in: .whitespaces).count >= 8
    }
}

extension SimAccount {
    /// Moves every transfer whose step has passed to its next status.
    mutating func settleTransfers(nowMs: Int64) {
        let step = transfers.stepMs
        for i in transfers.ins.indices {
            var item = transfers.ins[i]
            while ["none", "waiting"].contains(item.status), item.sinceMs + step <= nowMs {
                item.sinceMs += step
                if item.status == "none" {
                    item.status = "waiting"
                } else {
                    item.status = "completed"
                    if domainIndex[item.domain] == nil {
                        let owner = contacts.first?.id ?? 0
                        add(SimDomain(
                            name: item.domain, expirationMs: SimCalendar.adding(years: 1, to: item.sinceMs), registrationMs: item.sinceMs,
                            nameServers: .parking(withAds: true), contacts: [owner, owner, owner, owner], locked: true, privacy: "full",
                            salePriceCents: nil, renewOption: .none, note: "", folderId: -1, renewals: 0, emailForward: nil
                        ))
                    }
                }
            }
            transfers.ins[i] = item
        }
        for i in transfers.aways.indices where transfers.aways[i].status == "approved" && transfers.aways[i].sinceMs + step <= nowMs {
            transfers.aways[i].status = "completed"
            transfers.aways[i].sinceMs += step
            remove(domainNamed: transfers.aways[i].domain)
        }
    }

    /// Another registrar asks for `name` (the `/_sim/transfer-away` control).
    mutating func requestTransferAway(_ name: String, nowMs: Int64) throws(SimControlError) -> SimTransferAway {
        let ascii = Punycode.asciiName(name)
        guard domainIndex[ascii] != nil else { throw SimControlError(message: "no domain \(ascii) in the account") }
        nextOrderId += 1
        let away = SimTransferAway(domain: ascii, orderId: nextOrderId, status: "pending", sinceMs: nowMs)
        transfers.aways.append(away)
        return away
    }

    /// A new auth code for `name`, different every time.
    mutating func newAuthCode(for name: String) -> String {
        transfers.codeGeneration += 1
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in "\(name)#\(transfers.codeGeneration)".utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let code = "Dz" + String(hash, radix: 36) + "!"
        transfers.authCodes[name] = code
        return code
    }
}

/// Transfers and pushes: `get_transfer_auth_code`, `authorize_transfer_away`,
/// `transfer_domain_list`, `transfer`, `get_transfer_status`,
/// `cancel_transfer`, `set_transfer_auth_code`, `push`,
/// `get_domain_push_request`, `set_domain_push_request`.
enum SimTransferHandlers {
    static let entries: [String: SimCommandEntry] = [
        "get_transfer_auth_code": SimCommandEntry(responseName: "GetTransferAuthCodeResponse", domainLimit: .one, handler: authCode),
        "authorize_transfer_away": SimCommandEntry(responseName: "AuthorizeTransferAwayResponse", domainLimit: .one, handler: authorizeAway),
        "transfer_domain_list": SimCommandEntry(responseName: "TransferOutDomainListResponse", domainLimit: nil, handler: awayList),
        "transfer": SimCommandEntry(responseName: "TransferResponse", domainLimit: .one, handler: transferIn),
        "get_transfer_status": SimCommandEntry(responseName: "GetTransferStatusResponse", domainLimit: .one, handler: status),
        "cancel_transfer": SimCommandEntry(responseName: "CancelTransferResponse", domainLimit: .one, handler: cancel),
        "set_transfer_auth_code": SimCommandEntry(responseName: "SetTransferAuthCodeResponse", domainLimit: .one, handler: setAuthCode),
        "push": SimCommandEntry(responseName: "PushResponse", domainLimit: nil, handler: push),
        "get_domain_push_request": SimCommandEntry(responseName: "GetDomainPushRequestResponse", domainLimit: nil, handler: pushRequests),
        "set_domain_push_request": SimCommandEntry(responseName: "SetDomainPushRequestResponse", domainLimit: .upTo100, handler: answerPush),
    ]

    static let unlockFirst = "Please unlock your domain firstly."

    static func authCode(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleTransfers(nowMs: request.nowMs)
        let index = try account.resolve(request)[0]
        let name = account.domains[index].name
        if account.domains[index].locked {
            guard request["unlock_domain_for_transfer"] == "1" else { throw SimRefusal(message: unlockFirst) }
            account.domains[index].locked = false
        }
        let code = request["new_code"] == "1" ? account.newAuthCode(for: name)
            : (account.transfers.authCodes[name] ?? account.newAuthCode(for: name))
        return request.ok(["AuthCode": .string(code)], applied: true)
    }

    static func orderId(_ request: SimRequest) throws -> Int {
        let text = try request.required("order_id")
        guard let id = Int(text) else { throw SimRefusal(message: "invalid order_id \(text)") }
        return id
    }

    static func authorizeAway(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleTransfers(nowMs: request.nowMs)
        let name = request.domainNames[0]
        let id = try orderId(request)
        let decision = try request.required("authorize")
        guard decision == "approve" || decision == "deny" else { throw SimRefusal(message: "authorize must be approve or deny") }
        guard let index = account.transfers.aways.firstIndex(where: { $0.domain == name && $0.orderId == id }) else {
            throw SimRefusal(message: "could not find transfer away order \(id) for \(name)")
        }
        guard account.transfers.aways[index].status == "pending" else {
            throw SimRefusal(message: "transfer away order \(id) is \(account.transfers.aways[index].status), not pending")
        }
        account.transfers.aways[index].status = decision == "approve" ? "approved" : "denied"
        account.transfers.aways[index].sinceMs = request.nowMs
        return request.ok(["Result": .string(decision == "approve" ? "away_approved" : "away_denied")], applied: true)
    }

    static func awayList(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleTransfers(nowMs: request.nowMs)
        let items: [JSONValue] = account.transfers.aways.filter { $0.status == "pending" || $0.status == "approved" }.map {
            .object(["orderId": .number(Double($0.orderId)), "domain": .string($0.domain),
                     "itemStatus": .string($0.status == "pending" ? "Pending" : "Approved")])
        }
        // The one command that answers code 200.
        return request.ok(["TransferOutDomainList": .array(items)], code: .number(200))
    }

    static func transferIn(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleTransfers(nowMs: request.nowMs)
        let name = request.domainNames[0]
        let code = try request.required("auth")
        if account.domainIndex[name] != nil { throw SimRefusal(message: "\(name) is already in your account") }
        if account.transfers.ins.contains(where: { $0.domain == name && !["completed", "cancelled"].contains($0.status) }) {
            throw SimRefusal(message: "\(name) already has a transfer order in progress")
        }
        guard let dot = name.firstIndex(of: "."), let price = account.price(forTLD: String(name[name.index(after: dot)...])) else {
            throw SimRefusal(message: "unsupported tld")
        }
        guard account.balanceCents >= price.transferCents else {
            throw SimRefusal(status: "insufficient_funds", message: "not enough account balance", code: .number(-1))
        }
        account.balanceCents -= price.transferCents
        let order = account.addOrder(at: request.nowMs, items: [SimOrderItem(type: "Domain Transfer", domain: name, years: 1, costCents: price.transferCents)])
        account.transfers.ins.append(SimTransferIn(
            domain: name, orderId: order.id, status: SimTransfers.acceptsAuthCode(code) ? "none" : "auth code needed",
            sinceMs: request.nowMs, costCents: price.transferCents))
        var answer = request.ok(["DomainName": .string(name), "OrderId": .string(String(order.id))], applied: true)
        // The reference's example answers "order created" rather than "success".
        answer.body = Array(JSONValue.object([request.responseName: .object([
            "ResponseCode": .number(0), "Status": .string("order created"),
            "DomainName": .string(name), "OrderId": .string(String(order.id)),
        ])]).serialized().utf8)
        return answer
    }

    static func status(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleTransfers(nowMs: request.nowMs)
        let name = request.domainNames[0]
        let type = try request.required("transfer_type").lowercased()
        let entries: [(Int, String)]
        switch type {
        case "in", "transfer in", "transfer_in": entries = account.transfers.ins.filter { $0.domain == name }.map { ($0.orderId, $0.status) }
        case "away", "transfer away", "transfer_away": entries = account.transfers.aways.filter { $0.domain == name }.map { ($0.orderId, $0.status) }
        default: throw SimRefusal(message: "transfer_type must be in or away")
        }
        return request.ok(["TransferList": .array(entries.map {
            .object(["OrderId": .string(String($0.0)), "TransferStatus": .string($0.1)])
        })])
    }

    static func openTransferIn(_ account: SimAccount, _ request: SimRequest) throws -> Int {
        let name = request.domainNames[0]
        let id = try orderId(request)
        guard let index = account.transfers.ins.firstIndex(where: { $0.domain == name && $0.orderId == id }) else {
            throw SimRefusal(message: "could not find transfer order \(id) for \(name)")
        }
        return index
    }

    static func cancel(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleTransfers(nowMs: request.nowMs)
        let index = try openTransferIn(account, request)
        let item = account.transfers.ins[index]
        guard ["none", "approved", "auth code needed"].contains(item.status) else {
            throw SimRefusal(message: "the transfer is \(item.status) and can no longer be cancelled")
        }
        account.transfers.ins[index].status = "cancelled"
        account.transfers.ins[index].sinceMs = request.nowMs
        account.balanceCents += item.costCents
        return request.ok(applied: true)
    }

    static func setAuthCode(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account.settleTransfers(nowMs: request.nowMs)
        let index = try openTransferIn(account, request)
        let code = try request.required("auth_code")
        guard ["none", "auth code needed"].contains(account.transfers.ins[index].status) else {
            throw SimRefusal(message: "the transfer is \(account.transfers.ins[index].status); its auth code can no longer change")
        }
        guard SimTransfers.acceptsAuthCode(code) else { throw SimRefusal(message: "the losing registrar refused the auth code") }
        account.transfers.ins[index].status = "none"
        account.transfers.ins[index].sinceMs = request.nowMs
        return request.ok(applied: true)
    }

    static func push(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let names = (request["domain"] ?? "").split(separator: ";").map { Punycode.asciiName($0.trimmingCharacters(in: .whitespaces)) }
            .filter { !$0.isEmpty }
        guard !names.isEmpty else { throw SimRefusal(message: "missing required parameter domain") }
        guard names.count <= 100 else { throw SimRefusal(message: "too many domains: at most 100 per request") }
        let receiver = try request.required("receiver_push_username")
        guard account.transfers.peerUsernames.contains(receiver) else {
            throw SimRefusal(message: "could not find push username \(receiver)")
        }
        let unlock = request["unlock_domain_for_push"] == "1"
        for name in names {
            guard let index = account.domainIndex[name] else { throw SimRefusal(message: "could not find domain in your account") }
            if account.domains[index].locked && !unlock { throw SimRefusal(message: unlockFirst) }
        }
        for name in names {
            guard var domain = account.domain(named: name) else { continue }
            domain.locked = false
            account.remove(domainNamed: name)
            account.transfers.outgoingPushes.append(SimPushRequest(domain: domain, sender: account.username, receiver: receiver))
        }
        var answer = request.ok(applied: true)
        answer.body = Array(JSONValue.object([request.responseName: .object([
            "SuccessCode": .number(0), "Status": .string("order created"),
        ])]).serialized().utf8)
        return answer
    }

    static func pushRequests(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        // The reference's example writes the list as one bracketed string.
        let names = account.transfers.incomingPushes.map(\.domain.name)
        return request.ok(["pushDomainName": .string("[" + names.joined(separator: ",") + "]")])
    }

    static func answerPush(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let action = try request.required("action").lowercased()
        guard action == "accept" || action == "decline" else { throw SimRefusal(message: "action must be accept or decline") }
        let names = request.domainNames
        for name in names where !account.transfers.incomingPushes.contains(where: { $0.domain.name == name }) {
            throw SimRefusal(message: "no push request for \(name)")
        }
        for name in names {
            guard let index = account.transfers.incomingPushes.firstIndex(where: { $0.domain.name == name }) else { continue }
            let pushed = account.transfers.incomingPushes.remove(at: index)
            if action == "accept" {
                var domain = pushed.domain
                domain.folderId = -1
                account.add(domain)
            } else {
                account.transfers.declinedPushes.append(pushed)
            }
        }
        return request.ok(applied: true)
    }
}
