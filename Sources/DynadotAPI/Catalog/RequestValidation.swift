import Foundation

extension APIRequest {
    /// The catalog's spec for this request's command, or nil if unknown.
    public var spec: CommandSpec? { CommandCatalog.spec(named: command) }

    /// Checks the request against the command catalog before it is sent.
    /// Throws `DynadotError.invalidRequest(command:rule:)` whose rule names what
    /// was broken, e.g. `carries 101 domains; at most 100 per request`,
    /// `requires parameter 'duration'`, `has unknown parameter 'foo'`.
    public func validate() throws(DynadotError) {
        guard let spec else { throw refusal("is not an API3 command") }

        var seen = Set<String>()
        for parameter in parameters {
            if parameter.name == "key" || parameter.name == "command" {
                throw refusal("must not carry '\(parameter.name)' as a parameter; the client adds it")
            }
            if !seen.insert(parameter.name).inserted {
                throw refusal("has parameter '\(parameter.name)' more than once")
            }
        }

        // Domain count comes before parameter names so that 101 domains for
        // bulk_register is reported as too many domains, not as `domain100`.
        let domains = self.domains
        if domains.count > spec.domainLimit.maximum {
            throw refusal(Self.tooManyDomains(domains.count, limit: spec.domainLimit))
        }
        if domains.contains(where: \.isEmpty) {
            throw refusal("has an empty domain entry")
        }

        for parameter in parameters where spec.parameter(named: parameter.name) == nil {
            if let family = spec.parameters.first(where: { $0.index(in: parameter.name) != nil }) {
                throw refusal("has parameter '\(parameter.name)' outside \(family.displayName)")
            }
            throw refusal("has unknown parameter '\(parameter.name)'")
        }

        for required in spec.parameters where required.isRequired {
            if required.isFamily {
                if !parameters.contains(where: { spec.parameter(named: $0.name) == required }) {
                    throw refusal("requires at least one of \(required.displayName)")
                }
            } else if self[required.name] == nil {
                throw refusal("requires parameter '\(required.name)'")
            }
        }
    }

    /// Whether sending this exact request again after a lost answer is
    /// harmless: the spec's `resendSafe`, except that `set_dns2` with
    /// `add_dns_to_current_setting` appends records and would add them twice.
    public var isResendSafe: Bool {
        guard let spec, spec.resendSafe else { return false }
        if let append = self["add_dns_to_current_setting"], !append.isEmpty, append != "0" {
            return false
        }
        return true
    }

    private func refusal(_ rule: String) -> DynadotError {
        .invalidRequest(command: command, rule: rule)
    }

    private static func tooManyDomains(_ count: Int, limit: DomainLimit) -> String {
        let carried = "carries \(count) domain\(count == 1 ? "" : "s")"
        switch limit {
        case .none: return "\(carried); it takes no domain"
        case .one: return "\(carried); only 1 domain per request"
        case .upTo(let n): return "\(carried); at most \(n) per request"
        }
    }
}
