import DynadotAPI
import Foundation

/// Reads the settings a domain, folder or default command carries, checked
/// the way the provider checks them; the domain, folder and default
/// handlers share these so the three agree.
enum SimSettingRequests {
    /// The name-server kind of setting of a `set_ns`, `set_parking`,
    /// `set_forwarding`, `set_stealth`, `set_hosting` or `set_dns2` request
    /// (or its folder / default twin); `kind` is the part after `set_`.
    static func nameServerSetting(_ kind: String, _ request: SimRequest, _ account: SimAccount) throws -> SimNameServerSetting {
        switch kind {
        case "ns":
            var hosts: [String] = []
            for i in 0..<13 {
                guard let host = request["ns\(i)"]?.trimmingCharacters(in: .whitespaces).lowercased(), !host.isEmpty else { continue }
                guard account.nameServerHosts.contains(where: { $0.host == host }) else {
                    throw SimRefusal(message: "name server \(host) is not in your account; add it with add_ns first")
                }
                hosts.append(host)
            }
            guard !hosts.isEmpty else { throw SimRefusal(message: "missing required parameter ns0") }
            return .nameServers(hosts, slots: false)
        case "parking":
            return .parking(withAds: request["with_ads"]?.lowercased() != "no")
        case "forwarding":
            return .forwarding(url: try request.required("forward_url"), temporary: request["is_temp"]?.lowercased() != "no")
        case "stealth":
            return .stealth(url: try request.required("stealth_url"), title: request["stealth_title"] ?? "")
        case "hosting":
            let type = try request.required("hosting_type").lowercased()
            guard type == "basic" || type == "advanced" else { throw SimRefusal(message: "invalid hosting_type \(type): use basic or advanced") }
            return .hosting(type: type)
        default:
            let records = try SimDomainHandlers.parseRecords(request)
            guard !records.isEmpty else { throw SimRefusal(message: "no DNS records given") }
            return .dynadotDNS(ttl: request["ttl"].flatMap { Int($0) } ?? 300, records: records)
        }
    }

    static func renewOption(_ request: SimRequest) throws -> SimRenewOption {
        let word = try request.required("renew_option")
        guard let option = SimRenewOption(requestWord: word) else {
            throw SimRefusal(message: "invalid renew_option \(word): use auto, donot or reset")
        }
        return option
    }

    /// The four contact ids of a WHOIS request, each one in the account.
    static func whois(_ request: SimRequest, _ account: SimAccount) throws -> [Int] {
        var ids: [Int] = []
        for role in ["registrant_contact", "admin_contact", "technical_contact", "billing_contact"] {
            let text = try request.required(role)
            guard let id = Int(text), account.contacts.contains(where: { $0.id == id }) else {
                throw SimRefusal(message: "\(role) \(text) is not a contact in your account")
            }
            ids.append(id)
        }
        return ids
    }

    /// Services `set_clear_*_setting` clears, and whether it clears `setting`.
    static let clearableServices = ["forward", "stealth", "email_forwarding", "dns", "nameservers"]

    static func clears(_ service: String, _ setting: SimNameServerSetting) -> Bool {
        switch (service, setting) {
        case ("forward", .forwarding), ("stealth", .stealth), ("dns", .dynadotDNS), ("nameservers", .nameServers): return true
        default: return false
        }
    }

    /// `NameServerSettings` as a JSON value (the domain writer's shape).
    static func json(_ setting: SimNameServerSetting, _ account: SimAccount) -> JSONValue {
        var out = JSONBytes(capacity: 256)
        out.nameServerSettings(setting, DomainWriterContext(account), records: false)
        return (try? JSONValue.parse(Data(out.bytes))) ?? .null
    }
}

/// Folder settings (`set_folder_*`, `set_clear_folder_setting`,
/// `set_folder_name`) and account defaults (`set_default_*`,
/// `set_clear_default_setting`). A folder setting with `sync=yes` is applied
/// to every domain in the folder in the one call; with `enable=yes` it is
/// applied to each domain moved into the folder later (`set_folder`).
enum SimFolderHandlers {
    static let entries: [String: SimCommandEntry] = {
        var table: [String: SimCommandEntry] = [
            "set_clear_folder_setting": SimCommandEntry(responseName: "SetClearFolderSettingResponse", domainLimit: nil, handler: clearFolder),
            "set_folder_name": SimCommandEntry(responseName: "SetFolderNameResponse", domainLimit: nil, handler: renameFolder),
            "set_clear_default_setting": SimCommandEntry(responseName: "SetClearDefaultSettingResponse", domainLimit: nil, handler: clearDefault),
            "set_dnssec": SimCommandEntry(responseName: "SetDnssecResponse", domainLimit: nil, handler: setDnssec),
        ]
        /// `set_folder_SUFFIX` and `set_default_SUFFIX` of one setting.
        func add<Value: Sendable>(_ suffix: String, _ folderResponse: String, _ defaultResponse: String, _ setting: SimFolderSetting<Value>) {
            table["set_folder_\(suffix)"] = SimCommandEntry(responseName: folderResponse, domainLimit: nil) { account, request in
                try setting.setFolder(&account, request)
            }
            table["set_default_\(suffix)"] = SimCommandEntry(responseName: defaultResponse, domainLimit: nil) { account, request in
                try setting.setDefault(&account, request)
            }
        }
        add("renew_option", "SetFolderRenewOptionResponse", "SetDefaultRenewOptionResponse", renew)
        add("whois", "SetFolderWhoisResponse", "SetDefaultWhoisResponse", whois)
        let kinds: [(kind: String, folderResponse: String, defaultResponse: String)] = [
            ("ns", "SetFolderNsResponse", "SetDefaultNsResponse"), ("parking", "SetFolderParkingResponse", "SetDefaultParkingResponse"),
            ("forwarding", "SetFolderForwardingResponse", "SetDefaultForwardingResponse"),
            ("stealth", "SetFolderStealthResponse", "SetDefaultStealthResponse"),
            ("hosting", "SetFolderHostingResponse", "SetDefaultHostingResponse"), ("dns2", "SetFolderDnsResponse", "SetDefaultDnsResponse"),
        ]
        for entry in kinds { add(entry.kind, entry.folderResponse, entry.defaultResponse, nameServers(entry.kind)) }
        return table
    }()

    /// The renewal option: a folder's, its domains' and the default.
    static let renew = SimFolderSetting(folder: \.renewOption, enabled: \.renewEnabled, domain: \.renewOption,
                                        accountDefault: \.defaultRenewOption) { request, _ in try SimSettingRequests.renewOption(request) }
    /// The four WHOIS contacts: a folder's, its domains' and the default.
    static let whois = SimFolderSetting(folder: \.whois, enabled: \.whoisEnabled, domain: \.contacts,
                                        accountDefault: \.defaultWhois) { request, account in try SimSettingRequests.whois(request, account) }

    /// The name-server kind of setting `kind` (the part after `set_`, see
    /// ``SimSettingRequests/nameServerSetting(_:_:_:)``).
    static func nameServers(_ kind: String) -> SimFolderSetting<SimNameServerSetting> {
        SimFolderSetting(folder: \.nameServers, enabled: \.nameServersEnabled, domain: \.nameServers, accountDefault: \.defaultNameServers) {
            request, account in try SimSettingRequests.nameServerSetting(kind, request, account)
        }
    }

    static func folderIndex(_ account: SimAccount, _ request: SimRequest) throws -> Int {
        // The name-server command's table calls it fold_id.
        let text = request["folder_id"] ?? request["fold_id"] ?? ""
        guard let id = Int(text.trimmingCharacters(in: .whitespaces)), let index = account.folders.firstIndex(where: { $0.id == id }) else {
            throw SimRefusal(message: text.isEmpty ? "missing required parameter folder_id" : "folder \(text) not found")
        }
        return index
    }

    /// `enable=yes`, and `sync=yes` (hosting's table row says `even`).
    static func flags(_ request: SimRequest) -> (enable: Bool, sync: Bool) {
        (request["enable"]?.lowercased() == "yes", request["sync"]?.lowercased() == "yes" || request["even"]?.lowercased() == "yes")
    }

    static func members(_ account: SimAccount, folderIndex: Int) -> [Int] {
        let id = account.folders[folderIndex].id
        return account.domains.indices.filter { account.domains[$0].folderId == id }
    }

    static func clearFolder(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try folderIndex(account, request)
        let service = try request.required("service").lowercased()
        guard SimSettingRequests.clearableServices.contains(service) else { throw SimRefusal(message: "invalid service \(service)") }
        if let setting = account.folders[index].nameServers, SimSettingRequests.clears(service, setting) {
            account.folders[index].nameServers = nil
            account.folders[index].nameServersEnabled = false
        }
        return request.ok(applied: true)
    }

    static func renameFolder(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try folderIndex(account, request)
        let name = try request.required("folder_name")
        guard name != "Default", !account.folders.contains(where: { $0.name == name }) else {
            throw SimRefusal(message: "folder \(name) already exists")
        }
        account.folders[index].name = name
        return request.ok(applied: true)
    }

    /// Applies the enabled settings of the folder a domain was just moved into.
    static func applyFolderDefaults(_ account: inout SimAccount, domainIndex: Int) {
        let folderId = account.domains[domainIndex].folderId
        guard let folder = account.folders.first(where: { $0.id == folderId }) else { return }
        // Any name-server kind: only reading a request tells them apart.
        nameServers("ns").apply(folder, to: &account, domainIndex: domainIndex)
        renew.apply(folder, to: &account, domainIndex: domainIndex)
        whois.apply(folder, to: &account, domainIndex: domainIndex)
    }

    /// One `folder_list` entry, settings as stored.
    static func folderJSON(_ folder: SimFolder, _ account: SimAccount) -> JSONValue {
        func status(_ on: Bool) -> JSONValue { .string(on ? "enable" : "disable") }
        let ids = folder.whois ?? [0, 0, 0, 0]
        func contact(_ i: Int) -> JSONValue { .object(["ContactId": .string(String(ids[i]))]) }
        return .object([
            "FolderId": .string(String(folder.id)), "FolderName": .string(folder.name),
            "DefaultWhois": .object([
                "DefaultWhoisEnableStatus": status(folder.whoisEnabled), "DefaultRegistrant": contact(0), "DefaultAdmin": contact(1),
                "DefaultTechnical": contact(2), "DefaultBilling": contact(3),
            ]),
            "DefaultNameServers": .object([
                "DefaultNameServerEnableStatus": status(folder.nameServersEnabled),
                "NameServerSettings": SimSettingRequests.json(folder.nameServers ?? .parking(withAds: true), account),
            ]),
            "DefaultRenewOption": .object([
                "DefaultRenewOptionEnableStatus": status(folder.renewEnabled),
                "RenewOption": .string((folder.renewOption ?? .none).rawValue),
            ]),
            "DefaultTransferLock": .object(["DefaultTransferLockEnableStatus": status(false), "LockStatus": .string("locked")]),
        ])
    }

    static func clearDefault(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let service = try request.required("service").lowercased()
        guard SimSettingRequests.clearableServices.contains(service) else { throw SimRefusal(message: "invalid service \(service)") }
        if SimSettingRequests.clears(service, account.defaultNameServers) { account.defaultNameServers = .parking(withAds: true) }
        return request.ok(applied: true)
    }

    /// `set_dnssec`: option 1 (key_tag, digest_type, digest) or option 2
    /// (flags, public_key), each with algorithm.
    static func setDnssec(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let name = Punycode.asciiName(try request.required("domain_name"))
        guard let index = account.domainIndex[name] else { throw SimRefusal(message: "could not find domain in your account") }
        guard let algorithm = Int(try request.required("algorithm")) else { throw SimRefusal(message: "invalid algorithm") }
        var stored = ["algorithm": String(algorithm)]
        if request["public_key"] != nil || request["flags"] != nil {
            let flags = try request.required("flags")
            guard flags == "256" || flags == "257" else { throw SimRefusal(message: "invalid flags \(flags)") }
            let key = try request.required("public_key")
            guard Data(base64Encoded: key) != nil else { throw SimRefusal(message: "The Public Key must be in base64 encoding.") }
            stored["flags"] = flags
            stored["public_key"] = key
        } else {
            for field in ["key_tag", "digest_type", "digest"] { stored[field] = try request.required(field) }
        }
        account.domains[index].dnssec = stored
        return request.ok(applied: true)
    }
}

/// A setting the folder and default commands carry (`set_folder_*`,
/// `set_default_*`): how a request gives it, and where it is kept — on the
/// folder with its enable flag, on each member domain, and as the account's
/// default. One body serves every setting's commands.
struct SimFolderSetting<Value: Sendable>: Sendable {
    let folder: WritableKeyPath<SimFolder, Value?> & Sendable
    let enabled: WritableKeyPath<SimFolder, Bool> & Sendable
    let domain: WritableKeyPath<SimDomain, Value> & Sendable
    let accountDefault: WritableKeyPath<SimAccount, Value> & Sendable
    let read: @Sendable (SimRequest, SimAccount) throws -> Value

    /// `set_folder_*`: the folder's value and enable flag; with `sync=yes`
    /// every domain in the folder gets the value too.
    func setFolder(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        let index = try SimFolderHandlers.folderIndex(account, request)
        let value = try read(request, account)
        let (enable, sync) = SimFolderHandlers.flags(request)
        account.folders[index][keyPath: folder] = value
        account.folders[index][keyPath: enabled] = enable
        if sync { for i in SimFolderHandlers.members(account, folderIndex: index) { account.domains[i][keyPath: domain] = value } }
        return request.ok(applied: true)
    }

    /// `set_default_*`: the value new domains get.
    func setDefault(_ account: inout SimAccount, _ request: SimRequest) throws -> SimAnswer {
        account[keyPath: accountDefault] = try read(request, account)
        return request.ok(applied: true)
    }

    /// Gives a domain just moved into `folder` the folder's value, when enabled.
    func apply(_ folder: SimFolder, to account: inout SimAccount, domainIndex: Int) {
        if folder[keyPath: enabled], let value = folder[keyPath: self.folder] { account.domains[domainIndex][keyPath: domain] = value }
    }
}
