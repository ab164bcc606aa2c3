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
        let f = FieldIndex(json)
        let nameServersNode = f.first("NameServers", "NameServer", "NameServerList")
        var servers = NameServerSettings.slotValues(json)
        if let node = nameServersNode {
            if case .object = node, !NameServerSettings.slotValues(node).isEmpty {
                servers += NameServerSettings.slotValues(node)
            } else {
                servers += node.list.compactMap(NameServerSettings.hostName)
            }
        }
        let extra = f.unknown(excluding: NameServerSettings.known).filter { NameServerSettings.slotIndex($0.key) == nil }
        self.init(type: f["Type"]?.cleanText ?? "", nameServers: servers, withAds: f["WithAds"]?.flag, extra: extra)
    }

    private static let known = KnownFields(["Type", "WithAds", "NameServers", "NameServer", "NameServerList"])

    static func hostName(_ item: JSONValue) -> String? {
        if case .object = item { return FieldIndex(item).first("ServerName", "Name", "Host", "NsName")?.cleanText }
        return item.cleanText
    }

    /// The index in keys such as `NameServer3`, `Ns3`, `Host3`, `ServerName3`.
    static func slotIndex(_ key: String) -> Int? {
        let bytes = key.utf8
        guard let last = bytes.last, last >= 0x30, last <= 0x39 else { return nil }
        let digitCount = bytes.reversed().prefix { $0 >= 0x30 && $0 <= 0x39 }.count
        guard digitCount < bytes.count, digitCount <= 3 else { return nil }
        let stem = FieldIndex.asciiLowercased(String(key.dropLast(digitCount)))
        guard slotStems.contains(stem) else { return nil }
        return Int(key.suffix(digitCount))
    }

    private static let slotStems: Set<String> = ["nameserver", "ns", "host", "servername"]

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
