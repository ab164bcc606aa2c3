import DynadotAPI
import Foundation

/// Domain listing and per-domain settings commands.
enum SimDomainHandlers {
    static let entries: [String: SimCommandEntry] = [
        "list_domain": SimCommandEntry(responseName: "ListDomainInfoResponse", domainLimit: nil, handler: listDomain),
        "domain_info": SimCommandEntry(responseName: "DomainInfoResponse", domainLimit: .one, handler: domainInfo),
        "get_dns": SimCommandEntry(responseName: "GetDnsResponse", domainLimit: .one, handler: getDNS),
        "get_ns": SimCommandEntry(responseName: "GetNsResponse", domainLimit: .one, handler: getNS),
        "set_dns2": SimCommandEntry(responseName: "SetDnsResponse", domainLimit: .upTo100, handler: setDNS2),
        "set_ns": SimCommandEntry(responseName: "SetNsResponse", domainLimit: .upTo100, handler: setNS),
        "set_renew_option": SimCommandEntry(responseName: "SetRenewOptionResponse", domainLimit: .upTo100, handler: setRenewOption),
        "set_privacy": SimCommandEntry(responseName: "SetPrivacyResponse", domainLimit: .upTo100, handler: setPrivacy),
        "lock_domain": SimCommandEntry(responseName: "LockDomainResponse", domainLimit: .one, handler: lockDomain),
        "set_folder": SimCommandEntry(responseName: "SetFolderResponse", domainLimit: .one, handler: setFolder),
        "set_note": SimCommandEntry(responseName: "SetNoteResponse", domainLimit: .one, handler: setNote),
        "set_forwarding": SimCommandEntry(responseName: "SetForwardingResponse", domainLimit: .upTo100, handler: setForwarding),
        "set_stealth": SimCommandEntry(responseName: "SetStealthResponse", domainLimit: .upTo100, handler: setStealth),
        "set_parking": SimCommandEntry(responseName: "SetParkingResponse", domainLimit: .upTo100, handler: setParking),
        "set_hosting": SimCommandEntry(responseName: "SetHostingResponse", domainLimit: .upTo100, handler: setHosting),
        "set_email_forward": SimCommandEntry(responseName: "SetEmailForwardingResponse", domainLimit: .upTo100, handler: setEmailForward),
        "set_clear_domain_setting": SimCommandEntry(responseName: "SetClearDomainSettingResponse", domainLimit: .upTo100, handler: setClear),
        "set_whois": SimCommandEntry(responseName: "SetWhoisResponse", domainLimit: .upTo100, handler: setWhois),
    ]

    /// Writes the envelope by hand: this answer can hold 100,000 domains.
    static func listDomain(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        var range = account.domains.indices
        if let perPageText = request["count_per_page"] {
            guard let perPage = Int(perPageText), perPage > 0 else { throw SimRefusal(message: "invalid count_per_page") }
            let page = Int(request["page_index"] ?? "0") ?? 0
            guard page >= 0 else { throw SimRefusal(message: "invalid page_index") }
            let start = min(account.domains.count, page * perPage)
            range = start..<min(account.domains.count, start + perPage)
        }
        let context = DomainWriterContext(account)
        var out = JSONBytes(capacity: 64 + range.count * 640)
        out.raw("{\"ListDomainInfoResponse\":{\"ResponseCode\":0,\"Status\":\"success\",\"MainDomains\":[")
        for i in range {
            if i != range.lowerBound { out.raw(",") }
            out.domain(account.domains[i], context)
        }
        out.raw("]}}")
        return SimAnswer(body: out.bytes, outcome: "success")
    }

    static func domainInfo(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try account.resolve(request)[0]
        var out = JSONBytes(capacity: 1024)
        out.raw("{\"DomainInfoResponse\":{\"ResponseCode\":0,\"Status\":\"success\",\"DomainInfo\":")
        out.domain(account.domains[index], DomainWriterContext(account))
        out.raw("}}")
        return SimAnswer(body: out.bytes, outcome: "success")
    }

    static func getDNS(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try account.resolve(request)[0]
        var out = JSONBytes(capacity: 1024)
        out.raw("{\"GetDnsResponse\":{\"ResponseCode\":0,\"Status\":\"success\",\"GetDns\":{\"NameServerSettings\":")
        out.nameServerSettings(account.domains[index].nameServers, DomainWriterContext(account), records: true)
        if let email = account.domains[index].emailForward {
            out.raw(",\"EmailSettings\":")
            out.value(.object(["Type": .string(email.type), "Entries": .array(email.entries.map { .string($0) })]))
        }
        out.raw("}}}")
        return SimAnswer(body: out.bytes, outcome: "success")
    }

    static func getNS(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let domain = account.domains[try account.resolve(request)[0]]
        let hosts: [String]
        switch domain.nameServers {
        case .nameServers(let list, _): hosts = list
        case .dynadotDNS: hosts = ["ns1.dyna-ns.net", "ns2.dyna-ns.net"]
        default: hosts = ["ns1.parkingcrew.net", "ns2.parkingcrew.net"]
        }
        var content: [String: JSONValue] = [:]
        for (i, host) in hosts.enumerated() { content["Host\(i)"] = .string(host) }
        return request.ok(["NsContent": .object(content)])
    }

    static func setNS(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        try setNameServerSetting("ns", &account, request)
    }

    /// Points the request's domains at the setting a `set_<kind>` request carries.
    static func setNameServerSetting(_ kind: String, _ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let indexes = try account.resolve(request)
        let setting = try SimSettingRequests.nameServerSetting(kind, request, account)
        for i in indexes { account.domains[i].nameServers = setting }
        return request.ok(applied: true)
    }

    /// Parses `main_record*` / `sub_record*` into records, checking values the way the provider does.
    static func parseRecords(_ request: SimRequest) throws -> [SimDNSRecord] {
        var records: [SimDNSRecord] = []
        let mainTypes: Set = ["a", "aaaa", "cname", "forward", "txt", "mx", "stealth", "email"]
        for i in 0..<20 {
            guard let type = request["main_record_type\(i)"]?.lowercased(), !type.isEmpty else { continue }
            guard mainTypes.contains(type) else { throw SimRefusal(message: "invalid main_record_type\(i) \(type)") }
            let record = SimDNSRecord(type: type, value: request["main_record\(i)"] ?? "", value2: request["main_recordx\(i)"] ?? "")
            try validate(record, field: "main_record\(i)")
            records.append(record)
        }
        for i in 0..<100 {
            guard let sub = request["subdomain\(i)"], !sub.isEmpty else { continue }
            let type = (request["sub_record_type\(i)"] ?? "").lowercased()
            guard mainTypes.contains(type) || type == "srv" else { throw SimRefusal(message: "invalid sub_record_type\(i) \(type)") }
            let record = SimDNSRecord(subhost: sub.lowercased(), type: type, value: request["sub_record\(i)"] ?? "", value2: request["sub_recordx\(i)"] ?? "")
            try validate(record, field: "sub_record\(i)")
            records.append(record)
        }
        return records
    }

    static func validate(_ record: SimDNSRecord, field: String) throws {
        guard !record.value.isEmpty else { throw SimRefusal(message: "\(field) is empty") }
        switch record.type {
        case "a":
            let parts = record.value.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else {
                throw SimRefusal(message: "\(field): \(record.value) is not a valid IPv4 address")
            }
        case "aaaa":
            var address = in6_addr()
            guard inet_pton(AF_INET6, record.value, &address) == 1 else {
                throw SimRefusal(message: "\(field): \(record.value) is not a valid IPv6 address")
            }
        case "mx":
            guard let distance = Int(record.value2), distance >= 0 else {
                throw SimRefusal(message: "\(field): an MX record needs a distance (\(field.replacingOccurrences(of: "record", with: "recordx")))")
            }
        case "forward":
            guard record.value2 == "1" || record.value2 == "2" else { throw SimRefusal(message: "\(field): forward type must be 1 or 2") }
        default: break
        }
    }

    static func setDNS2(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let indexes = try account.resolve(request)
        let records = try parseRecords(request)
        guard !records.isEmpty || request["add_dns_to_current_setting"] != "1" else {
            throw SimRefusal(message: "no DNS records given")
        }
        let ttl = request["ttl"].flatMap { Int($0) }
        let append = request["add_dns_to_current_setting"] == "1"
        for i in indexes {
            var existing: [SimDNSRecord] = []
            var currentTTL = 300
            if case .dynadotDNS(let t, let list) = account.domains[i].nameServers {
                currentTTL = t
                if append { existing = list }
            }
            account.domains[i].nameServers = .dynadotDNS(ttl: ttl ?? currentTTL, records: existing + records)
        }
        return request.ok(applied: true)
    }

    static func setRenewOption(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let indexes = try account.resolve(request)
        let option = try SimSettingRequests.renewOption(request)
        for i in indexes { account.domains[i].renewOption = option }
        // The real service answers this one with a string code about half the time.
        return request.ok(code: request.sequence % 2 == 0 ? .string("0") : .number(0), applied: true)
    }

    static func setPrivacy(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let indexes = try account.resolve(request)
        let option = try request.required("option").lowercased()
        let privacy: String
        switch option {
        case "full": privacy = "full"
        case "partial": privacy = "partial"
        case "off": privacy = "none"
        default: throw SimRefusal(message: "invalid privacy option \(option): use full, partial or off")
        }
        for i in indexes { account.domains[i].privacy = privacy }
        return request.ok(applied: true)
    }

    static func lockDomain(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try account.resolve(request)[0]
        account.domains[index].locked = true
        return request.ok(applied: true)
    }

    static func setFolder(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try account.resolve(request)[0]
        let folderId: Int
        if let idText = request["folder_id"], !idText.isEmpty {
            guard let id = Int(idText), id == -1 || account.folders.contains(where: { $0.id == id }) else {
                throw SimRefusal(message: "folder not found")
            }
            folderId = id
        } else {
            let name = try request.required("folder")
            if name == "Default" {
                folderId = -1
            } else {
                guard let folder = account.folders.first(where: { $0.name == name }) else { throw SimRefusal(message: "folder not found") }
                folderId = folder.id
            }
        }
        let moved = account.domains[index].folderId != folderId
        account.domains[index].folderId = folderId
        // A folder's settings enabled for future domains apply on arrival.
        if moved { SimFolderHandlers.applyFolderDefaults(&account, domainIndex: index) }
        return request.ok(applied: true)
    }

    static func setNote(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try account.resolve(request)[0]
        account.domains[index].note = request["note"] ?? ""
        return request.ok(applied: true)
    }

    static func setForwarding(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        try setNameServerSetting("forwarding", &account, request)
    }

    static func setStealth(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        try setNameServerSetting("stealth", &account, request)
    }

    static func setParking(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        try setNameServerSetting("parking", &account, request)
    }

    static func setHosting(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        try setNameServerSetting("hosting", &account, request)
    }

    static func setEmailForward(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let indexes = try account.resolve(request)
        let type = try request.required("forward_type").lowercased()
        var entries: [String] = []
        switch type {
        case "donot": break
        case "forward":
            for i in 0..<10 {
                guard let user = request["username\(i)"], let target = request["exist_email\(i)"], !user.isEmpty, !target.isEmpty else { continue }
                entries.append("\(user)=\(target)")
            }
            guard !entries.isEmpty else { throw SimRefusal(message: "forward needs username0 and exist_email0") }
        case "mx":
            for i in 0..<3 {
                guard let host = request["mx_host\(i)"], !host.isEmpty else { continue }
                guard let distance = request["mx_distance\(i)"], Int(distance) != nil else {
                    throw SimRefusal(message: "mx_host\(i) needs a numeric mx_distance\(i)")
                }
                entries.append("\(host)=\(distance)")
            }
            guard !entries.isEmpty else { throw SimRefusal(message: "mx needs mx_host0") }
        default: throw SimRefusal(message: "invalid forward_type \(type): use donot, mx or forward")
        }
        for i in indexes { account.domains[i].emailForward = type == "donot" ? nil : SimEmailForward(type: type, entries: entries) }
        return request.ok(applied: true)
    }

    static func setClear(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let indexes = try account.resolve(request)
        let service = try request.required("service").lowercased()
        guard ["forward", "stealth", "email_forwarding", "dns", "dnssec", "nameservers"].contains(service) else {
            throw SimRefusal(message: "invalid service \(service)")
        }
        for i in indexes {
            if SimSettingRequests.clears(service, account.domains[i].nameServers) {
                account.domains[i].nameServers = account.defaultNameServers
            } else if service == "email_forwarding" {
                account.domains[i].emailForward = nil
            } else if service == "dnssec" {
                account.domains[i].dnssec = [:]
            }
        }
        return request.ok(applied: true)
    }

    static func setWhois(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let indexes = try account.resolve(request)
        let ids = try SimSettingRequests.whois(request, account)
        for i in indexes { account.domains[i].contacts = ids }
        return request.ok(applied: true)
    }
}
