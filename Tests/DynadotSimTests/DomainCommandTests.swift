import DynadotAPI
import DynadotSim
import Foundation
import Testing

@Suite("Domain commands over loopback")
struct DomainCommandTests {
    @Test func listDomainPagesAndWhole() async throws {
        try await withSim { server, client in
            let all = try await client.call("list_domain")
            #expect(all["MainDomains"]?.list.count == 300)
            let page0 = try await client.call("list_domain", [("count_per_page", "100"), ("page_index", "0")])
            let page2 = try await client.call("list_domain", [("count_per_page", "100"), ("page_index", "2")])
            let page3 = try await client.call("list_domain", [("count_per_page", "100"), ("page_index", "3")])
            #expect(page0["MainDomains"]?.list.count == 100)
            #expect(page3["MainDomains"]?.list.isEmpty == true)
            #expect(page2["MainDomains"]?.list.last?["Name"]?.text == server.domainNames().last)
            let first = try #require(page0["MainDomains"]?.list.first)
            // Shapes from the notes: epoch-ms strings, string ids, yes/no words.
            guard case .string = first["Expiration"] else { Issue.record("Expiration must be a string"); return }
            #expect(first["Whois"]?["Registrant"]?["ContactId"]?.text != nil)
            #expect(["yes", "no"].contains(first["Locked"]?.text ?? ""))
            #expect(first["Folder"]?["FolderId"]?.text != nil)
            let reply = try await client.raw("list_domain")
            #expect(reply.envelope == "ListDomainInfoResponse")
            guard case .number(0) = reply.content["ResponseCode"] else { Issue.record("list_domain code must be the number 0"); return }
        }
    }

    @Test func setNSShowsEverywhere() async throws {
        try await withSim { server, client in
            let domain = server.domainNames()[0]
            _ = try await client.call("add_ns", [("host", "ns1.newhost.example")])
            _ = try await client.call("set_ns", [("domain", domain), ("ns0", "ns1.newhost.example"), ("ns1", "ns1.hostingco.net")])
            let info = try await client.info(domain)
            #expect(info["NameServerSettings"]?["Type"]?.text == "Name Servers")
            #expect(info["NameServerSettings"]?["NameServers"]?.list.map { $0["ServerName"]?.text } == ["ns1.newhost.example", "ns1.hostingco.net"])
            let dns = try await client.call("get_dns", [("domain", domain)])
            #expect(dns["GetDns"]?["NameServerSettings"]?["Type"]?.text == "Name Servers")
            let ns = try await client.call("get_ns", [("domain", domain)])
            #expect((ns["NsContent"] ?? ns)["Host0"]?.text == "ns1.newhost.example")
            let listed = try await client.call("list_domain")["MainDomains"]?.list.first { $0["Name"]?.text == domain }
            #expect(listed?["NameServerSettings"]?["NameServers"]?.list.count == 2)
            let refused = try await client.raw("set_ns", [("domain", domain), ("ns0", "ns9.unknown.example")])
            #expect(refused.statusWord == "error")
        }
    }

    @Test func setDNS2ReplacesOrAppends() async throws {
        try await withSim { server, client in
            let domain = server.domainNames()[1]
            _ = try await client.call("set_dns2", [
                ("domain", domain), ("main_record_type0", "a"), ("main_record0", "192.0.2.1"),
                ("main_record_type1", "mx"), ("main_record1", "mx.example.net"), ("main_recordx1", "10"),
                ("main_record_type2", "txt"), ("main_record2", "v=spf1 a=b & c ~all"),
                ("subdomain0", "www"), ("sub_record_type0", "cname"), ("sub_record0", "example.net"), ("ttl", "600"),
            ])
            var settings = try await client.call("get_dns", [("domain", domain)])["GetDns"]?["NameServerSettings"]
            #expect(settings?["Type"]?.text == "Dynadot DNS")
            #expect(settings?["TTL"]?.text == "600")
            #expect(settings?["MainDomains"]?.list.map { $0["RecordType"]?.text } == ["A", "MX", "TXT"])
            #expect(settings?["MainDomains"]?.list[1]["Value2"]?.text == "10")
            #expect(settings?["MainDomains"]?.list[2]["Value"]?.text == "v=spf1 a=b & c ~all")
            #expect(settings?["SubDomains"]?.list.first?["Subhost"]?.text == "www")
            _ = try await client.call("set_dns2", [
                ("domain", domain), ("main_record_type0", "aaaa"), ("main_record0", "2001:db8::1"), ("add_dns_to_current_setting", "1"),
            ])
            settings = try await client.call("get_dns", [("domain", domain)])["GetDns"]?["NameServerSettings"]
            #expect(settings?["MainDomains"]?.list.count == 4)
            _ = try await client.call("set_dns2", [("domain", domain), ("main_record_type0", "a"), ("main_record0", "192.0.2.9")])
            settings = try await client.call("get_dns", [("domain", domain)])["GetDns"]?["NameServerSettings"]
            #expect(settings?["MainDomains"]?.list.count == 1)
            #expect(settings?["SubDomains"]?.list.isEmpty == true)
            #expect(try await client.info(domain)["NameServerSettings"]?["Type"]?.text == "Dynadot DNS")
        }
    }

    @Test func simpleSettingsAreReadBack() async throws {
        try await withSim { server, client in
            let names = server.domainNames()
            let batch = names.prefix(3).joined(separator: ",")
            _ = try await client.call("set_renew_option", [("domain", batch), ("renew_option", "donot")])
            _ = try await client.call("set_privacy", [("domain", batch), ("option", "off")])
            for name in names.prefix(3) {
                let info = try await client.info(name)
                #expect(info["RenewOption"]?.text == "do not renew")
                #expect(info["Privacy"]?.text == "none")
            }
            _ = try await client.call("set_renew_option", [("domain", names[0]), ("renew_option", "auto")])
            #expect(try await client.info(names[0])["RenewOption"]?.text == "auto-renew")
            _ = try await client.call("set_renew_option", [("domain", names[0]), ("renew_option", "reset")])
            #expect(try await client.info(names[0])["RenewOption"]?.text == "no renew option")

            let unlocked = try #require(server.domainNames { !$0.locked }.first)
            _ = try await client.call("lock_domain", [("domain", unlocked)])
            #expect(try await client.info(unlocked)["Locked"]?.text == "yes")

            _ = try await client.call("set_folder", [("domain", names[0]), ("folder", "Archive")])
            #expect(try await client.info(names[0])["Folder"]?["FolderName"]?.text == "Archive")
            _ = try await client.call("set_folder", [("domain", names[0]), ("folder", "Default")])
            #expect(try await client.info(names[0])["Folder"]?["FolderId"]?.text == "-1")

            _ = try await client.call("set_note", [("domain", names[0]), ("note", "renew & keep = yes? ünïcode")])
            #expect(try await client.info(names[0])["Note"]?.text == "renew & keep = yes? ünïcode")

            _ = try await client.call("set_whois", [
                ("domain", batch), ("registrant_contact", "1"), ("admin_contact", "2"), ("technical_contact", "1"), ("billing_contact", "0"),
            ])
            let whois = try await client.info(names[2])["Whois"]
            #expect(whois?["Admin"]?["ContactId"]?.text == "2")
            #expect(whois?["Billing"]?["ContactId"]?.text == "0")
        }
    }

    @Test func forwardingStealthParkingHostingEmailAndClear() async throws {
        try await withSim { server, client in
            let names = server.domainNames()
            _ = try await client.call("set_forwarding", [("domain", names[0]), ("forward_url", "https://example.org/a?b=c&d=e"), ("is_temp", "no")])
            var settings = try await client.info(names[0])["NameServerSettings"]
            #expect(settings?["Type"]?.text == "Forwarding")
            #expect(settings?["ForwardUrl"]?.text == "https://example.org/a?b=c&d=e")
            #expect(settings?["ForwardType"]?.text == "permanent")
            _ = try await client.call("set_clear_domain_setting", [("domain", names[0]), ("service", "forward")])
            #expect(try await client.info(names[0])["NameServerSettings"]?["Type"]?.text == "Dynadot Parking")

            _ = try await client.call("set_stealth", [("domain", names[1]), ("stealth_url", "https://example.org/"), ("stealth_title", "Shop")])
            settings = try await client.info(names[1])["NameServerSettings"]
            #expect(settings?["Type"]?.text == "Stealth Forwarding")
            #expect(settings?["StealthTitle"]?.text == "Shop")

            _ = try await client.call("set_parking", [("domain", names[1]), ("with_ads", "no")])
            settings = try await client.info(names[1])["NameServerSettings"]
            #expect(settings?["Type"]?.text == "Dynadot Parking")
            #expect(settings?["WithAds"]?.text == "No")

            _ = try await client.call("set_hosting", [("domain", names[2]), ("hosting_type", "advanced")])
            #expect(try await client.info(names[2])["NameServerSettings"]?["HostingType"]?.text == "advanced")

            _ = try await client.call("set_email_forward", [
                ("domain", names[3]), ("forward_type", "forward"), ("username0", "info"), ("exist_email0", "me@example.com"),
            ])
            var email = try await client.call("get_dns", [("domain", names[3])])["GetDns"]?["EmailSettings"]
            #expect(email?["Type"]?.text == "forward")
            #expect(email?["Entries"]?.list.first?.text == "info=me@example.com")
            _ = try await client.call("set_clear_domain_setting", [("domain", names[3]), ("service", "email_forwarding")])
            email = try await client.call("get_dns", [("domain", names[3])])["GetDns"]?["EmailSettings"]
            #expect(email == nil)
        }
    }
}
