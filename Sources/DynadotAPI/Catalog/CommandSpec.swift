import Foundation

/// What the API3 reference says about one command: its parameters, how it
/// carries domains and how many, and whether sending it twice can hurt.
///
///     let spec = CommandCatalog.spec(named: "set_ns")!
///     spec.domainLimit          // .upTo(100)
///     spec.spendsMoney          // false
public struct CommandSpec: Sendable, Hashable {
    /// The `command=` value, e.g. `set_ns`.
    public let name: String
    /// One line saying what the command does.
    public let summary: String
    /// Every parameter the command accepts (besides `key` and `command`), in
    /// the reference's order.
    public let parameters: [ParameterSpec]
    /// Which parameter carries the domains the command acts on, and its shape.
    public let domainParameter: DomainParameter
    /// How many domains one request may carry.
    public let domainLimit: DomainLimit
    /// What sending the command does to the account.
    public let effect: Effect

    /// What a command does when it is sent, which decides whether a lost
    /// answer may be followed by a resend.
    public enum Effect: Sendable, Hashable {
        /// Only reads; sending it again changes nothing.
        case read
        /// Sets a state; sending the same request again leaves the same state.
        case idempotentWrite
        /// Creates, deletes, moves or confirms something; a resend may act twice.
        case unsafeWrite
        /// Charges the account balance (or commits to a charge).
        case spendsMoney
    }

    /// Whether the command charges the account (or commits to a charge).
    public var spendsMoney: Bool { effect == .spendsMoney }

    /// Whether sending the same request again after a lost answer is harmless.
    /// See also `APIRequest.isResendSafe`, which also looks at the parameters.
    public var resendSafe: Bool { effect == .read || effect == .idempotentWrite }

    public init(
        name: String,
        summary: String,
        parameters: [ParameterSpec],
        domainParameter: DomainParameter = .none,
        domainLimit: DomainLimit = .none,
        effect: Effect
    ) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.domainParameter = domainParameter
        self.domainLimit = domainLimit
        self.effect = effect
    }

    /// The spec that accepts the concrete parameter name `name` (`ns3` finds
    /// the `ns0–ns12` family), or nil. Plain names win over families so that
    /// `main_record2` in `set_folder_dns` is not read as a family member.
    public func parameter(named name: String) -> ParameterSpec? {
        if let plain = parameters.first(where: { $0.indices == nil && $0.name == name }) {
            return plain
        }
        return parameters.first { family in
            guard let indices = family.indices, let index = family.index(in: name) else { return false }
            return indices.contains(index)
        }
    }

    /// The names of the required parameters (families shown as `ns0–ns12`).
    public var requiredParameterNames: [String] {
        parameters.filter(\.isRequired).map(\.displayName)
    }
}

/// One parameter, or one indexed family of parameters (`ns0`–`ns12`).
public struct ParameterSpec: Sendable, Hashable {
    /// The parameter name, or the family's base name (`ns` for `ns0`–`ns12`).
    public let name: String
    /// Whether a request must carry it. For a family: at least one member.
    public let isRequired: Bool
    /// The family's index range, or nil for a plain parameter.
    public let indices: ClosedRange<Int>?

    public init(name: String, isRequired: Bool, indices: ClosedRange<Int>? = nil) {
        self.name = name
        self.isRequired = isRequired
        self.indices = indices
    }

    /// A parameter every request must carry.
    public static func required(_ name: String) -> ParameterSpec {
        ParameterSpec(name: name, isRequired: true)
    }

    /// A parameter a request may leave out.
    public static func optional(_ name: String) -> ParameterSpec {
        ParameterSpec(name: name, isRequired: false)
    }

    /// An indexed family, e.g. `.family("ns", 0...12, required: true)`.
    public static func family(_ base: String, _ indices: ClosedRange<Int>, required: Bool = false) -> ParameterSpec {
        ParameterSpec(name: base, isRequired: required, indices: indices)
    }

    /// Whether this is an indexed family.
    public var isFamily: Bool { indices != nil }

    /// `domain`, or `ns0–ns12` for a family.
    public var displayName: String {
        guard let indices else { return name }
        return "\(name)\(indices.lowerBound)–\(name)\(indices.upperBound)"
    }

    /// Every concrete name this spec accepts, in index order.
    public var memberNames: [String] {
        guard let indices else { return [name] }
        return indices.map { "\(name)\($0)" }
    }

    /// The index `concrete` carries if it is this family's base followed by a
    /// canonical decimal number (`ns3`, not `ns03`), whatever the range; nil
    /// otherwise or for a plain parameter.
    public func index(in concrete: String) -> Int? {
        guard indices != nil, concrete.hasPrefix(name) else { return nil }
        let digits = concrete.dropFirst(name.count)
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            return nil
        }
        guard digits == "0" || digits.first != "0" else { return nil }
        return Int(digits)
    }
}

/// How many domains one request may carry.
public enum DomainLimit: Sendable, Hashable {
    /// The command takes no domain.
    case none
    /// Exactly one domain per request.
    case one
    /// Up to this many domains per request.
    case upTo(Int)

    /// The largest number of domains one request may carry.
    public var maximum: Int {
        switch self {
        case .none: return 0
        case .one: return 1
        case .upTo(let n): return n
        }
    }
}

/// Where a command's domains go in the query string.
public enum DomainParameter: Sendable, Hashable {
    /// The command carries no domain.
    case none
    /// One domain in the named parameter (`domain`, or `domain_name` for
    /// `set_dnssec`, `domains` for `set_for_sale`).
    case single(String)
    /// Several domains joined by `separator` in the named parameter (commas
    /// for most commands, `;` for `push`).
    case list(String, separator: String)
    /// One domain per indexed parameter: `domain0`, `domain1`, ….
    case indexed(String, ClosedRange<Int>)

    /// A comma-separated list in `name`.
    public static func commaList(_ name: String = "domain") -> DomainParameter {
        .list(name, separator: ",")
    }
}
