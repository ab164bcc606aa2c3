import Foundation

extension DomainList {
    /// Decodes a successful `list_domain` body straight from its bytes, or
    /// returns `nil` when the body is anything but the usual JSON page; the
    /// caller then takes the generic path (`APIResponse.parse`, `checked()`,
    /// `DomainList(_:)`), which handles every quirk and throws the right error.
    ///
    /// A full sync reads 100k domains: the generic path builds a dictionary
    /// per object (a domain has six: its fields, `Whois` and its four roles,
    /// `Folder`, plus one per name server) and then looks fields up in them.
    /// This path matches the usual key spellings against the bytes and keeps
    /// only the leaf values, which it reads with the generic parser and turns
    /// into fields with the same accessors (`DomainRecord.init(leaves:…)`),
    /// so the two paths agree by construction. A domain object with any
    /// other key (another spelling, an escaped key, a field not modelled,
    /// numbered name-server slots) is parsed again from its first byte by
    /// the generic path, so one odd domain costs only itself.
    public static func fastDecode(_ body: Data) -> DomainList? {
        body.withUnsafeBytes { raw -> DomainList? in
            var parser = JSONByteParser(raw.bindMemory(to: UInt8.self))
            return try? parser.listDomainPage()
        }
    }
}

/// Thrown inside the fast path when an object has a shape it does not read;
/// caught where that object began.
private struct UnusualShape: Error {}

extension JSONByteParser {
    /// `{"ListDomainInfoResponse":{"ResponseCode":…,"Status":…,"MainDomains":[…]}}`
    /// and nothing else; `nil` for any other envelope, key or a refusal.
    mutating func listDomainPage() throws -> DomainList? {
        if count >= 3, byte(0) == 0xEF, byte(1) == 0xBB, byte(2) == 0xBF { pos = 3 }
        skipWhitespace()
        guard try openObject(), let envelope = try nextKey(), keyIs(envelope, "ListDomainInfoResponse") else { return nil }
        guard pos < count, byte(pos) == UInt8(ascii: "{") else { return nil }
        var code: JSONValue?, status: JSONValue?, errorText: JSONValue?
        var domains: [DomainRecord]?
        var skipped = 0
        if try openObject() {
            repeat {
                guard let key = try nextKey() else { return nil }
                if keyIs(key, "ResponseCode") {
                    code = try leaf(depth: 2)
                } else if keyIs(key, "Status") {
                    status = try leaf(depth: 2)
                } else if keyIs(key, "Error") {
                    errorText = try leaf(depth: 2)
                } else if keyIs(key, "MainDomains"), domains == nil, pos < count, byte(pos) == UInt8(ascii: "[") {
                    var list: [DomainRecord] = []
                    list.reserveCapacity(1000)
                    if try openArray() {
                        repeat {
                            if let record = try domainEntry() { list.append(record) } else { skipped += 1 }
                        } while try afterElement()
                    }
                    domains = list
                } else {
                    return nil
                }
            } while try afterMember()
        }
        // The top-level object holds the envelope alone.
        skipWhitespace()
        guard pos < count, byte(pos) == UInt8(ascii: "}") else { return nil }
        pos += 1
        skipWhitespace()
        guard pos == count, let domains else { return nil }
        let header = APIResponse(command: "list_domain", envelope: "ListDomainInfoResponse", code: code?.int,
                                 status: status?.nonEmptyText?.lowercased(), errorText: errorText?.nonEmptyText,
                                 content: .null)
        guard header.isSuccess else { return nil }
        return DomainList(domains: domains, skippedEntries: skipped)
    }

    /// One element of `MainDomains`: read from the bytes when it has the
    /// usual shape, else parsed generically from its first byte.
    private mutating func domainEntry() throws -> DomainRecord? {
        let start = pos
        if pos < count, byte(pos) == UInt8(ascii: "{") {
            do {
                return try domainObject()
            } catch is UnusualShape {
                pos = start
            }
        }
        depth = 3
        return DomainRecord(json: try parseValue())
    }

    /// A domain object (nesting depth 4) with the provider's usual keys only.
    private mutating func domainObject() throws -> DomainRecord? {
        var l = DomainLeaves()
        var settings: NameServerSettings?
        var whois = WhoisContacts()
        var folder: FolderRef?
        if try openObject() {
            repeat {
                guard let key = try nextKey() else { throw UnusualShape() }
                let level = 4
                switch key.count {
                case 4:
                    if keyIs(key, "Name") { l.name = try leaf(depth: level) }
                    else if keyIs(key, "Note") { l.note = try leaf(depth: level) }
                    else if keyIs(key, "Hold") { l.hold = try leaf(depth: level) }
                    else { throw UnusualShape() }
                case 5:
                    if keyIs(key, "Whois") { whois = try whoisValue() } else { throw UnusualShape() }
                case 6:
                    if keyIs(key, "Locked") { l.locked = try leaf(depth: level) }
                    else if keyIs(key, "Folder") { folder = try folderValue() }
                    else if keyIs(key, "Status") { l.status = try leaf(depth: level) }
                    else if keyIs(key, "Domain") { l.domain = try leaf(depth: level) }
                    else { throw UnusualShape() }
                default:
                    if keyIs(key, "Expiration") { l.expiration = try leaf(depth: level) }
                    else if keyIs(key, "Registration") { l.registration = try leaf(depth: level) }
                    else if keyIs(key, "NameServerSettings") { settings = try settingsValue() }
                    else if keyIs(key, "Disabled") { l.disabled = try leaf(depth: level) }
                    else if keyIs(key, "UdrpLocked") { l.udrpLocked = try leaf(depth: level) }
                    else if keyIs(key, "RegistrantUnverified") { l.registrantUnverified = try leaf(depth: level) }
                    else if keyIs(key, "Privacy") { l.privacy = try leaf(depth: level) }
                    else if keyIs(key, "isForSale") { l.isForSale = try leaf(depth: level) }
                    else if keyIs(key, "RenewOption") { l.renewOption = try leaf(depth: level) }
                    else if keyIs(key, "DomainName") { l.domainName = try leaf(depth: level) }
                    else { throw UnusualShape() }
                }
            } while try afterMember()
        }
        return DomainRecord(leaves: l, settings: settings, whois: whois, folder: folder, extra: [:])
    }

    /// `NameServerSettings` with `Type`, `WithAds` and a `NameServers` list;
    /// what `DomainRecord.settings(_:)` makes of the same node.
    private mutating func settingsValue() throws -> NameServerSettings? {
        guard pos < count, byte(pos) == UInt8(ascii: "{") else { return DomainRecord.settings(try leaf(depth: 4)) }
        var type: JSONValue?, withAds: JSONValue?
        var servers: [String] = []
        if try openObject() {
            repeat {
                guard let key = try nextKey() else { throw UnusualShape() }
                if keyIs(key, "Type") {
                    type = try leaf(depth: 5)
                } else if keyIs(key, "WithAds") {
                    withAds = try leaf(depth: 5)
                } else if keyIs(key, "NameServers") {
                    servers = try serverList()
                } else {
                    throw UnusualShape()
                }
            } while try afterMember()
        }
        return NameServerSettings(type: type?.cleanText ?? "", nameServers: servers, withAds: withAds?.flag)
    }

    /// `NameServers`: `{ServerId, ServerName}` objects (empty ones pad the
    /// slots) or plain host names; `NameServerSettings.hostName` per item.
    private mutating func serverList() throws -> [String] {
        guard pos < count, byte(pos) == UInt8(ascii: "[") else {
            // An object here holds numbered slots: the generic path reads those.
            if pos < count, byte(pos) == UInt8(ascii: "{") { throw UnusualShape() }
            return try leaf(depth: 5).map { $0.list.compactMap(NameServerSettings.hostName) } ?? []
        }
        var hosts: [String] = []
        guard try openArray() else { return hosts }
        repeat {
            if pos < count, byte(pos) == UInt8(ascii: "{") {
                var serverName: JSONValue?
                if try openObject() {
                    repeat {
                        guard let key = try nextKey() else { throw UnusualShape() }
                        if keyIs(key, "ServerName") { serverName = try leaf(depth: 7) }
                        else if keyIs(key, "ServerId") { _ = try leaf(depth: 7) }
                        else { throw UnusualShape() }
                    } while try afterMember()
                }
                if let host = serverName?.cleanText { hosts.append(host) }
            } else {
                depth = 6
                if let host = NameServerSettings.hostName(try parseValue()) { hosts.append(host) }
            }
        } while try afterElement()
        return hosts
    }

    /// `Whois.{Registrant,Admin,Technical,Billing}.ContactId` (or a bare id
    /// per role); what `WhoisContacts(json:)` reads.
    private mutating func whoisValue() throws -> WhoisContacts {
        guard pos < count, byte(pos) == UInt8(ascii: "{") else {
            _ = try leaf(depth: 4)
            return WhoisContacts()
        }
        var whois = WhoisContacts()
        if try openObject() {
            repeat {
                guard let key = try nextKey() else { throw UnusualShape() }
                let id = try contactID()
                if keyIs(key, "Registrant") { whois.registrant = id }
                else if keyIs(key, "Admin") { whois.admin = id }
                else if keyIs(key, "Technical") { whois.technical = id }
                else if keyIs(key, "Billing") { whois.billing = id }
                else { throw UnusualShape() }
            } while try afterMember()
        }
        return whois
    }

    private mutating func contactID() throws -> String? {
        guard pos < count, byte(pos) == UInt8(ascii: "{") else { return try leaf(depth: 5)?.identifier }
        var id: JSONValue?
        if try openObject() {
            repeat {
                guard let key = try nextKey(), keyIs(key, "ContactId") else { throw UnusualShape() }
                id = try leaf(depth: 6)
            } while try afterMember()
        }
        return id?.cleanText
    }

    /// `Folder.{FolderId, FolderName}`; what `FolderRef(json:)` reads.
    private mutating func folderValue() throws -> FolderRef? {
        guard pos < count, byte(pos) == UInt8(ascii: "{") else {
            _ = try leaf(depth: 4)
            return nil
        }
        var id: JSONValue?, name: JSONValue?
        if try openObject() {
            repeat {
                guard let key = try nextKey() else { throw UnusualShape() }
                if keyIs(key, "FolderId") { id = try leaf(depth: 5) }
                else if keyIs(key, "FolderName") { name = try leaf(depth: 5) }
                else { throw UnusualShape() }
            } while try afterMember()
        }
        guard let folderID = id?.identifier, folderID != "-1" else { return nil }
        return FolderRef(id: folderID, name: name?.cleanText)
    }

    // MARK: - Structure

    /// A value read by the generic parser as if nested in `depth` containers
    /// (the nesting limit then applies as on the generic path); null is nil,
    /// as `DomainFields` and `FieldIndex` treat it.
    private mutating func leaf(depth level: Int) throws -> JSONValue? {
        depth = level
        let value = try parseValue()
        return value == .null ? nil : value
    }

    /// At `{`: consumes it; false when the object is empty (`}` consumed too).
    private mutating func openObject() throws -> Bool {
        guard pos < count, byte(pos) == UInt8(ascii: "{") else { throw fail("expected '{'") }
        pos += 1
        skipWhitespace()
        if pos < count, byte(pos) == UInt8(ascii: "}") {
            pos += 1
            return false
        }
        return true
    }

    /// At `[`: consumes it; false when the array is empty.
    private mutating func openArray() throws -> Bool {
        guard pos < count, byte(pos) == UInt8(ascii: "[") else { throw fail("expected '['") }
        pos += 1
        skipWhitespace()
        if pos < count, byte(pos) == UInt8(ascii: "]") {
            pos += 1
            return false
        }
        return true
    }

    /// Reads `"key" :` and leaves `pos` at the value. Returns the raw bytes
    /// of the key, or nil for a key with an escape (never a usual spelling).
    private mutating func nextKey() throws -> Range<Int>? {
        skipWhitespace()
        guard pos < count, byte(pos) == UInt8(ascii: "\"") else { throw fail("expected a string key") }
        pos += 1
        let start = pos
        while pos < count, byte(pos) != UInt8(ascii: "\"") {
            if byte(pos) == UInt8(ascii: "\\") { return nil }
            pos += 1
        }
        guard pos < count else { throw fail("unterminated string") }
        let key = start..<pos
        pos += 1
        skipWhitespace()
        guard pos < count, byte(pos) == UInt8(ascii: ":") else { throw fail("expected ':' after key") }
        pos += 1
        skipWhitespace()
        return key
    }

    /// After a member: true at `,` (another follows), false at `}`.
    private mutating func afterMember() throws -> Bool {
        skipWhitespace()
        guard pos < count else { throw fail("unexpected end of input in object") }
        defer { pos += 1 }
        switch byte(pos) {
        case UInt8(ascii: ","): return true
        case UInt8(ascii: "}"): return false
        default: throw fail("expected ',' or '}'")
        }
    }

    /// After an element: true at `,`, false at `]`; leaves `pos` at the next value.
    private mutating func afterElement() throws -> Bool {
        skipWhitespace()
        guard pos < count else { throw fail("unexpected end of input in array") }
        switch byte(pos) {
        case UInt8(ascii: ","):
            pos += 1
            skipWhitespace()
            return true
        case UInt8(ascii: "]"):
            pos += 1
            return false
        default: throw fail("expected ',' or ']'")
        }
    }

    /// Whether the raw key bytes are exactly `spelling`.
    private func keyIs(_ key: Range<Int>, _ spelling: StaticString) -> Bool {
        guard key.count == spelling.utf8CodeUnitCount, let start = bytes.baseAddress else { return false }
        return memcmp(start + key.lowerBound, spelling.utf8Start, key.count) == 0
    }
}
