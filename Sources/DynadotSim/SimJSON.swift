import DynadotAPI

/// A byte-level JSON writer for the large answers (`list_domain` with
/// 100,000 domains): building a `JSONValue` tree per domain is much slower
/// than appending bytes.
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// A JSON string literal.
    mutating func string(_ text: String) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    /// `"key":"value"` without a separator.
    mutating func field(_ key: StaticString, _ value: String) {
        bytes.append(0x22); raw(key); raw("\":")
        string(value)
    }

    /// A `JSONValue` written in place.
    mutating func value(_ value: JSONValue) {
        raw(value.serialized())
    }
}

/// Lookups the domain writers need besides the domain itself.
struct DomainWriterContext {
    var folderNames: [Int: String]
    var serverIds: [String: Int]

    init(_ account: SimAccount) {
        folderNames = Dictionary(uniqueKeysWithValues: account.folders.map { ($0.id, $0.name) })
        serverIds = Dictionary(account.nameServerHosts.map { ($0.host, $0.id) }, uniquingKeysWith: { a, _ in a })
    }
}

extension JSONBytes {
    /// One domain as `list_domain` and `domain_info` show it.
    mutating func domain(_ d: SimDomain, _ context: DomainWriterContext) {
        raw("{"); field("Name", d.name)
        raw(","); field("Expiration", String(d.expirationMs))
        raw(","); field("Registration", String(d.registrationMs))
        raw(",\"NameServerSettings\":"); nameServerSettings(d.nameServers, context, records: false)
        raw(",\"Whois\":{")
        let roles: [StaticString] = ["Registrant", "Admin", "Technical", "Billing"]
        for (i, role) in roles.enumerated() {
            if i > 0 { raw(",") }
            raw("\""); raw(role); raw("\":{"); field("ContactId", String(d.contacts[i])); raw("}")
        }
        raw("},"); field("Locked", d.locked ? "yes" : "no")
        raw(",\"Disabled\":\"no\",\"UdrpLocked\":\"no\",\"RegistrantUnverified\":\"no\",\"Hold\":\"no\",")
        field("Privacy", d.privacy)
        raw(","); field("isForSale", d.salePriceCents == nil ? "no" : "yes")
        raw(","); field("RenewOption", d.renewOption.rawValue)
        raw(","); field("Note", d.note)
        raw(",\"Folder\":{"); field("FolderId", String(d.folderId))
        raw(","); field("FolderName", d.folderId < 0 ? "(no folder)" : (context.folderNames[d.folderId] ?? "(no folder)"))
        raw("}}")
    }

    /// `NameServerSettings`; records only for `get_dns`.
    mutating func nameServerSettings(_ setting: SimNameServerSetting, _ context: DomainWriterContext, records: Bool) {
        raw("{"); field("Type", setting.typeName)
        switch setting {
        case .nameServers(let hosts, let slots):
            raw(",\"NameServers\":[")
            let count = slots ? max(13, hosts.count) : hosts.count
            for i in 0..<count {
                if i > 0 { raw(",") }
                if i < hosts.count {
                    raw("{\"ServerId\":"); raw(String(context.serverIds[hosts[i]] ?? -1)); raw(",")
                    field("ServerName", hosts[i]); raw("}")
                } else {
                    raw("{\"ServerId\":\"\",\"ServerName\":\"\"}")  // the padded-slot shape
                }
            }
            raw("]")
        case .parking(let withAds):
            raw(","); field("WithAds", withAds ? "Yes" : "No")
        case .dynadotDNS(let ttl, let list) where records:
            raw(","); field("TTL", String(ttl))
            raw(",\"MainDomains\":[")
            var first = true
            for r in list where r.subhost.isEmpty {
                if !first { raw(",") }
                first = false
                raw("{"); field("RecordType", r.type.uppercased()); raw(","); field("Value", r.value)
                raw(","); field("Value2", r.value2); raw("}")
            }
            raw("],\"SubDomains\":[")
            first = true
            for r in list where !r.subhost.isEmpty {
                if !first { raw(",") }
                first = false
                raw("{"); field("Subhost", r.subhost); raw(","); field("RecordType", r.type.uppercased())
                raw(","); field("Value", r.value); raw(","); field("Value2", r.value2); raw("}")
            }
            raw("]")
        case .dynadotDNS:
            break
        case .forwarding(let url, let temporary):
            raw(","); field("ForwardUrl", url); raw(","); field("ForwardType", temporary ? "temporary" : "permanent")
        case .stealth(let url, let title):
            raw(","); field("StealthUrl", url); raw(","); field("StealthTitle", title)
        case .hosting(let type):
            raw(","); field("HostingType", type)
        }
        raw("}")
    }
}
