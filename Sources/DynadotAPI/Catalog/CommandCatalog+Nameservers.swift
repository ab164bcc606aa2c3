import Foundation

// Name server records and per-domain name server / DNS reads
// (reference: Get Name Server … Get Domain NameServer Settings).
extension CommandCatalog {
    static let nameServerCommands: [CommandSpec] = [
        CommandSpec(
            name: "get_ns",
            summary: "Read the name servers of one domain.",
            parameters: [.required("domain")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .read
        ),
        CommandSpec(
            name: "add_ns",
            summary: "Add an external name server host to the account.",
            parameters: [.required("host")],
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "register_ns",
            summary: "Register a glue name server host with its IP address.",
            parameters: [.required("host"), .required("ip")],
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "set_ns_ip",
            summary: "Set the IP addresses of one registered name server.",
            parameters: [.required("server_id"), .family("ip", 0...9, required: true)],
            effect: .idempotentWrite
        ),
        CommandSpec(
            name: "delete_ns",
            summary: "Delete name servers from the account by ID (comma-separated).",
            parameters: [.required("server_id")],
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "delete_ns_by_domain",
            summary: "Delete a name server from the account by its host name.",
            // server_domain is a name server host, not a domain the request acts on.
            parameters: [.required("server_domain")],
            effect: .unsafeWrite
        ),
        CommandSpec(
            name: "server_list",
            summary: "List the name servers in the account.",
            parameters: [],
            effect: .read
        ),
        CommandSpec(
            name: "get_dns",
            summary: "Read one domain's name server setting and DNS records.",
            parameters: [.required("domain")],
            domainParameter: .single("domain"), domainLimit: .one,
            effect: .read
        ),
    ]
}
