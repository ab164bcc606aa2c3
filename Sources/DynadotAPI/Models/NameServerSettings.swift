import Foundation

/// How a domain resolves: the provider's setting type (`Name Servers`,
/// `Dynadot Parking`, `Dynadot DNS`, forwarding, …) with its name servers
/// and parking-ads flag when present.
public struct NameServerSettings: Sendable, Hashable {
    /// The provider's type text, as sent (e.g. `Dynadot Parking`).
    public var type: String
    /// Host names, in slot order, empty slots dropped.
    public var nameServers: [String]
    public var withAds: Bool?
    /// Fields not modelled above (forwarding targets, stealth titles, …).
    public var extra: [String: JSONValue]

    public init(type: String, nameServers: [String] = [], withAds: Bool? = nil, extra: [String: JSONValue] = [:]) {
        self.type = type
        self.nameServers = nameServers
        self.withAds = withAds
        self.extra = extra
    }

    /// Reads both name-server shapes: a `NameServers` list of
    /// `{ServerId, ServerName}` objects (or plain strings, or one object), and
    /// numbered slots `NameServer0…12` padded with empty strings, either
    /// directly in the settings or inside a `NameServers` object.
    public init(json: JSONValue) {
        let nameServersNode = json.first("NameServers", "NameServer", "NameServerList")
        var servers = NameServerSettings.slotValues(json)
        if let node = nameServersNode {
            if case .object = node, !NameServerSettings.slotValues(node).isEmpty {
                servers += NameServerSettings.slotValues(node)
            } else {
                servers += node.list.compactMap(NameServerSettings.hostName)
            }
        }
        let known: Set<String> = ["type", "withads", "nameservers", "nameserver", "nameserverlist"]
        let extra = json.fields.filter {
            !known.contains($0.key.lowercased()) && NameServerSettings.slotIndex($0.key) == nil
        }
        self.init(type: json["Type"]?.nonEmptyText ?? "", nameServers: servers,
                  withAds: json["WithAds"]?.bool, extra: extra)
    }

    private static func hostName(_ item: JSONValue) -> String? {
        if case .object = item { return item.first("ServerName", "Name", "Host", "NsName")?.nonEmptyText }
        return item.nonEmptyText
    }

    /// The index in keys such as `NameServer3`, `Ns3`, `Host3`, `ServerName3`.
    static func slotIndex(_ key: String) -> Int? {
        let digits = key.reversed().prefix { $0.isNumber }
        guard !digits.isEmpty, digits.count < key.count else { return nil }
        let stem = key.dropLast(digits.count).lowercased()
        guard ["nameserver", "ns", "host", "servername"].contains(stem) else { return nil }
        return Int(String(digits.reversed()))
    }

    /// Non-empty values of numbered slots, ordered by slot number.
    static func slotValues(_ json: JSONValue) -> [String] {
        json.fields.compactMap { key, value -> (Int, String)? in
            guard let index = slotIndex(key), let host = hostName(value) else { return nil }
            return (index, host)
        }
        .sorted { $0.0 < $1.0 }
        .map(\.1)
    }
}
