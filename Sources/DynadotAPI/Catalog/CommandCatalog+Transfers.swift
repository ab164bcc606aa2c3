import Foundation

// Moving domains between registrars and accounts
// (reference: Push, Transfer, Cancel Transfer … Set Domain Push Request,
// Transfer Out Domain List).
extension CommandCatalog {
    static let transferCommands: [CommandSpec] = [
        CommandSpec(
            name: "push",
            summary: "Push domains to another Dynadot account, which must accept them.",
            parameters: [
                .required("domain"), .required("receiver_push_username"), currency,
                .optional("unlock_domain_for_push"), .optional("receiver_email"),
            ],
            // Bulk push separates domains with ";". The reference gives no maximum;
            // 100 is the provider's batch size everywhere else.
            domainParameter: .list("domain", separator: ";"), domainLimit: .upTo(100),
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "transfer",
            summary: "Transfer one domain in to Dynadot, paid from the account balance.",
            parameters: [.required("domain"), .required("auth"), currency] + optionalWhoisContacts + [
                .optional("premium"), .optional("privacy"), .optional("name_servers"), .optional("coupon"),
            ],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .spendsMoney
        ),
        CommandSpec(
            name: "cancel_transfer",
            summary: "Cancel one domain's transfer-in order.",
            parameters: [.required("domain"), .required("order_id")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "get_transfer_status",
            summary: "Read the status of one domain's transfer in or away.",
            parameters: [.required("domain"), .required("transfer_type")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .read
        ),
        CommandSpec(
            name: "set_transfer_auth_code",
            summary: "Resubmit the auth code of one domain's transfer-in order.",
            parameters: [.required("domain"), .required("auth_code"), .required("order_id")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "authorize_transfer_away",
            summary: "Approve or deny one domain's transfer away from Dynadot.",
            parameters: [.required("domain"), .required("order_id"), .required("authorize")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "get_transfer_auth_code",
            summary: "Read (or regenerate) one domain's transfer auth code, optionally unlocking it.",
            // Regenerating or unlocking again ends in the same kind of state, so a
            // resend is harmless; the newest code is the one that counts.
            parameters: [.required("domain"), .optional("new_code"), .optional("unlock_domain_for_transfer")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .read
        ),
        CommandSpec(
            name: "get_domain_push_request",
            summary: "List domains other accounts are pushing to this account.",
            parameters: [],
            effect: .read
        ),
        CommandSpec(
            name: "set_domain_push_request",
            summary: "Accept or decline incoming pushes of the given domains.",
            parameters: [.required("domains"), .required("action")],
            // The example sends a comma list; the reference gives no maximum.
            domainParameter: .commaList("domains"), domainLimit: .upTo(100),
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "transfer_domain_list",
            summary: "List the account's domains with a transfer away in progress.",
            parameters: [],
            effect: .read
        ),
    ]
}
