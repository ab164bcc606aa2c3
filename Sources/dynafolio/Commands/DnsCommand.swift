import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio dns show|set|add|rm|copy`: Dynadot DNS record sets. Every
/// change queues the domain's whole record set as one edit (`set_dns2`
/// replaces all records at once).
struct DnsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dns",
        abstract: "Show and edit Dynadot DNS records.",
        discussion: "Records are 'HOST TYPE VALUE [PRIORITY]'; HOST @ is the domain itself; TXT values are kept verbatim.",
        subcommands: [DnsShow.self, DnsSet.self, DnsAdd.self, DnsRemove.self, DnsCopy.self, DnsDnssec.self]
    )
}

/// The record set edits start from: a queued record set for the domain if
/// there is one, else the cached set (fetched first when missing and online).
enum DnsBase {
    /// The record set queued for the domain, if any.
    static func queued(_ name: String, context: AppContext) throws -> RecordSet? {
        if let queued = try context.store.pendingFields(for: [name])[name]?.last(where: { $0.field == IntentField.nameServerSetting.rawValue && $0.state == .pending }),
           case .dns(let set)? = Edit(field: .nameServerSetting, encodedValue: queued.value) {
            return set
        }
        return nil
    }

    /// Refuses (unless `allowed`) a DNS edit that would move domains using
    /// other name servers (parking, forwarding, their own name servers) onto
    /// Dynadot DNS, naming them. A domain with a record set already queued
    /// has been switched by an earlier, agreed edit.
    static func requireSwitchConsent(_ names: [String], allowed: Bool, context: AppContext) throws {
        guard !allowed else { return }
        var moving: [String] = []
        for row in try context.store.domains(named: names) where row.nsType != .dynadotDNS {
            if try queued(row.name, context: context) == nil { moving.append("\(row.name) (\(row.nsType.rawValue))") }
        }
        guard !moving.isEmpty else { return }
        let list = moving.prefix(10).joined(separator: ", ") + (moving.count > 10 ? ", … (\(moving.count) in all)" : "")
        throw CLIFailure.usage("this would move \(list) off \(moving.count == 1 ? "its" : "their") current name servers onto Dynadot DNS; add --switch-to-dynadot-dns if that is what you want")
    }

    static func current(_ name: String, context: AppContext) throws -> RecordSet {
        if let set = try queued(name, context: context) { return set }
        if let cached = try context.store.dnsRecordSet(domain: name) { return RecordSet(cached: cached) }
        return RecordSet(records: [])
    }

    /// The cached set; when never fetched, the domain is on Dynadot DNS and a
    /// key is configured, fetches it now. Nil when not on Dynadot DNS.
    static func fetchIfNeeded(_ name: String, context: AppContext) async throws -> DNSRecordSet? {
        if let cached = try context.store.dnsRecordSet(domain: name) { return cached }
        guard let row = try context.store.domain(named: name), row.nsType == .dynadotDNS else { return nil }
        guard context.hasAccount else {
            throw CLIFailure("\(name)'s DNS records were never fetched and no API key is configured; set DYNADOT_API_KEY and run `dynafolio dns show \(name)`")
        }
        do {
            try await context.engine.fetchDNS(name)
        } catch let error as SyncError {
            if case .offline = error {
                throw CLIFailure("\(name)'s DNS records are not cached yet and Dynadot cannot be reached; run `dynafolio dns show \(name)` (or `dynafolio sync --dns`) when online")
            }
            throw error
        }
        return try context.store.dnsRecordSet(domain: name)
    }

    static func requireDomain(_ domain: String, context: AppContext) throws -> String {
        let name = Punycode.asciiName(domain).lowercased()
        guard try context.store.domain(named: name) != nil else {
            throw CLIFailure.usage("\(domain) is not in the cache — check the spelling or run `dynafolio sync`")
        }
        return name
    }

    /// Parses `HOST TYPE VALUE [PRIORITY]`. The value is the rest of the
    /// line, verbatim (TXT keeps its spaces); for MX the last word is the
    /// priority.
    static func parse(_ text: String) throws -> DnsEntry {
        var rest = Substring(text)
        func word() -> String? {
            rest = rest.drop(while: \.isWhitespace)
            guard !rest.isEmpty else { return nil }
            let end = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
            defer { rest = rest[end...] }
            return String(rest[..<end])
        }
        guard let host = word(), let type = word() else {
            throw CLIFailure.usage("record '\(text)' — write it as 'HOST TYPE VALUE [PRIORITY]', e.g. '@ A 192.0.2.10' or '@ MX mail.example.com 10'")
        }
        var value = String(rest.drop(while: \.isWhitespace))
        var extra = ""
        let lowered = type.lowercased()
        if lowered == "mx" || lowered == "srv" {
            let parts = value.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 2, let last = parts.last, Int(last) != nil {
                extra = String(last)
                value = parts.dropLast().joined(separator: " ")
            }
        } else if lowered == "txt", value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        return DnsEntry(host: host == "@" ? "" : host.lowercased(), type: lowered, value: value, extra: extra)
    }

    static func parse(_ records: [String], ttl: Int?) throws -> RecordSet {
        let set = RecordSet(records: try records.map(parse), ttl: ttl)
        do { try DnsValidation.validate(set) } catch let error as SyncError { throw CLIFailure.usage(error.description) }
        return set
    }

    static func render(_ set: DNSRecordSet) -> String {
        var lines = ["\(TerminalText.escaped(set.domain))  ttl \(set.ttl.map(String.init) ?? "default")  (fetched \(ValueDisplay.isoDate(set.fetchedAtMs)))"]
        if set.records.isEmpty { lines.append("  (no records)") }
        for r in set.records {
            let host = r.subhost.isEmpty ? "@" : r.subhost
            let e = { (text: String) in TerminalText.escaped(text) }
            lines.append("  \(e(host).padding(toLength: 12, withPad: " ", startingAt: 0)) \(e(r.type.uppercased()).padding(toLength: 6, withPad: " ", startingAt: 0)) \(e(r.value))\(r.value2.map { $0.isEmpty ? "" : "  " + e($0) } ?? "")")
        }
        return lines.joined(separator: "\n")
    }
}

struct DnsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a domain's DNS records (from the cache; fetched once when never cached).")
    @Argument(help: "The domain.") var domain: String
    @Flag(help: "Print JSON.") var json = false

    func run() async throws {
        let context = try AppContext.open()
        let name = try DnsBase.requireDomain(domain, context: context)
        guard let set = try await DnsBase.fetchIfNeeded(name, context: context) else {
            let row = try context.store.domain(named: name)
            let type = row?.nsType.rawValue ?? "unknown"
            if json { try JSONOutput.emit(JSONOutput.NoRecords(domain: name, nsType: type)); return }
            print("\(name) does not use Dynadot DNS (ns type: \(type)); `dynafolio dns set \(name) --record … --switch-to-dynadot-dns` switches it")
            return
        }
        if json { try JSONOutput.emit(JSONOutput.RecordSet(set: set)) } else { print(DnsBase.render(set)) }
    }
}

struct DnsSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Queue exactly these records (replacing all others).")
    @Argument(help: "The domain.") var domain: String
    @Option(name: .customLong("record"), help: "'HOST TYPE VALUE [PRIORITY]'; repeat for more records.") var records: [String] = []
    @Option(help: "TTL in seconds (60 to 604800).") var ttl: Int?
    @Flag(help: "Queue an empty record set (deletes every record); required when no --record is given.") var empty = false
    @Flag(name: .customLong("switch-to-dynadot-dns"), help: "Allow moving a domain on other name servers onto Dynadot DNS.")
    var switchToDynadotDNS = false

    func run() async throws {
        if records.isEmpty && !empty {
            throw CLIFailure.usage("no --record given: that would queue an empty record set and delete every record of \(domain). Give --record 'HOST TYPE VALUE', or --empty to really clear them")
        }
        if !records.isEmpty && empty { throw CLIFailure.usage("give --record or --empty, not both") }
        let set = try DnsBase.parse(records, ttl: ttl)
        let context = try AppContext.open()
        let name = try DnsBase.requireDomain(domain, context: context)
        try DnsBase.requireSwitchConsent([name], allowed: switchToDynadotDNS, context: context)
        QueueReport.print(try context.engine.queue(.dns(set), domains: [name], origin: .cli), what: "\(set.records.count) DNS records")
    }
}

struct DnsAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Queue the current records plus these.")
    @Argument(help: "The domain.") var domain: String
    @Option(name: .customLong("record"), help: "'HOST TYPE VALUE [PRIORITY]'; repeat for more records.") var records: [String] = []
    @Option(help: "TTL in seconds (60 to 604800).") var ttl: Int?

    @Flag(name: .customLong("switch-to-dynadot-dns"), help: "Allow moving a domain on other name servers onto Dynadot DNS.")
    var switchToDynadotDNS = false

    func validate() throws { if records.isEmpty { throw ValidationError("give at least one --record 'HOST TYPE VALUE [PRIORITY]'") } }

    func run() async throws {
        let added = try DnsBase.parse(records, ttl: ttl)
        let context = try AppContext.open()
        let name = try DnsBase.requireDomain(domain, context: context)
        try DnsBase.requireSwitchConsent([name], allowed: switchToDynadotDNS, context: context)
        _ = try await DnsBase.fetchIfNeeded(name, context: context)
        var set = try DnsBase.current(name, context: context)
        for record in added.records where !set.records.contains(record) { set.records.append(record) }
        if let ttl { set.ttl = ttl }
        do { try DnsValidation.validate(set) } catch let error as SyncError { throw CLIFailure.usage(error.description) }
        QueueReport.print(try context.engine.queue(.dns(set), domains: [name], origin: .cli), what: "DNS record set (\(set.records.count) records)")
    }
}

struct DnsRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Queue the current records minus these ('HOST TYPE' removes every value).")
    @Argument(help: "The domain.") var domain: String
    @Option(name: .customLong("record"), help: "'HOST TYPE [VALUE]'; repeat for more.") var records: [String] = []
    @Option(help: "TTL in seconds (60 to 604800).") var ttl: Int?

    func validate() throws { if records.isEmpty { throw ValidationError("give at least one --record 'HOST TYPE [VALUE]'") } }

    func run() async throws {
        let removals = try records.map(DnsBase.parse)
        let context = try AppContext.open()
        let name = try DnsBase.requireDomain(domain, context: context)
        _ = try await DnsBase.fetchIfNeeded(name, context: context)
        var set = try DnsBase.current(name, context: context)
        for removal in removals {
            let before = set.records.count
            set.records.removeAll { r in
                r.host == removal.host && r.type == removal.type && (removal.value.isEmpty || r.value == removal.value)
            }
            if set.records.count == before {
                let host = removal.host.isEmpty ? "@" : removal.host
                throw CLIFailure.usage("no record '\(host) \(removal.type.uppercased())\(removal.value.isEmpty ? "" : " " + removal.value)' on \(name); see `dynafolio dns show \(name)`")
            }
        }
        if let ttl { set.ttl = ttl }
        QueueReport.print(try context.engine.queue(.dns(set), domains: [name], origin: .cli), what: "DNS record set (\(set.records.count) records)")
    }
}

struct DnsCopy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "copy", abstract: "Queue one domain's record set for other domains.")
    @Option(help: "The domain whose records to copy (its queued record set when it has one).") var from: String
    @Flag(name: .customLong("switch-to-dynadot-dns"), help: "Allow moving domains on other name servers onto Dynadot DNS.")
    var switchToDynadotDNS = false
    @OptionGroup var selection: DomainSelection

    func run() async throws {
        let context = try AppContext.open()
        let source = try DnsBase.requireDomain(from, context: context)
        let set: RecordSet
        let which: String
        if let queued = try DnsBase.queued(source, context: context) {
            set = queued
            which = "queued"
        } else {
            guard let cached = try await DnsBase.fetchIfNeeded(source, context: context) else {
                throw CLIFailure.usage("\(source) does not use Dynadot DNS and has no queued record set; there are no records to copy")
            }
            set = RecordSet(cached: cached)
            which = "cached"
        }
        let targets = try selection.resolve(in: context.store).filter { $0 != source }
        guard !targets.isEmpty else { throw CLIFailure.usage("the selection holds no domain other than \(source)") }
        try DnsBase.requireSwitchConsent(targets, allowed: switchToDynadotDNS, context: context)
        print("copying \(source)'s \(which) record set (\(set.records.count) record\(set.records.count == 1 ? "" : "s"))")
        QueueReport.print(try context.engine.queue(.dns(set), domains: targets, origin: .cli), what: "\(source)'s \(which) DNS records")
    }
}
