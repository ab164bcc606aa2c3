import Foundation

// The account and its defaults for new domains
// (reference: Account Information … Set Default Renew Option).
extension CommandCatalog {
    static let accountCommands: [CommandSpec] = [
        read("account_info", "Read the account's settings, contacts and defaults."),
        read("get_account_balance", "Read the account balance."),
        accountDefault("set_default_whois", "Set the default WHOIS contacts for new domains.", whoisContacts),
        accountDefault("set_default_ns", "Set the default name servers for new domains.", [nameServers]),
        accountDefault(
            "set_default_parking", "Make parking the default for new domains.",
            // folder_id is not in the table but is sent by the reference's example.
            [.optional("folder_id"), .optional("with_ads")]
        ),
        accountDefault(
            "set_default_forwarding", "Make URL forwarding the default for new domains.",
            [.required("forward_url"), .optional("is_temp")]
        ),
        accountDefault(
            "set_default_stealth", "Make stealth forwarding the default for new domains.",
            [.required("stealth_url"), .optional("stealth_title")]
        ),
        accountDefault("set_default_hosting", "Make Dynadot hosting the default for new domains.", [.required("hosting_type")]),
        accountDefault(
            "set_default_dns", "Set default DNS records for new domains (outdated; use set_default_dns2).",
            legacyDNSRecords
        ),
        accountDefault("set_default_dns2", "Set the default DNS records for new domains.", dns2Records),
        accountDefault(
            "set_default_email_forward", "Set the default e-mail forwarding for new domains.",
            emailForwarding
        ),
        accountDefault(
            "set_clear_default_setting", "Clear one default service setting for new domains.",
            [.required("service")]
        ),
        accountDefault(
            "set_default_renew_option", "Set the default renew option for new domains.",
            [.required("renew_option")]
        ),
    ]

    static func read(_ name: String, _ summary: String, _ parameters: [ParameterSpec] = []) -> CommandSpec {
        CommandSpec(name: name, summary: summary, parameters: parameters, effect: .read)
    }

    private static func accountDefault(_ name: String, _ summary: String, _ parameters: [ParameterSpec]) -> CommandSpec {
        CommandSpec(name: name, summary: summary, parameters: parameters, effect: .idempotentWrite)
    }
}
