import Foundation

/// One setting a folder or the account applies to domains: WHOIS contacts,
/// the name-server setting, the renew option, the transfer lock.
public struct DefaultSetting: Sendable, Hashable {
    /// `whois`, `ns`, `renew`, `lock`, or the provider's group name for others.
    public var kind: String
    /// In words: `registrant 3, admin 3, tech 3, billing 3`, `Name Servers ns1.a.net, ns2.a.net`.
    public var value: String
    /// For a folder: whether it applies to domains moved in later
    /// (`…EnableStatus`); nil when the answer does not say (account defaults).
    public var enabled: Bool?

    public init(kind: String, value: String, enabled: Bool?) {
        self.kind = kind
        self.value = value
        self.enabled = enabled
    }

    /// Reads the settings of a `folder_list` entry (its fields besides id
    /// and name) or of `account_info`'s `DefaultSettings`. Each group's
    /// enable status is any key ending in `EnableStatus` (the reference's
    /// example files the name servers' under `DefaultTransferLockEnableStatus`).
    public static func parse(_ groups: [String: JSONValue]) -> [DefaultSetting] {
        var settings: [DefaultSetting] = []
        for (key, node) in groups.sorted(by: { $0.key < $1.key }) {
            guard case .object(let fields) = node else { continue }
            let enabled = fields.first { $0.key.lowercased().hasSuffix("enablestatus") }
                .map { ($0.value.text ?? "").lowercased().hasPrefix("enable") }
            let lower = key.lowercased()
            if lower.contains("whois") {
                let roles = [("registrant", "DefaultRegistrant"), ("admin", "DefaultAdmin"),
                             ("tech", "DefaultTechnical"), ("billing", "DefaultBilling")]
                let value = roles.map { "\($0.0) \(node[$0.1]?["ContactId"]?.text ?? "-")" }.joined(separator: ", ")
                settings.append(DefaultSetting(kind: "whois", value: value, enabled: enabled))
            } else if lower.contains("nameserver") {
                let ns = NameServerSettings(json: node["NameServerSettings"] ?? node)
                settings.append(DefaultSetting(kind: "ns", value: describe(ns), enabled: enabled))
            } else if lower.contains("renew") {
                settings.append(DefaultSetting(kind: "renew", value: node["RenewOption"]?.text ?? "", enabled: enabled))
            } else if lower.contains("transferlock") {
                settings.append(DefaultSetting(kind: "lock", value: node["LockStatus"]?.text ?? "", enabled: enabled))
            } else {
                let value = fields.filter { !$0.key.lowercased().hasSuffix("enablestatus") }
                    .sorted { $0.key < $1.key }.compactMap { f in f.value.text.map { "\(f.key) \($0)" } }.joined(separator: ", ")
                settings.append(DefaultSetting(kind: key, value: value, enabled: enabled))
            }
        }
        return settings
    }

    /// `Name Servers ns1.a.net, ns2.a.net`, `Dynadot Parking (ads)`, `Forwarding https://…`.
    static func describe(_ ns: NameServerSettings) -> String {
        var text = ns.type.isEmpty ? "none" : ns.type
        if !ns.nameServers.isEmpty { text += " " + ns.nameServers.joined(separator: ", ") }
        if let ads = ns.withAds { text += ads ? " (ads)" : " (no ads)" }
        for key in ["ForwardUrl", "StealthUrl", "HostingType"] {
            if let value = ns.extra.first(where: { $0.key.lowercased() == key.lowercased() })?.value.text { text += " " + value }
        }
        return text
    }
}

extension Folder {
    /// The folder's settings, parsed from `defaults`.
    public var settings: [DefaultSetting] { DefaultSetting.parse(defaults) }
}

extension AccountInfo {
    /// The account's defaults for new domains, parsed from `DefaultSettings`.
    public var defaults: [DefaultSetting] { DefaultSetting.parse(defaultSettings.fields) }
}
