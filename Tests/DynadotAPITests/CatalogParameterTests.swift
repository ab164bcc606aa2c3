import Testing
@testable import DynadotAPI

/// Spot checks of parameter lists against the reference's tables, written as
/// `name` (optional), `name!` (required), `base0–base19` for families.
@Suite struct CatalogParameterTests {
    private func shape(_ command: String) throws -> [String] {
        let spec = try #require(CommandCatalog.spec(named: command))
        return spec.parameters.map { $0.displayName + ($0.isRequired ? "!" : "") }
    }

    @Test func setNameServers() throws {
        #expect(try shape("set_ns") == ["domain!", "ns0–ns12!"])
        #expect(CommandCatalog.spec(named: "set_ns")?.domainParameter == .list("domain", separator: ","))
    }

    @Test func setDNS2() throws {
        #expect(try shape("set_dns2") == [
            "domain!",
            "main_record_type0–main_record_type19", "main_record0–main_record19", "main_recordx0–main_recordx19",
            "subdomain0–subdomain99", "sub_record_type0–sub_record_type99", "sub_record0–sub_record99",
            "sub_recordx0–sub_recordx99", "ttl", "add_dns_to_current_setting",
        ])
    }

    @Test func renew() throws {
        #expect(try shape("renew") == [
            "domain!", "duration!", "year", "currency", "price_check", "coupon",
            "no_renew_if_late_renew_fee_needed",
        ])
    }

    @Test func register() throws {
        #expect(try shape("register") == [
            "domain!", "language", "duration!", "registrant_contact", "admin_contact",
            "technical_contact", "billing_contact", "option0–option1", "premium", "currency", "coupon",
        ])
    }

    @Test func listDomain() throws {
        #expect(try shape("list_domain") == ["customer_id", "count_per_page", "page_index", "sort"])
        #expect(CommandCatalog.spec(named: "list_domain")?.domainParameter == DomainParameter.none)
    }

    @Test func setForSale() throws {
        #expect(try shape("set_for_sale") == [
            "domains!", "for_sale_type!", "listing_type", "price", "minimum_offer", "installment",
            "maximum_installments", "category", "sub_category", "description",
        ])
        #expect(CommandCatalog.spec(named: "set_for_sale")?.domainParameter == .single("domains"))
    }

    @Test func search() throws {
        #expect(try shape("search") == ["domain0–domain99!", "language0–language99", "show_price", "currency"])
        #expect(CommandCatalog.spec(named: "search")?.domainParameter == .indexed("domain", 0...99))
    }

    @Test func setWhois() throws {
        #expect(try shape("set_whois") == [
            "domain!", "registrant_contact!", "admin_contact!", "technical_contact!", "billing_contact!",
        ])
    }

    @Test func createContact() throws {
        #expect(try shape("create_contact") == [
            "organization", "name!", "email!", "phonenum!", "phonecc!", "faxnum", "faxcc",
            "address1!", "address2", "city!", "state", "zip!", "country!",
        ])
        #expect(try shape("edit_contact") == ["contact_id!"] + shape("create_contact"))
    }

    @Test func commandsWithoutParameters() throws {
        for name in ["contact_list", "server_list", "account_info", "get_account_balance", "folder_list",
                     "is_processing", "get_domain_push_request", "transfer_domain_list"] {
            #expect(try shape(name).isEmpty, "\(name)")
        }
    }

    @Test func familyMembersResolveToTheirFamilyOnlyInRange() throws {
        let spec = try #require(CommandCatalog.spec(named: "set_dns2"))
        #expect(spec.parameter(named: "main_recordx19")?.name == "main_recordx")
        #expect(spec.parameter(named: "main_record19")?.name == "main_record")
        #expect(spec.parameter(named: "sub_record_type99")?.name == "sub_record_type")
        #expect(spec.parameter(named: "main_record20") == nil)
        #expect(spec.parameter(named: "main_record07") == nil)
        #expect(spec.parameter(named: "main_record") == nil)
        // A plain parameter wins over a family look-alike.
        let legacy = try #require(CommandCatalog.spec(named: "set_folder_dns"))
        #expect(legacy.parameter(named: "main_record2")?.isFamily == false)
    }
}
