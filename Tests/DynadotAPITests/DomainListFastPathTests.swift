import Foundation
import Testing
@testable import DynadotAPI

/// `DomainList.fastDecode` must give exactly what the generic path gives
/// (`APIResponse.parse` → `checked()` → `DomainList(_:)`), or nil so the
/// generic path runs.
@Suite("list_domain fast path")
struct DomainListFastPathTests {
    /// The generic path's page, or nil when it throws.
    static func generic(_ body: Data) -> DomainList? {
        try? DomainList(try APIResponse.parse(command: "list_domain", body: body).checked())
    }

    /// Fast result equals the generic one whenever the fast path answers.
    static func expectAgreement(_ body: Data, _ label: String) {
        guard let fast = DomainList.fastDecode(body) else { return }
        let generic = generic(body)
        #expect(generic != nil, "fast path answered a body the generic path refuses: \(label)")
        #expect(fast == generic, "\(label)")
    }

    static func page(_ domains: [String], envelope: String = #""ResponseCode": 0, "Status": "success""#) -> Data {
        Data(#"{"ListDomainInfoResponse": {\#(envelope), "MainDomains": [\#(domains.joined(separator: ","))]}}"#.utf8)
    }

    @Test("the fixtures decode identically, and the usual ones take the fast path")
    func fixtures() throws {
        for body in [FixtureBodies.listDomainExample, FixtureBodies.quirkDomainAlternateShapes] {
            let data = Data(body.utf8)
            let fast = try #require(DomainList.fastDecode(data))
            #expect(fast == Self.generic(data))
        }
        // Other envelopes and refusals are left to the generic path.
        for body in [FixtureBodies.quirkHeaderContentSplit, FixtureBodies.quirkObjectForList,
                     FixtureBodies.quirkGenericInvalidKey, FixtureBodies.quirkSystemBusy, FixtureBodies.quirkMaintenance] {
            #expect(DomainList.fastDecode(Data(body.utf8)) == nil, "\(body)")
        }
    }

    @Test("domain shapes: both name-server shapes, missing and null fields, numbers as strings, odd keys")
    func shapes() throws {
        let domains = [
            // Name servers as {ServerId, ServerName} objects, padded with empty ones.
            #"{"Name": "list.com", "Expiration": "1700000000000", "Registration": 1600000000000, "NameServerSettings": {"Type": "Name Servers", "NameServers": [{"ServerId": 1, "ServerName": "ns1.a.net"}, {"ServerId": "", "ServerName": ""}, {"ServerName": " ns2.a.net "}, {"ServerId": 3}]}}"#,
            // Plain host names, a lone string, null.
            #"{"Name": "plain.com", "NameServerSettings": {"Type": "Name Servers", "NameServers": ["ns1.b.net", "", null, 7]}}"#,
            #"{"Name": "lone.com", "NameServerSettings": {"Type": "Name Servers", "NameServers": "ns1.c.net"}}"#,
            #"{"Name": "nullns.com", "NameServerSettings": {"Type": null, "NameServers": null, "WithAds": "NO"}}"#,
            // Numbered slots, in the settings and inside a NameServers object (generic fallback).
            #"{"Name": "slots.com", "NameServerSettings": {"Type": "Name Servers", "NameServer0": "a.ns.net", "NameServer1": "", "NameServer10": "k.ns.net", "NameServer2": "b.ns.net"}}"#,
            #"{"Name": "slotobj.com", "NameServerSettings": {"Type": "Name Servers", "NameServers": {"NameServer0": "x.ns.net", "NameServer1": "y.ns.net"}}}"#,
            // Settings as a bare type text; parking with ads as a boolean.
            #"{"Name": "typeonly.com", "NameServerSettings": "Dynadot Parking"}"#,
            #"{"Name": "parked.com", "NameServerSettings": {"Type": "Dynadot Parking", "WithAds": true}}"#,
            // Missing and null fields, booleans in every spelling, numbers as text.
            #"{"Name": "bare.com"}"#,
            #"{"Name": "nulls.com", "Expiration": null, "Locked": null, "Whois": null, "Folder": null, "Note": null, "Privacy": null}"#,
            #"{"Name": "flags.com", "Locked": "Yes", "Disabled": "YES", "UdrpLocked": 1, "RegistrantUnverified": "true", "Hold": false, "isForSale": "no", "Expiration": " 1700000000000 ", "Registration": "1.6e12"}"#,
            // Whois: bare ids, null roles, null ids, numbers; folders in every shape.
            #"{"Name": "whois.com", "Whois": {"Registrant": 5, "Admin": {"ContactId": null}, "Technical": {}, "Billing": {"ContactId": " 9 "}}, "Folder": {"FolderId": 4, "FolderName": " Clients "}}"#,
            #"{"Name": "folder.com", "Folder": {"FolderId": "-1", "FolderName": "(no folder)"}, "Whois": "none"}"#,
            #"{"Name": "folder2.com", "Folder": "Clients", "Status": " active "}"#,
            #"{"Name": "folder3.com", "Folder": {"FolderId": "", "FolderName": "x"}, "Whois": {"Registrant": {"Id": "3"}}}"#,
            // Names from other keys, empty and spaced names, no name at all.
            #"{"DomainName": "other.com"}"#,
            #"{"Domain": "third.com", "Name": null}"#,
            #"{"Name": "", "DomainName": "shadowed.com"}"#,
            #"{"Name": "  spaced.com  "}"#,
            #"{"Expiration": "1700000000000"}"#,
            // Escapes in values and keys, a trailing-colon key, other spellings, unmodelled fields, duplicates.
            #"{"Name": "esc\u0061ped.com", "Note": "line\nbreak \"quoted\" \u00e9"}"#,
            #"{"N\u0061me": "escapedkey.com"}"#,
            #"{"Name: ": "colon.com"}"#,
            #"{"name": "lower.com", "LOCKED": "yes"}"#,
            #"{"Name": "extra.com", "BrandNewField": {"a": [1, 2]}, "Note2: ": "x"}"#,
            #"{"Name": "dup.com", "Name": "dup2.com", "Locked": "yes", "Locked": "no"}"#,
            #"{"Name": "münchen.de", "Note": "ünïcödé"}"#,
            // Entries that are not objects.
            #"null"#, #""text""#, #"42"#, #"[]"#, #"{}"#,
        ]
        let data = Self.page(domains)
        let fast = try #require(DomainList.fastDecode(data))
        #expect(fast == Self.generic(data))
        #expect(fast.domains.count > 20)
        // One domain at a time, so a mismatch names its shape.
        for domain in domains {
            let one = Self.page([domain])
            #expect(DomainList.fastDecode(one) != nil, "\(domain)")
            Self.expectAgreement(one, domain)
        }
    }

    @Test("envelope variants: code as text, status case, BOM and whitespace, empty list, unusual keys")
    func envelopes() {
        let domain = #"{"Name": "a.com"}"#
        let usual: [Data] = [
            Self.page([domain], envelope: #""ResponseCode": "0", "Status": "Success""#),
            Self.page([domain], envelope: #""Status": "success""#),
            Self.page([domain], envelope: #""ResponseCode": 0"#),
            Self.page([], envelope: #""ResponseCode": 0, "Status": "success""#),
            Data(("\u{FEFF} \n" + String(decoding: Self.page([domain]), as: UTF8.self) + "\n").utf8),
        ]
        for body in usual {
            #expect(DomainList.fastDecode(body) != nil)
            Self.expectAgreement(body, String(decoding: body, as: UTF8.self))
        }
        let unusual: [Data] = [
            Self.page([domain], envelope: #""ResponseCode": 5, "Status": "system_busy""#),
            Self.page([domain], envelope: #""ResponseCode": "-1", "Error": "invalid key""#),
            Self.page([domain], envelope: #""ResponseCode: ": 0, "Status": "success""#),
            Self.page([domain], envelope: #""ResponseCode": 0, "Status": "success", "Extra": 1"#),
            Data(#"{"ListDomainInfoResponse": {"ResponseCode": 0, "Status": "success", "MainDomains": ""}}"#.utf8),
            Data(#"{"ListDomainInfoResponse": {"ResponseCode": 0, "Status": "success"}}"#.utf8),
            Data(#"{"ListDomainInfoResponse": {"ResponseCode": 0, "MainDomains": []}, "Other": 1}"#.utf8),
            Data(#"{"Response": {"ResponseCode": 0, "MainDomains": []}}"#.utf8),
            Data(#"{"ListDomainInfoResponse": {"ResponseCode": 0, "MainDomains": [{"Name": "a.com"}]}"#.utf8),
        ]
        for body in unusual {
            #expect(DomainList.fastDecode(body) == nil, "\(String(decoding: body, as: UTF8.self))")
        }
    }

    @Test("mutated pages: whenever the fast path answers, it agrees with the generic path")
    func mutatedPages() {
        var rng = DecodingFuzzRandom(seed: 0x0FA5_7DEC_0DE5_2026)
        let sources = [FixtureBodies.listDomainExample, FixtureBodies.quirkDomainAlternateShapes].map { Array($0.utf8) }
        var answered = 0
        for iteration in 0..<4_000 {
            let body = Data(DecodingFuzzTests.mutate(sources[iteration % sources.count], &rng))
            if DomainList.fastDecode(body) != nil { answered += 1 }
            Self.expectAgreement(body, "iteration \(iteration)")
        }
        #expect(answered > 0)
    }

    @Test("nesting deeper than the limit inside a domain is refused as on the generic path")
    func nesting() {
        let deep = String(repeating: "[", count: JSONValue.maximumNestingDepth) + String(repeating: "]", count: JSONValue.maximumNestingDepth)
        let body = Self.page([#"{"Name": "deep.com", "Note": \#(deep)}"#])
        #expect(DomainList.fastDecode(body) == nil)
        #expect(Self.generic(body) == nil)
    }
}
