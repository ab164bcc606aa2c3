import Foundation

/// A name server registered under the account (`server_list`).
public struct RegisteredNameServer: Sendable, Equatable {
    /// The provider's id (a number on the wire, kept as text).
    public var serverId: String
    public var host: String
    public var ips: [String]

    public init(serverId: String, host: String, ips: [String] = []) {
        self.serverId = serverId
        self.host = host
        self.ips = ips
    }

    /// Reads `{ServerId, ServerName, ServerIps: [{Ip}]}` (IPs also as a
    /// plain list or a single `ServerIp`); `nil` without an id.
    public init?(json: JSONValue) {
        guard case .object = json, let id = json["ServerId"]?.identifier else { return nil }
        let ipNode = json.first("ServerIps", "ServerIp", "Ips", "Ip")
        let ipList = (ipNode.flatMap { $0["Ip"] }) ?? ipNode
        let ips = ipList?.list.compactMap { item -> String? in
            if case .object = item { return item.first("Ip", "ServerIp")?.nonEmptyText }
            return item.nonEmptyText
        } ?? []
        self.init(serverId: id, host: json.first("ServerName", "Host")?.nonEmptyText ?? "", ips: ips)
    }
}

/// A `server_list` answer.
public struct ServerList: Sendable, Equatable {
    public var servers: [RegisteredNameServer]

    public init(servers: [RegisteredNameServer]) { self.servers = servers }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["ServerList"], ["NameServerList", "Server"], ["NameServerList"]]) else {
            throw checked.missing("ServerList")
        }
        self.init(servers: items.compactMap(RegisteredNameServer.init(json:)))
    }
}

/// A `get_ns` answer: the domain's name servers in slot order.
public struct DomainNameServers: Sendable, Equatable {
    public var nameServers: [String]

    public init(nameServers: [String]) { self.nameServers = nameServers }

    /// Reads `NsContent.{Host0…Host12}` (or `NsName…`, or a `NameServers` list).
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        let node = checked.firstObject([["NsContent"], ["NameServerSettings"]]) ?? checked.content
        // `NsContent` is usually lifted into the content by the envelope
        // merge; empty slots still prove the answer had the right shape.
        let hasSlots = node.fields.keys.contains { NameServerSettings.slotIndex($0) != nil }
        guard hasSlots || node["NameServers"] != nil else { throw checked.missing("NsContent") }
        self.init(nameServers: NameServerSettings(json: node).nameServers)
    }
}
