import DynadotAPI
import Foundation

/// A setting a folder holds for its domains (the web panel's smart folders):
/// the domain edits a folder can carry, Dynadot hosting, or clearing one
/// service.
public enum FolderSetting: Sendable, Hashable {
    /// Name servers, parking, forwarding, stealth, DNS records, the renew
    /// option or all four WHOIS contacts, in the domain edit's own terms.
    case edit(Edit)
    /// Dynadot hosting, `basic` or `advanced`.
    case hosting(String)
    /// Clears one service (`set_clear_folder_setting`).
    case clear(FolderService)

    /// The words `folder set NAME …` takes.
    public static let verbs = ["ns", "renew", "whois", "parking", "forward", "stealth", "hosting", "dns"]

    /// The slot a folder keeps one value in: every name-server kind of
    /// setting replaces the others, as on a domain.
    public var slot: String {
        switch self {
        case .edit(let edit):
            switch edit.field {
            case .renewOption: return "renew"
            case .contacts: return "whois"
            default: return "ns"
            }
        case .hosting: return "ns"
        case .clear(let service): return service == .emailForwarding ? "email" : "ns"
        }
    }

    /// The `set_folder_*` command and its parameters besides `folder_id`,
    /// `enable` and `sync`.
    public var commandShape: CommandShape {
        switch self {
        case .hosting(let type):
            return CommandShape(command: "set_folder_hosting", parameters: [QueryParameter("hosting_type", type)])
        case .clear(let service):
            return CommandShape(command: "set_clear_folder_setting", parameters: [QueryParameter("service", service.rawValue)])
        case .edit(let edit):
            let shape = edit.commandShape(expiryYear: nil)
            let command = Self.folderCommands[shape.command] ?? shape.command
            return CommandShape(command: command, parameters: shape.parameters)
        }
    }

    /// Domain command → its folder twin.
    static let folderCommands = [
        "set_ns": "set_folder_ns", "set_parking": "set_folder_parking", "set_forwarding": "set_folder_forwarding",
        "set_stealth": "set_folder_stealth", "set_dns2": "set_folder_dns2", "set_renew_option": "set_folder_renew_option",
        "set_whois": "set_folder_whois",
    ]

    /// Whether `edit` is one a folder can hold.
    public static func accepts(_ edit: Edit) -> Bool {
        folderCommands[edit.commandShape(expiryYear: nil).command] != nil
    }

    /// `name servers ns1.a.net, ns2.a.net`, `renew option auto`, `clear forward`.
    public var text: String {
        switch self {
        case .edit(let edit):
            let value = ValueDisplay.describe(edit.field, edit.encodedValue)
            switch edit.field {
            case .renewOption: return "renew option \(value)"
            case .contacts: return "whois \(value)"
            default:
                if case .nameServers = edit { return "name servers \(value)" }
                return value
            }
        case .hosting(let type): return "Dynadot hosting (\(type))"
        case .clear(let service): return "clear \(service.word)"
        }
    }
}

/// A service `set_clear_folder_setting` / `set_clear_default_setting` clears.
public enum FolderService: String, Sendable, Hashable, CaseIterable {
    case forward, stealth, emailForwarding = "email_forwarding", dns, nameservers

    /// The word the CLI takes (`ns` for name servers, `email` for e-mail forwarding).
    public var word: String {
        switch self {
        case .nameservers: return "ns"
        case .emailForwarding: return "email"
        default: return rawValue
        }
    }

    /// From the CLI's word or the API's.
    public init?(word: String) {
        let w = word.lowercased()
        guard let found = Self.allCases.first(where: { $0.word == w || $0.rawValue == w }) else { return nil }
        self = found
    }

    public static var words: [String] { allCases.map(\.word) }
}

/// One queued change of a folder's setting: which folder, what, and whether
/// it applies to domains moved in later (`enable=yes`) and to every domain in
/// the folder now (`sync=yes`, one call for the whole folder). The folder's
/// cached domain count and the cache's age are kept for the plan's words.
public struct FolderChange: Sendable, Hashable {
    public var folderID: String
    public var folderName: String
    public var setting: FolderSetting
    public var future: Bool
    public var applyNow: Bool
    /// Domains the cache held in the folder when this was queued.
    public var cachedDomains: Int
    /// When the domain list was last synced (epoch ms), if ever.
    public var syncedAtMs: Int64?

    public init(folderID: String, folderName: String, setting: FolderSetting, future: Bool, applyNow: Bool,
                cachedDomains: Int, syncedAtMs: Int64?) {
        self.folderID = folderID
        self.folderName = folderName
        self.setting = setting
        self.future = future
        self.applyNow = applyNow
        self.cachedDomains = cachedDomains
        self.syncedAtMs = syncedAtMs
    }

    /// The outbox target: one slot per folder and kind of setting.
    public var target: String { SyncEngine.folderTarget(folderID, slot: setting.slot) }

    public var commandShape: CommandShape {
        let shape = setting.commandShape
        var parameters = [QueryParameter("folder_id", folderID)] + shape.parameters
        if case .clear = setting { return CommandShape(command: shape.command, parameters: parameters) }
        if future { parameters.append(QueryParameter("enable", "yes")) }
        if applyNow { parameters.append(QueryParameter("sync", "yes")) }
        return CommandShape(command: shape.command, parameters: parameters)
    }

    /// What the plan says: the setting, where it applies, and that it is one
    /// call whatever the folder's size. The folder itself is named by the
    /// intent's target (``TargetNames``), as the cache knows it now.
    public var planText: String {
        var parts = [setting.text]
        if case .clear = setting {
            parts.append("the folder's setting only")
        } else {
            if applyNow {
                parts.append("applied now to every domain in the folder (\(NumberText.count(cachedDomains, "domain")) in the cache) in one call")
                parts.append("domains moved into the folder elsewhere since the last sync change too")
            }
            if future { parts.append("kept for domains moved in later") }
        }
        return parts.joined(separator: "; ")
    }
}

extension SyncEngine {
    /// The outbox target of a folder's setting slot.
    public static func folderTarget(_ folderID: String, slot: String) -> String { "folder:\(folderID):\(slot)" }

    /// The folder id a folder target names; nil for other targets.
    public static func folderID(ofTarget target: String) -> String? {
        let parts = target.split(separator: ":")
        guard parts.count == 3, parts[0] == "folder" else { return nil }
        return String(parts[1])
    }

    /// The cached folders' names by id, for showing queue targets.
    public func targetNames() throws -> TargetNames {
        TargetNames(folderNames: Dictionary(try store.folders().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// How queue targets read to people: a folder-wide setting's target
/// (`folder:6:renew`) as `folder Parked`, with the folder's name as the
/// cache has it now (a folder renamed since it was queued shows its new
/// name; one the cache no longer has shows its id). Other targets are
/// domain names, which callers show by their own rules. Names are account
/// data: escape them before they reach a terminal.
public struct TargetNames: Sendable {
    let folderNames: [String: String]

    public init(folderNames: [String: String]) {
        self.folderNames = folderNames
    }

    /// `folder Parked` (`folder id 6` when the folder is gone) for a folder
    /// target; nil for a domain.
    public func folder(_ target: String) -> String? {
        guard let id = SyncEngine.folderID(ofTarget: target) else { return nil }
        return folderNames[id].map { "folder \($0)" } ?? "folder id \(id)"
    }

    /// `folder Parked` for a folder target, else the domain name (in
    /// Unicode when `unicode`), escaped for a terminal.
    public func shown(_ target: String, unicode: Bool) -> String {
        TerminalText.escaped(folder(target) ?? DomainNameDisplay.shown(target, unicode: unicode))
    }

    /// The folder's cached name for a folder target; nil for a domain or a
    /// folder the cache no longer has.
    public func folderName(_ target: String) -> String? {
        SyncEngine.folderID(ofTarget: target).flatMap { folderNames[$0] }
    }
}

extension FolderChange {
    var jsonValue: JSONValue {
        var fields: [String: JSONValue] = [
            "folder_id": .string(folderID), "folder": .string(folderName), "future": .bool(future),
            "apply_now": .bool(applyNow), "cached_domains": .number(Double(cachedDomains)),
            "synced_at_ms": syncedAtMs.map { .number(Double($0)) } ?? .null,
        ]
        switch setting {
        case .edit(let edit):
            fields["field"] = .string(edit.field.rawValue)
            fields["edit"] = edit.jsonValue
        case .hosting(let type): fields["hosting"] = .string(type)
        case .clear(let service): fields["clear"] = .string(service.rawValue)
        }
        return .object(fields)
    }

    init?(json value: JSONValue) {
        guard let id = value["folder_id"]?.text, let name = value["folder"]?.text else { return nil }
        let setting: FolderSetting
        if let type = value["hosting"]?.text {
            setting = .hosting(type)
        } else if let service = value["clear"]?.text.flatMap(FolderService.init(rawValue:)) {
            setting = .clear(service)
        } else if let field = value["field"]?.text.flatMap(IntentField.init(rawValue:)), let edit = value["edit"],
                  let decoded = Edit(field: field, encodedValue: edit.serialized()) {
            setting = .edit(decoded)
        } else {
            return nil
        }
        self.init(folderID: id, folderName: name, setting: setting, future: value["future"]?.bool ?? false,
                  applyNow: value["apply_now"]?.bool ?? false, cachedDomains: value["cached_domains"]?.int ?? 0,
                  syncedAtMs: value["synced_at_ms"]?.int.map(Int64.init))
    }
}

extension FolderSetting {
    /// Parses `ns HOST…`, `renew auto|donot|reset`, `whois --registrant ID
    /// --admin ID --technical ID --billing ID`, `parking [--no-ads]`,
    /// `forward URL [--permanent]`, `stealth URL [--title T]`,
    /// `hosting basic|advanced` — the words `folder set NAME …`, `defaults
    /// set …` and the Account pane take (DNS records come with the CLI's
    /// `--record`, parsed there).
    public static func parse(words: [String]) throws -> FolderSetting {
        guard let verb = words.first?.lowercased() else {
            throw SyncError.invalidEdit("say which setting: \(verbs.joined(separator: ", "))")
        }
        switch verb {
        case "hosting":
            guard words.count == 2, ["basic", "advanced"].contains(words[1].lowercased()) else {
                throw SyncError.invalidEdit("hosting takes one of: basic, advanced")
            }
            return .hosting(words[1].lowercased())
        case "whois":
            return .edit(try EditVerbParser.parse(words: ["contacts"] + words.dropFirst()))
        case "ns", "renew", "parking", "forward", "stealth":
            return .edit(try EditVerbParser.parse(words: words))
        case "dns":
            throw SyncError.invalidEdit("DNS records are given with --record 'HOST TYPE VALUE [PRIORITY]' on the command line")
        default:
            throw SyncError.invalidEdit("unknown setting '\(TerminalText.escaped(verb))'; use one of: \(verbs.joined(separator: ", "))")
        }
    }
}
