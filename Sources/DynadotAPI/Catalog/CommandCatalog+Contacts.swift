import Foundation

// WHOIS contact records (reference: Create CN Audit … Set Contact LV Setting).
extension CommandCatalog {
    /// The contact fields. The reference's table lost the rows for name, email,
    /// address1, city and country; its examples send them, so they are listed
    /// here as required like the other address fields.
    static let contactFields: [ParameterSpec] = [
        .optional("organization"), .required("name"), .required("email"),
        .required("phonenum"), .required("phonecc"), .optional("faxnum"), .optional("faxcc"),
        .required("address1"), .optional("address2"), .required("city"), .optional("state"),
        .required("zip"), .required("country"),
    ]

    static let contactCommands: [CommandSpec] = [
        CommandSpec(
            name: "create_cn_audit",
            summary: "Start the CNNIC identity audit of one contact (.cn domains).",
            parameters: [
                .required("contact_id"), .required("contact_type"), .required("individual_id_type"),
                .required("individual_license_id"), .required("individual_url"),
                // Mandatory only when contact_type is Enterprise.
                .optional("enterprise_id_type"), .optional("enterprise_license_id"), .optional("enterprise_url"),
            ],
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "get_cn_audit_status",
            summary: "Read the CNNIC audit status of one contact.",
            parameters: [.required("contact_id"), .optional("gtld")],
            effect: .read
        ),
        CommandSpec(
            name: "create_contact",
            summary: "Create a WHOIS contact record and return its ID.",
            parameters: contactFields,
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "edit_contact",
            summary: "Replace the fields of one contact record.",
            parameters: [.required("contact_id")] + contactFields,
            effect: .idempotentWrite
        ),
        CommandSpec(
            name: "delete_contact",
            summary: "Delete contact records (comma-separated IDs).",
            parameters: [.required("contact_id")],
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "contact_list",
            summary: "List the account's contact records.",
            parameters: [],
            effect: .read
        ),
        CommandSpec(
            name: "get_contact",
            summary: "Read one contact record.",
            parameters: [.required("contact_id")],
            effect: .read
        ),
        CommandSpec(
            name: "set_contact_eu_setting",
            summary: "Set the EU citizenship of one contact (.eu domains).",
            parameters: [.required("contact_id"), .required("country_of_citizenship")],
            effect: .idempotentWrite
        ),
        CommandSpec(
            name: "set_contact_lv_setting",
            summary: "Set the Latvian registration and VAT numbers of one contact (.lv domains).",
            parameters: [.required("contact_id"), .required("registration_number"), .optional("vat_number")],
            effect: .idempotentWrite
        ),
    ]
}
