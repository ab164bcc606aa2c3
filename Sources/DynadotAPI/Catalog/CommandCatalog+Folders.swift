import Foundation

// Folders and their settings (reference: Create Folder … Folder List).
extension CommandCatalog {
    static let folderCommands: [CommandSpec] = [
        CommandSpec(
            name: "create_folder",
            summary: "Create a folder.",
            parameters: [.required("folder_name")],
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "delete_folder",
            summary: "Delete folders by ID (comma-separated).",
            parameters: [.required("folder_id")],
            effect: .unsafeWrite
        ),
        folderSetting("set_folder_whois", "Set a folder's WHOIS contacts.", whoisContacts + folderApply),
        // The table calls the folder parameter `fold_id`; the example and every
        // other folder command use folder_id.
        folderSetting("set_folder_ns", "Set a folder's name servers.", [nameServers] + folderApply),
        folderSetting("set_folder_parking", "Make parking a folder's setting.", [.optional("with_ads")] + folderApply),
        folderSetting(
            "set_folder_forwarding", "Make URL forwarding a folder's setting.",
            [.required("forward_url"), .optional("is_temp")] + folderApply
        ),
        folderSetting(
            "set_folder_stealth", "Make stealth forwarding a folder's setting.",
            [.required("stealth_url"), .optional("stealth_title")] + folderApply
        ),
        // The table's last row says `even`; the example sends sync, like every
        // other folder command.
        folderSetting("set_folder_hosting", "Make Dynadot hosting a folder's setting.", [.required("hosting_type")] + folderApply),
        folderSetting(
            "set_folder_dns", "Set a folder's DNS records (outdated; use set_folder_dns2).",
            legacyDNSRecords + folderApply
        ),
        folderSetting("set_folder_dns2", "Set a folder's DNS records.", dns2Records + folderApply),
        CommandSpec(
            name: "set_folder_email_forward",
            summary: "Set a folder's e-mail forwarding.",
            // The table also lists a comma-separated `domain` (up to 100); the
            // example leaves it out, so it is accepted but not required.
            parameters: [.optional("domain"), .required("folder_id")] + emailForwarding + folderApply,
            domainParameter: .commaList(), domainLimit: .upTo(100),
            effect: .idempotentWrite
        ),
        folderSetting("set_clear_folder_setting", "Clear one service setting of a folder.", [.required("service")]),
        folderSetting("set_folder_name", "Rename a folder.", [.required("folder_name")]),
        folderSetting(
            "set_folder_renew_option", "Set a folder's renew option.",
            [.required("renew_option")] + folderApply
        ),
        read("folder_list", "List the account's folders and their settings."),
    ]

    private static func folderSetting(_ name: String, _ summary: String, _ parameters: [ParameterSpec]) -> CommandSpec {
        CommandSpec(
            name: name, summary: summary,
            parameters: [.required("folder_id")] + parameters,
            effect: .idempotentWrite
        )
    }
}
