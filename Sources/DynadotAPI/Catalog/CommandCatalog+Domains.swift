import Foundation

// Registering, renewing, deleting and reading domains
// (reference: Search … Domain Info, List Domain, Lock Domain).
extension CommandCatalog {
    static let domainCommands: [CommandSpec] = [
        CommandSpec(
            name: "search",
            summary: "Check whether domains are available to register, optionally with prices.",
            parameters: [
                .family("domain", 0...99, required: true), .family("language", 0...99),
                .optional("show_price"), currency,
            ],
            // Regular accounts may search 1 domain per call, bulk accounts 100;
            // the catalog allows the larger number and the provider refuses the rest.
            domainParameter: .indexed("domain", 0...99), domainLimit: .upTo(100),
            effect: .read
        ),
        CommandSpec(
            name: "register",
            summary: "Register one domain, paid from the account balance.",
            parameters: [
                .required("domain"), .optional("language"), .required("duration"),
            ] + optionalWhoisContacts + [
                // option0/option1 carry the .AT/.BE registrant name and organisation.
                .family("option", 0...1), .optional("premium"), currency, .optional("coupon"),
            ],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .spendsMoney
        ),
        CommandSpec(
            name: "delete",
            summary: "Delete a domain still in its add grace period, crediting the fee back.",
            parameters: [.required("domain")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "renew",
            summary: "Renew one domain, paid from the account balance (or only check the price).",
            parameters: [
                .required("domain"), .required("duration"),
                // The year the domain currently expires: a resent renewal is refused
                // by the provider instead of charged twice.
                .optional("year"), currency, .optional("price_check"), .optional("coupon"),
                .optional("no_renew_if_late_renew_fee_needed"),
            ],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .spendsMoney
        ),
        CommandSpec(
            name: "bulk_register",
            summary: "Register up to 100 domains in one order, paid from the account balance.",
            parameters: [
                .family("domain", 0...99, required: true), .optional("premium"), currency,
                .optional("coupon"),
            ],
            domainParameter: .indexed("domain", 0...99), domainLimit: .upTo(100),
            effect: .spendsMoney
        ),
        CommandSpec(
            name: "domain_info",
            summary: "Read one domain's expiry, name servers, contacts, locks and settings.",
            parameters: [.required("domain")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .read
        ),
        CommandSpec(
            name: "list_domain",
            summary: "List the account's domains with their settings, a page at a time.",
            parameters: [.optional("customer_id")] + paging + [.optional("sort")],
            effect: .read
        ),
        CommandSpec(
            name: "lock_domain",
            summary: "Lock one domain against transfer away.",
            parameters: [.required("domain")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .idempotentWrite
        ),
    ]
}
