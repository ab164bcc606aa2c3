import Foundation

/// A domain's renewal setting. The provider reports `auto-renew`,
/// `do not renew` or `no renew option` (while `set_renew_option` takes
/// `auto` / `donot` / `reset`).
public enum RenewOption: Sendable, Hashable {
    case auto
    case doNotRenew
    /// No explicit choice (`no renew option`, i.e. the account default).
    case unset
    /// A value this version does not know, as sent.
    case other(String)

    /// Reads the listing vocabulary, the `set_renew_option` vocabulary and
    /// small variations in case and punctuation.
    public init(providerText: String) {
        // ASCII text (what the provider sends) is reduced by bytes: the
        // Unicode letter test costs ~1 µs per domain of a listing.
        let t = TextFolding.asciiLetters(providerText) ?? providerText.lowercased().filter { $0.isLetter }
        switch t {
        case "autorenew", "auto", "autorenewal": self = .auto
        case "donotrenew", "donot", "norenew", "dontrenew": self = .doNotRenew
        case "norenewoption", "reset", "none", "": self = .unset
        default: self = .other(providerText)
        }
    }

    /// The word `set_renew_option` takes for this setting, when there is one.
    public var commandValue: String? {
        switch self {
        case .auto: return "auto"
        case .doNotRenew: return "donot"
        case .unset: return "reset"
        case .other: return nil
        }
    }
}

/// WHOIS privacy as `list_domain` reports it (`full` | `partial` | `none`).
public enum PrivacyLevel: Sendable, Hashable {
    case full
    case partial
    /// No privacy (the provider says `none`; `set_privacy` takes `off`).
    case off
    case other(String)

    public init(providerText: String) {
        let word = TextFolding.isTrimmedASCII(providerText)
            ? providerText.lowercased() : providerText.trimmingCharacters(in: .whitespaces).lowercased()
        switch word {
        case "full", "on", "yes": self = .full
        case "partial": self = .partial
        case "none", "off", "no", "": self = .off
        default: self = .other(providerText)
        }
    }
}

/// The folder a domain is filed in.
public struct FolderRef: Sendable, Hashable {
    public var id: String
    public var name: String?
    public init(id: String, name: String?) {
        self.id = id
        self.name = name
    }

    /// `nil` for a missing folder or the provider's "no folder" id `-1`.
    init?(json: JSONValue?) {
        guard let json else { return nil }
        let f = FieldIndex(json)
        guard let id = f.first("FolderId", "Id")?.identifier, id != "-1" else { return nil }
        self.init(id: id, name: f.first("FolderName", "Name")?.cleanText)
    }
}

/// The four WHOIS contact ids of a domain (`nil` where not reported).
public struct WhoisContacts: Sendable, Hashable {
    public var registrant: String?
    public var admin: String?
    public var technical: String?
    public var billing: String?

    public init(registrant: String? = nil, admin: String? = nil, technical: String? = nil, billing: String? = nil) {
        self.registrant = registrant
        self.admin = admin
        self.technical = technical
        self.billing = billing
    }

    /// Reads `{Registrant: {ContactId}, …}`; a bare id instead of the inner
    /// object is accepted too. `prefix` handles `DefaultRegistrant` etc.
    init(json: JSONValue?, prefix: String = "") {
        let f = FieldIndex(json ?? .null)
        func id(_ role: String) -> String? {
            guard let node = f[prefix.isEmpty ? role : prefix + role] else { return nil }
            if case .object = node { return FieldIndex(node).first("ContactId", "Id")?.cleanText }
            return node.identifier
        }
        self.init(registrant: id("Registrant"), admin: id("Admin"), technical: id("Technical"), billing: id("Billing"))
    }
}
