import Foundation

/// A domain being transferred away (`transfer_domain_list`).
public struct TransferOutDomain: Sendable, Equatable {
    public var domain: String
    public var orderId: String?
    /// `Pending`, …, as sent.
    public var status: String?

    public init(domain: String, orderId: String?, status: String?) {
        self.domain = domain
        self.orderId = orderId
        self.status = status
    }

    public init?(json: JSONValue) {
        guard case .object = json, let domain = json.first("Domain", "DomainName", "Name")?.nonEmptyText else { return nil }
        self.init(domain: domain, orderId: json["OrderId"]?.identifier,
                  status: json.first("ItemStatus", "Status")?.nonEmptyText)
    }
}

/// A `transfer_domain_list` answer (the one command that answers code 200).
public struct TransferOutDomainList: Sendable, Equatable {
    public var domains: [TransferOutDomain]

    public init(domains: [TransferOutDomain]) { self.domains = domains }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["TransferOutDomainList", "Domain"], ["TransferOutDomainList"]]) else {
            throw checked.missing("TransferOutDomainList")
        }
        self.init(domains: items.compactMap(TransferOutDomain.init(json:)))
    }
}

/// One transfer order's state (`get_transfer_status`).
public struct TransferStatusEntry: Sendable, Equatable {
    public var orderId: String
    /// `none`, `approved`, `waiting`, `auth code needed`, …, as sent.
    public var transferStatus: String

    public init(orderId: String, transferStatus: String) {
        self.orderId = orderId
        self.transferStatus = transferStatus
    }
}

/// A `get_transfer_status` answer.
public struct TransferStatusList: Sendable, Equatable {
    public var transfers: [TransferStatusEntry]

    public init(transfers: [TransferStatusEntry]) { self.transfers = transfers }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["TransferList", "Transfer"], ["TransferList"]]) else {
            throw checked.missing("TransferList")
        }
        self.init(transfers: items.compactMap { item in
            guard let id = item["OrderId"]?.identifier else { return nil }
            return TransferStatusEntry(orderId: id, transferStatus: item["TransferStatus"]?.text ?? "")
        })
    }
}

/// A `get_transfer_auth_code` answer. The code is a secret: whoever holds
/// it can move the domain away. Its description never shows it.
public struct TransferAuthCode: Sendable, Equatable, CustomStringConvertible {
    public var code: String

    public init(code: String) { self.code = code }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let code = checked.content.first("AuthCode", "Auth_Code", "Code")?.nonEmptyText else {
            throw checked.missing("AuthCode")
        }
        self.init(code: code)
    }

    public var description: String { "TransferAuthCode(REDACTED)" }
}

/// A `transfer` answer: the order the transfer went into (`order created`).
public struct TransferOrder: Sendable, Equatable {
    public var orderId: String?

    public init(orderId: String?) { self.orderId = orderId }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        self.init(orderId: checked.content.first("OrderId", "OrderID")?.identifier)
    }
}

/// A `get_domain_push_request` answer: the domains other accounts are
/// pushing to this one. The reference's example writes the list as one
/// bracketed string (`"[a.com,b.com]"`); a JSON list is accepted too.
public struct DomainPushRequests: Sendable, Equatable {
    public var domains: [String]

    public init(domains: [String]) { self.domains = domains }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let node = checked.content.first("PushDomainName", "PushDomain", "PushDomains")
        var names: [String] = []
        switch node {
        case .string(let text)?:
            let inner = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
            names = inner.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }
        case .array(let items)?:
            names = items.compactMap { $0.nonEmptyText ?? $0.first("PushDomainName", "Domain", "Name")?.nonEmptyText }
        case .object?:
            names = node?.first("PushDomainName", "Domain", "Name")?.nonEmptyText.map { [$0] } ?? []
        default:
            names = []
        }
        self.init(domains: names.filter { !$0.isEmpty }.map { Punycode.asciiName($0).lowercased() })
    }
}
