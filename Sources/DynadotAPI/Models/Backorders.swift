import Foundation

/// One entry of `backorder_request_list`.
public struct BackorderRequest: Sendable, Equatable {
    /// ASCII (punycode) name, lower case.
    public var domain: String
    /// The last moment the request can be deleted, epoch milliseconds.
    public var cutoffMs: Int64?
    /// The provider's word for where the catch stands (`Active`, …).
    public var status: String

    public init(domain: String, cutoffMs: Int64?, status: String) {
        self.domain = domain
        self.cutoffMs = cutoffMs
        self.status = status
    }
}

/// A `backorder_request_list` answer.
public struct BackorderRequestList: Sendable, Equatable {
    public var requests: [BackorderRequest]

    public init(requests: [BackorderRequest]) { self.requests = requests }

    /// Reads `BackorderRequestList[]` (or `…Content.BackorderRequestList.BackorderRequest`)
    /// of `{DomainName|Domain, CutoffTime, BackorderRequestStatus}`; an empty
    /// list may come as `""` or be absent.
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let list = checked.firstList([["BackorderRequestList", "BackorderRequest"], ["BackorderRequestList"],
                                      ["BackorderRequestListContent", "BackorderRequestList", "BackorderRequest"]]) ?? []
        self.init(requests: list.compactMap { item in
            guard let domain = item.first("DomainName", "Domain", "Name")?.nonEmptyText else { return nil }
            return BackorderRequest(domain: Punycode.asciiName(domain), cutoffMs: item["CutoffTime"]?.epochMilliseconds,
                                    status: item.first("BackorderRequestStatus", "Status")?.nonEmptyText ?? "")
        })
    }
}
