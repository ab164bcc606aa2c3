import Foundation

// Changing settings of domains already in the account
// (reference: Set Whois … Set Privacy).
extension CommandCatalog {
    static let domainSettingCommands: [CommandSpec] = [
        batchSetting("set_whois", "Set the four WHOIS contacts of up to 100 domains.", whoisContacts),
        batchSetting("set_ns", "Point up to 100 domains at up to 13 name servers.", [nameServers]),
        batchSetting("set_parking", "Park up to 100 domains on Dynadot's parking page.", [.optional("with_ads")]),
        batchSetting(
            "set_forwarding", "Forward up to 100 domains to a URL.",
            [.required("forward_url"), .optional("is_temp")]
        ),
        batchSetting(
            "set_stealth", "Stealth-forward up to 100 domains to a URL, with a page title.",
            [.required("stealth_url"), .optional("stealth_title")]
        ),
        batchSetting(
            "set_hosting", "Switch up to 100 domains to Dynadot hosting.",
            // mobile_view_on only applies to advanced hosting.
            [.required("hosting_type"), .optional("mobile_view_on")]
        ),
        batchSetting(
            "set_dns2",
            "Replace (or, with add_dns_to_current_setting=1, extend) the DNS records of up to 100 domains.",
            dns2Records + [.optional("add_dns_to_current_setting")]
        ),
        CommandSpec(
            name: "set_dnssec",
            summary: "Set one domain's DNSSEC record (DS digest or DNSKEY public key).",
            parameters: [
                .required("domain_name"),
                // Option 1 sends key_tag/digest_type/digest, option 2 flags/public_key;
                // algorithm belongs to both.
                .optional("key_tag"), .optional("digest_type"), .optional("digest"),
                .required("algorithm"), .optional("flags"), .optional("public_key"),
            ],
            domainParameter: .single("domain_name"), domainLimit: .one,
            effect: .idempotentWrite
        ),
        batchSetting("set_email_forward", "Set e-mail forwarding or MX hosts for up to 100 domains.", emailForwarding),
        batchSetting(
            "set_clear_domain_setting",
            "Clear one service (forwarding, stealth, e-mail, DNS, DNSSEC, name servers) on up to 100 domains.",
            [.required("service")]
        ),
        CommandSpec(
            name: "set_folder",
            summary: "Move one domain into a folder, by name or ID.",
            // Either the folder name or folder_id identifies the folder.
            parameters: [.required("domain"), .optional("folder"), .optional("folder_id")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .idempotentWrite
        ),
        CommandSpec(
            name: "set_note",
            summary: "Set the note of one domain (an empty note clears it).",
            parameters: [.required("domain"), .required("note")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .idempotentWrite
        ),
        batchSetting(
            "set_customer_id", "Assign up to 100 domains to a reseller customer ID (resellers only).",
            [.required("customer_id")]
        ),
        batchSetting(
            "set_renew_option", "Set the renew option (auto, donot, reset) of up to 100 domains.",
            [.required("renew_option")]
        ),
        batchSetting(
            "set_privacy", "Set the WHOIS privacy level of up to 100 domains.",
            // Public clients send `option` alone; whois_privacy_option is a later addition.
            [.required("option"), .optional("whois_privacy_option")]
        ),
    ]

    /// A setting applied to up to 100 comma-separated domains; setting it again
    /// leaves the same state.
    private static func batchSetting(_ name: String, _ summary: String, _ parameters: [ParameterSpec]) -> CommandSpec {
        CommandSpec(
            name: name, summary: summary,
            parameters: [.required("domain")] + parameters,
            domainParameter: .commaList(), domainLimit: .upTo(100),
            effect: .idempotentWrite
        )
    }
}
