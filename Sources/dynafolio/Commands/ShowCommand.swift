import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio show DOMAIN [--json]`: one cached domain in full.
struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one cached domain, with its queued changes.",
        discussion: "Works offline."
    )

    @Argument(help: "The domain (Unicode or punycode).") var domain: String
    @Flag(help: "Print JSON (the `ls --json` fields plus contacts and DNS records when cached).") var json = false

    func run() async throws {
        let context = try AppContext.open()
        let name = Punycode.asciiName(domain).lowercased()
        guard let row = try context.store.domain(named: name) else {
            throw CLIFailure.usage("\(domain) is not in the cache — check the spelling or run `dynafolio sync`")
        }
        let pending = try context.store.pendingFields(for: [name])[name] ?? []
        let dns = try context.store.dnsRecordSet(domain: name)
        if json {
            let detail = JSONOutput.Domain.Detail(contacts: JSONOutput.Contacts(row), dns: dns.map(JSONOutput.RecordSet.init))
            try JSONOutput.emit(JSONOutput.Domain(row: row, pending: pending, detail: detail))
            return
        }
        // Every value from the account is printed escaped (TerminalText).
        let e = { (text: String) in TerminalText.escaped(text) }
        var lines: [String] = []
        lines.append(NameText.withASCII(row.name))
        let now = context.store.nowMs
        let daysLeft = row.expiresMs.map { UTCDate.daysLeft(until: $0, from: now) }
        let left = daysLeft.map { $0 < 0 ? " (expired \(-$0) day\($0 == -1 ? "" : "s") ago)" : $0 == 0 ? " (expires today)" : " (\($0) day\($0 == 1 ? "" : "s") left)" } ?? ""
        lines.append("  expires      \(row.expiresMs.map(ValueDisplay.isoDate) ?? "unknown")\(left)")
        if let registered = row.registeredMs { lines.append("  registered   \(ValueDisplay.isoDate(registered))") }
        lines.append("  renew        \(row.renewOption.rawValue)")
        lines.append("  locked       \(row.locked ? "yes" : "no")")
        lines.append("  privacy      \(row.privacy.rawValue)")
        lines.append("  folder       \(row.folderName.isEmpty ? "(none)" : e(row.folderName))")
        lines.append("  ns type      \(row.nsType.rawValue)")
        if !row.nameservers.isEmpty { lines.append("  nameservers  \(e(row.nameservers.joined(separator: ", ")))") }
        lines.append("  for sale     \(row.forSale ? "yes" + (row.salePriceCents.map { " " + Cents.dollars($0) } ?? "") : "no")")
        if !row.note.isEmpty { lines.append("  note         \(e(row.note))") }
        let contacts = Dictionary(try context.store.contacts().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (role, id) in [("registrant", row.registrantID), ("admin", row.adminID), ("technical", row.technicalID), ("billing", row.billingID)] {
            let who = id.flatMap { contacts[$0] }.map { " \(e($0.name))" + ($0.email.isEmpty ? "" : " <\(e($0.email))>") } ?? ""
            lines.append("  \(role.padding(toLength: 12, withPad: " ", startingAt: 0)) \(id.map { "#\(e($0))" } ?? "-")\(who)")
        }
        // A row unchanged by a sync keeps its old synced_at; a later complete
        // listing still confirmed it, so the cache date is the later of the two.
        let confirmed = row.gone ? nil : try context.store.lastSyncRun(kind: "domains", outcome: .complete)?.startedMs
        let cachedMs = max(row.syncedAtMs, confirmed ?? 0)
        if cachedMs > 0 { lines.append("  cached       \(ValueDisplay.isoDate(cachedMs))") }
        if row.gone { lines.append("  GONE         missing from the last complete sync") }
        if let dns {
            lines.append("  dns          \(dns.records.count) records, fetched \(ValueDisplay.isoDate(dns.fetchedAtMs)) (see `dynafolio dns show \(row.name)`)")
        }
        for item in pending {
            let field = IntentField(rawValue: item.field)
            lines.append("  pending      \(e(item.field)) → \(e(field.map { ValueDisplay.describe($0, item.value) } ?? item.value)) (\(item.state.rawValue))")
        }
        print(lines.joined(separator: "\n"))
    }
}
