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
