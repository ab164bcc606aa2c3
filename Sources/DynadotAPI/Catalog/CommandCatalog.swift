import Foundation

/// Every API3 command in `dynadot-api3-reference.txt`, with what it accepts.
/// The entries live in one file per area of the reference
/// (`CommandCatalog+Domains.swift`, `+Contacts`, …).
///
/// Where the reference is ambiguous the catalog errs towards accepting a
/// request: a parameter that is required only in some situations ("mandatory
/// when contact type is Enterprise", one of two alternatives) is optional here,
/// so validation never refuses a request the provider would take.
///
///     CommandCatalog.spec(named: "renew")?.spendsMoney   // true
public enum CommandCatalog {
    /// Every command, grouped by area in the reference's order.
    public static let all: [CommandSpec] =
        domainCommands + domainSettingCommands + transferCommands + contactCommands
        + nameServerCommands + accountCommands + folderCommands + aftermarketCommands
        + orderCommands

    private static let byName: [String: CommandSpec] =
        Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The spec of `name` (exact, lower-case command name), or nil when the
    /// reference has no such command.
    public static func spec(named name: String) -> CommandSpec? {
        byName[name]
    }
}

// Parameter groups the reference repeats across many commands.
extension CommandCatalog {
    static let currency = ParameterSpec.optional("currency")

    static let whoisContacts: [ParameterSpec] = [
        .required("registrant_contact"), .required("admin_contact"),
        .required("technical_contact"), .required("billing_contact"),
    ]

    static let optionalWhoisContacts: [ParameterSpec] = [
        .optional("registrant_contact"), .optional("admin_contact"),
        .optional("technical_contact"), .optional("billing_contact"),
    ]

    static let nameServers = ParameterSpec.family("ns", 0...12, required: true)

    /// `set_dns2`-style records: 20 main records and 100 subdomain records.
    /// All optional: a request may carry only main or only subdomain records.
    static let dns2Records: [ParameterSpec] = [
        .family("main_record_type", 0...19), .family("main_record", 0...19),
        .family("main_recordx", 0...19),
        .family("subdomain", 0...99), .family("sub_record_type", 0...99),
        .family("sub_record", 0...99), .family("sub_recordx", 0...99),
        .optional("ttl"),
    ]

    /// The outdated `set_*_dns` records: one main record plus subdomains and MX.
    static let legacyDNSRecords: [ParameterSpec] = [
        .required("main_record_type"), .required("main_record"),
        .optional("main_txt"), .optional("main_record2"),
        .family("subdomain", 0...99), .family("sub_record_type", 0...99),
        .family("sub_record", 0...99),
        .family("mx_host", 0...2), .family("mx_distance", 0...2),
        .optional("ttl"),
    ]

    /// Which slots are used depends on `forward_type`, so all are optional.
    static let emailForwarding: [ParameterSpec] = [
        .required("forward_type"),
        .family("username", 0...9), .family("exist_email", 0...9),
        .family("mx_host", 0...2), .family("mx_distance", 0...2),
    ]

    /// Folder settings can apply to future domains (`enable`) and to the
    /// domains already in the folder (`sync`).
    static let folderApply: [ParameterSpec] = [.optional("enable"), .optional("sync")]

    static let paging: [ParameterSpec] = [.optional("count_per_page"), .optional("page_index")]

    /// The tables say `start_date`/`end_date`, the examples `startDate`/`endDate`;
    /// both spellings are accepted and neither is required on its own.
    static let dateRangeEitherSpelling: [ParameterSpec] = [
        .optional("start_date"), .optional("end_date"),
        .optional("startDate"), .optional("endDate"),
    ]
}
