import Foundation

/// One DNS record from `get_dns`. `subhost` is `nil` for main-domain records.
public struct DnsRecord: Sendable, Hashable {
    public var subhost: String?
    /// Record type, upper case (`A`, `TXT`, `MX`, …); send it lower case.
    public var type: String
    public var value: String
    /// MX distance, forward type, stealth title or e-mail alias.
    public var value2: String?

    public init(subhost: String? = nil, type: String, value: String, value2: String? = nil) {
        self.subhost = subhost
        self.type = type.uppercased()
        self.value = value
        self.value2 = value2
    }

    init?(json: JSONValue, isSub: Bool) {
        guard case .object = json, let type = json.first("RecordType", "Type")?.nonEmptyText else { return nil }
        let subhost = isSub ? (json.first("Subhost", "SubHost", "Subdomain")?.text ?? "") : nil
        self.init(subhost: subhost, type: type, value: json["Value"]?.text ?? "",
                  value2: json.first("Value2", "Valuex")?.nonEmptyText)
    }
}

/// A domain's name-server setting with its DNS records (`get_dns`). Records
/// exist only when `type` is `Dynadot DNS`.
public struct DnsSettings: Sendable, Equatable {
    public var type: String
    public var ttl: Int?
    public var withAds: Bool?
    public var nameServers: [String]
    public var mainRecords: [DnsRecord]
    public var subRecords: [DnsRecord]

    public init(type: String, ttl: Int? = nil, withAds: Bool? = nil, nameServers: [String] = [],
                mainRecords: [DnsRecord] = [], subRecords: [DnsRecord] = []) {
        self.type = type
        self.ttl = ttl
        self.withAds = withAds
        self.nameServers = nameServers
        self.mainRecords = mainRecords
        self.subRecords = subRecords
    }

    /// Reads `GetDns.NameServerSettings` (or the XML nesting) from a `get_dns` answer.
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let node = checked.firstObject([["GetDns", "NameServerSettings"], ["NameServerSettings"], ["GetDns"]]),
              let type = node["Type"]?.nonEmptyText else {
            throw checked.missing("NameServerSettings.Type")
        }
        let settings = NameServerSettings(json: node)
        self.init(
            type: type,
            ttl: node["TTL"]?.looseInt,
            withAds: settings.withAds,
            nameServers: settings.nameServers,
            mainRecords: node.first("MainDomains", "MainDomain", "MainRecords")?.list
                .compactMap { DnsRecord(json: $0, isSub: false) } ?? [],
            subRecords: node.first("SubDomains", "SubDomain", "SubRecords")?.list
                .compactMap { DnsRecord(json: $0, isSub: true) } ?? [])
    }
}
