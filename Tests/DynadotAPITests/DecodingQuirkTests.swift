import Foundation
import Testing
@testable import DynadotAPI

/// One test per quirk in dynadot-api3-notes.md that concerns a typed value
/// (envelope and refusal quirks live in DecodingEnvelopeTests).
@Suite struct DecodingQuirkTests {
    private func domains() throws -> [DomainRecord] {
        try DomainList(decodeFixture("list_domain", FixtureBodies.quirkDomainAlternateShapes)).domains
    }

    @Test func nameServersAsListOfObjects() throws {
        let settings = try domains()[0].nameServerSettings
        #expect(settings?.type == "Name Servers")
        #expect(settings?.nameServers == ["ns1.host.net", "ns2.host.net"])
    }

    @Test func nameServersAsNumberedSlotsPaddedWithEmptyStrings() throws {
        let settings = try domains()[1].nameServerSettings
        #expect(settings?.nameServers == ["a.ns.net", "b.ns.net", "k.ns.net"])
        #expect(settings?.extra.isEmpty == true)
    }

    @Test func numbersWhereStringsAreUsualAndViceVersa() throws {
        let d = try domains()[0]
        #expect(d.expirationMs == 1_700_000_000_000)
        #expect(d.registrationMs == 1_600_000_000_000)
        #expect(d.whois.registrant == "7")
        #expect(d.whois.admin == "8")
        #expect(d.whois.technical == nil)
        #expect(d.folder == FolderRef(id: "3", name: "Clients"))
    }

    @Test func yesInAnyCaseAndEnumsFromListingVocabulary() throws {
        let d = try domains()
        #expect(d[0].locked == true)
        #expect(d[0].disabled == false)
        #expect(d[0].isForSale == true)
        #expect(d[0].privacy == .full)
        #expect(d[0].renewOption == .auto)
        #expect(d[1].privacy == .partial)
        #expect(d[1].renewOption == .doNotRenew)
    }

    @Test func unknownFieldsAreKeptAndStrayColonKeysNormalised() throws {
        let d = try domains()[0]
        #expect(d.status == "active")
        #expect(d.note == "keep: renews & pays")
        #expect(d.extra["BrandNewField"] == .object(["a": .number(1)]))
        #expect(d.extra["Note2"] == .string("x"))
    }

    @Test func missingOptionalFieldsAreNilAndNamelessEntriesSkipped() throws {
        let list = try DomainList(decodeFixture("list_domain", FixtureBodies.quirkDomainAlternateShapes))
        #expect(list.domains.count == 3)
        #expect(list.skippedEntries == 1)
        #expect(list.domains[2] == DomainRecord(name: "bare.com"))
    }

    @Test func objectWhereAOneElementListIsExpected() throws {
        let list = try DomainList(decodeFixture("list_domain", FixtureBodies.quirkObjectForList))
        #expect(list.domains.map(\.name) == ["only.com"])
        let contacts = try ContactList(decodeFixture("contact_list",
            #"{"ContactListResponse": {"ResponseCode": "0", "Status": "success", "ContactList": {"ContactId": 5, "Name": "Solo"}}}"#))
        #expect(contacts.contacts == [Contact(id: "5", name: "Solo")])
        let info = try DomainRecord(decodeFixture("domain_info",
            #"{"DomainInfoResponse": {"ResponseCode": 0, "Status": "success", "DomainInfo": [{"Name": "listed.com"}]}}"#))
        #expect(info == DomainRecord(name: "listed.com"))
    }

    @Test func dnsRecordTypesComeBackUpperCase() throws {
        let dns = try DnsSettings(decodeFixture("get_dns", FixtureBodies.quirkDnsRecords))
        #expect(dns.type == "Dynadot DNS")
        #expect(dns.ttl == 3600)
        #expect(dns.mainRecords == [
            DnsRecord(type: "A", value: "192.0.2.10"),
            DnsRecord(type: "MX", value: "mx.example.com", value2: "10"),
        ])
        #expect(dns.subRecords == [
            DnsRecord(subhost: "www", type: "CNAME", value: "example.com"),
            DnsRecord(subhost: "_dmarc", type: "TXT", value: "v=DMARC1; p=none"),
        ])
    }

    @Test func essentialFieldsMissingAreMalformed() {
        let ok = #"{"XResponse": {"ResponseCode": 0, "Status": "success"}}"#
        let decoders: [(String, (APIResponse) throws -> Void)] = [
            ("list_domain", { _ = try DomainList($0) }), ("domain_info", { _ = try DomainRecord($0) }),
            ("get_dns", { _ = try DnsSettings($0) }), ("contact_list", { _ = try ContactList($0) }),
            ("get_contact", { _ = try Contact($0) }), ("order_list", { _ = try OrderList($0) }),
            ("get_order_status", { _ = try OrderStatusResult($0) }), ("folder_list", { _ = try FolderList($0) }),
            ("server_list", { _ = try ServerList($0) }), ("get_ns", { _ = try DomainNameServers($0) }),
            ("account_info", { _ = try AccountInfo($0) }), ("get_account_balance", { _ = try AccountBalances($0) }),
            ("tld_price", { _ = try TLDPriceList($0) }), ("get_listings", { _ = try MarketplaceListings($0) }),
            ("get_listing_item", { _ = try MarketplaceListing($0) }), ("search", { _ = try SearchResults($0) }),
            ("is_processing", { _ = try ProcessingStatus($0) }), ("renew", { _ = try RenewResult($0) }),
            ("register", { _ = try RegisterResult($0) }),
            ("transfer_domain_list", { _ = try TransferOutDomainList($0) }),
            ("get_transfer_status", { _ = try TransferStatusList($0) }),
        ]
        for (command, decode) in decoders {
            let error = decodingFailure { try decode(decodeFixture(command, ok)) }
            #expect(error?.code == "malformed_response", "\(command)")
        }
        #expect(decodingFailure { _ = try GenericResult(decodeFixture("set_note", ok)) } == nil)
    }
}
