import Testing
@testable import DynadotAPI

/// Every command in `dynadot-api3-reference.txt`, with the domain limit its
/// section states and whether it spends money.
///
/// Derived from the reference (tests run on clean clones without it):
/// `grep -o 'command=[a-z_0-9]*' dynadot-api3-reference.txt | sort -u` gives 96
/// names; the seven sections whose examples lost `command=` (renew,
/// get_auction_details, get_expired_closeout_domains,
/// buy_expired_closeout_domain, set_afternic_confirm_action,
/// set_sedo_confirm_action, get_order_status) were mapped from their
/// "… Command" headings. Limits come from each section's text: "100 domains
/// can be set per request" / "(Max:100)" / "maximum 100 domains" → 100,
/// "only 1 domain … per request" → 1. Lists whose maximum the reference leaves
/// open (push, set_domain_push_request, get_auction_details) use 100, the
/// provider's batch size elsewhere.
private let referenceCommands: [(name: String, limit: DomainLimit, money: Bool)] = [
    // Domains
    ("search", .upTo(100), false), ("register", .one, true), ("delete", .one, false),
    ("renew", .one, true), ("push", .upTo(100), false), ("transfer", .one, true),
    ("bulk_register", .upTo(100), true), ("domain_info", .one, false),
    ("set_whois", .upTo(100), false), ("set_ns", .upTo(100), false),
    ("set_parking", .upTo(100), false), ("set_forwarding", .upTo(100), false),
    ("set_stealth", .upTo(100), false), ("set_hosting", .upTo(100), false),
    ("set_dns2", .upTo(100), false), ("set_dnssec", .one, false),
    ("set_email_forward", .upTo(100), false), ("set_clear_domain_setting", .upTo(100), false),
    ("set_folder", .one, false), ("set_note", .one, false),
    ("set_customer_id", .upTo(100), false), ("set_renew_option", .upTo(100), false),
    ("set_privacy", .upTo(100), false), ("tld_price", .none, false),
    ("list_domain", .none, false), ("lock_domain", .one, false),
    ("cancel_transfer", .one, false), ("get_transfer_status", .one, false),
    ("set_transfer_auth_code", .one, false), ("authorize_transfer_away", .one, false),
    ("get_transfer_auth_code", .one, false), ("get_domain_push_request", .none, false),
    ("set_domain_push_request", .upTo(100), false),
    // Contacts
    ("create_cn_audit", .none, false), ("get_cn_audit_status", .none, false),
    ("create_contact", .none, false), ("edit_contact", .none, false),
    ("delete_contact", .none, false), ("contact_list", .none, false),
    ("get_contact", .none, false), ("set_contact_eu_setting", .none, false),
    ("set_contact_lv_setting", .none, false),
    // Name servers
    ("get_ns", .one, false), ("add_ns", .none, false), ("register_ns", .none, false),
    ("set_ns_ip", .none, false), ("delete_ns", .none, false),
    ("delete_ns_by_domain", .none, false), ("server_list", .none, false),
    ("get_dns", .one, false),
    // Account
    ("account_info", .none, false), ("get_account_balance", .none, false),
    ("set_default_whois", .none, false), ("set_default_ns", .none, false),
    ("set_default_parking", .none, false), ("set_default_forwarding", .none, false),
    ("set_default_stealth", .none, false), ("set_default_hosting", .none, false),
    ("set_default_dns", .none, false), ("set_default_dns2", .none, false),
    ("set_default_email_forward", .none, false), ("set_clear_default_setting", .none, false),
    ("set_default_renew_option", .none, false),
    // Folders
    ("create_folder", .none, false), ("delete_folder", .none, false),
    ("set_folder_whois", .none, false), ("set_folder_ns", .none, false),
    ("set_folder_parking", .none, false), ("set_folder_forwarding", .none, false),
    ("set_folder_stealth", .none, false), ("set_folder_hosting", .none, false),
    ("set_folder_dns", .none, false), ("set_folder_dns2", .none, false),
    ("set_folder_email_forward", .upTo(100), false), ("set_clear_folder_setting", .none, false),
    ("set_folder_name", .none, false), ("set_folder_renew_option", .none, false),
    ("folder_list", .none, false),
    // Aftermarket
    ("add_backorder_request", .upTo(100), true), ("delete_backorder_request", .upTo(100), false),
    ("backorder_request_list", .none, false), ("get_open_auctions", .none, false),
    ("get_auction_details", .upTo(100), false), ("get_auction_bids", .none, false),
    ("place_auction_bid", .one, true), ("get_closed_auctions", .none, false),
    ("get_open_backorder_auctions", .none, false), ("get_backorder_auction_details", .one, false),
    ("place_backorder_auction_bid", .one, true), ("get_closed_backorder_auctions", .none, false),
    ("get_expired_closeout_domains", .one, false), ("buy_expired_closeout_domain", .one, true),
    ("get_listings", .none, false), ("get_listing_item", .one, false),
    ("buy_it_now", .one, true), ("set_for_sale", .one, false),
    ("transfer_domain_list", .none, false), ("set_afternic_confirm_action", .one, false),
    ("set_sedo_confirm_action", .one, false),
    // Other
    ("order_list", .none, false), ("get_order_status", .none, false),
    ("is_processing", .none, false), ("list_coupons", .none, false),
]

@Suite struct CatalogCoverageTests {
    @Test func everyReferenceCommandIsInTheCatalogWithItsLimitAndMoneyFlag() throws {
        for expected in referenceCommands {
            let spec = try #require(CommandCatalog.spec(named: expected.name), "missing \(expected.name)")
            #expect(spec.name == expected.name)
            #expect(spec.domainLimit == expected.limit, "limit of \(expected.name)")
            #expect(spec.spendsMoney == expected.money, "money flag of \(expected.name)")
            #expect(!spec.summary.isEmpty, "summary of \(expected.name)")
        }
    }

    @Test func catalogHasExactlyTheReferenceCommands() {
        #expect(referenceCommands.count == 103)
        #expect(CommandCatalog.all.count == referenceCommands.count)
        #expect(Set(CommandCatalog.all.map(\.name)) == Set(referenceCommands.map(\.name)))
    }

    @Test func commandNamesAreUnique() {
        let names = CommandCatalog.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(referenceCommands.map(\.name)).count == referenceCommands.count)
    }

    @Test func exactlyTheNineMoneyCommandsSpendMoneyAndNoneIsResendSafe() {
        let money = Set(CommandCatalog.all.filter(\.spendsMoney).map(\.name))
        #expect(money == [
            "register", "bulk_register", "renew", "transfer", "buy_it_now", "place_auction_bid",
            "place_backorder_auction_bid", "buy_expired_closeout_domain", "add_backorder_request",
        ])
        #expect(CommandCatalog.all.filter { $0.spendsMoney && $0.resendSafe }.isEmpty)
    }

    @Test func readsAndSettingsAreResendSafeButCreatesDeletesAndMovesAreNot() throws {
        for name in ["list_domain", "domain_info", "get_dns", "set_ns", "set_dns2", "set_note", "set_for_sale", "is_processing"] {
            #expect(try #require(CommandCatalog.spec(named: name)).resendSafe, "\(name) should be resend-safe")
        }
        for name in ["create_contact", "create_folder", "add_ns", "delete", "delete_contact", "push",
                     "set_domain_push_request", "authorize_transfer_away", "cancel_transfer"] {
            #expect(try #require(CommandCatalog.spec(named: name)).resendSafe == false, "\(name) should not be resend-safe")
        }
    }

    @Test func appendingDNSRecordsIsNotResendSafe() {
        let replace = APIRequest.make("set_dns2", domains: ["a.com"], [("main_record_type0", "a"), ("main_record0", "192.0.2.1")])
        #expect(replace.isResendSafe)
        var append = replace
        append.set("add_dns_to_current_setting", "1")
        #expect(append.isResendSafe == false)
        #expect(APIRequest.make("renew", domains: ["a.com"], [("duration", "1")]).isResendSafe == false)
    }

    @Test func unknownCommandHasNoSpec() {
        #expect(CommandCatalog.spec(named: "set_everything") == nil)
        #expect(CommandCatalog.spec(named: "SET_NS") == nil)
    }
}
