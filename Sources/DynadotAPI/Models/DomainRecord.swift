import Foundation

/// One domain as `list_domain` and `domain_info` report it. Every field but
/// `name` may be missing on some domains, so they are optional; fields this
/// type does not model are kept in `extra`.
public struct DomainRecord: Sendable, Equatable {
    public var name: String
    /// Expiry, epoch milliseconds.
    public var expirationMs: Int64?
    /// Registration, epoch milliseconds.
    public var registrationMs: Int64?
    public var nameServerSettings: NameServerSettings?
    public var whois: WhoisContacts
    public var locked: Bool?
    public var disabled: Bool?
    public var udrpLocked: Bool?
    public var registrantUnverified: Bool?
    public var hold: Bool?
    public var privacy: PrivacyLevel?
    public var isForSale: Bool?
    public var renewOption: RenewOption?
    /// The note, `nil` when empty.
    public var note: String?
    /// `nil` when the domain is in no folder (`FolderId` `-1`).
    public var folder: FolderRef?
    /// A per-domain status word, when the provider sends one.
    public var status: String?
    public var extra: [String: JSONValue]

    public init(name: String, expirationMs: Int64? = nil, registrationMs: Int64? = nil,
                nameServerSettings: NameServerSettings? = nil, whois: WhoisContacts = WhoisContacts(),
                locked: Bool? = nil, disabled: Bool? = nil, udrpLocked: Bool? = nil,
                registrantUnverified: Bool? = nil, hold: Bool? = nil, privacy: PrivacyLevel? = nil,
                isForSale: Bool? = nil, renewOption: RenewOption? = nil, note: String? = nil,
                folder: FolderRef? = nil, status: String? = nil, extra: [String: JSONValue] = [:]) {
        self.name = name
        self.expirationMs = expirationMs
        self.registrationMs = registrationMs
        self.nameServerSettings = nameServerSettings
        self.whois = whois
        self.locked = locked
        self.disabled = disabled
        self.udrpLocked = udrpLocked
        self.registrantUnverified = registrantUnverified
        self.hold = hold
        self.privacy = privacy
        self.isForSale = isForSale
        self.renewOption = renewOption
        self.note = note
        self.folder = folder
        self.status = status
        self.extra = extra
    }

    /// Reads one domain object; `nil` when it carries no name.
    public init?(json: JSONValue) {
        let f = DomainFields(json)
        guard let name = (f[.name] ?? f[.domainName] ?? f[.domain])?.cleanText else { return nil }
        let settings = f[.nameServerSettings].flatMap { node -> NameServerSettings? in
            if case .object = node { return NameServerSettings(json: node) }
            return node.nonEmptyText.map { NameServerSettings(type: $0) }
        }
        self.init(
            name: name,
            expirationMs: f[.expiration]?.fastMilliseconds,
            registrationMs: f[.registration]?.fastMilliseconds,
            nameServerSettings: settings,
            whois: WhoisContacts(json: f[.whois]),
            locked: f[.locked]?.flag,
            disabled: f[.disabled]?.flag,
            udrpLocked: f[.udrpLocked]?.flag,
            registrantUnverified: f[.registrantUnverified]?.flag,
            hold: f[.hold]?.flag,
            privacy: f[.privacy]?.text.map(PrivacyLevel.init(providerText:)),
            isForSale: f[.isForSale]?.flag,
            renewOption: f[.renewOption]?.text.map(RenewOption.init(providerText:)),
            note: f[.note]?.cleanText,
            folder: FolderRef(json: f[.folder]),
            status: f[.status]?.cleanText,
            extra: f.extra)
    }

    /// Decodes a `domain_info` answer (`DomainInfo` object, or the domain
    /// fields directly in the content).
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        // `DomainInfo` may also come as a one-element list.
        let node = checked.firstList([["DomainInfo"], ["DomainInfoList", "DomainInfo"]])?.first ?? checked.content
        guard let record = DomainRecord(json: node) else { throw checked.missing("domain Name") }
        self = record
    }
}

/// A `list_domain` page.
public struct DomainList: Sendable, Equatable {
    public var domains: [DomainRecord]
    /// Entries dropped because they carried no domain name.
    public var skippedEntries: Int

    public init(domains: [DomainRecord], skippedEntries: Int = 0) {
        self.domains = domains
        self.skippedEntries = skippedEntries
    }

    /// Reads `MainDomains` (JSON form) or `DomainInfoList.DomainInfo` (XML
    /// nesting). An answer with no list at all is malformed rather than an
    /// empty account, so a sync never mistakes a bad page for deletions.
    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["MainDomains"], ["DomainInfoList", "DomainInfo"], ["DomainInfoList"], ["Domains"]]) else {
            throw checked.missing("MainDomains")
        }
        let domains = items.compactMap(DomainRecord.init(json:))
        self.init(domains: domains, skippedEntries: items.count - domains.count)
    }
}
