import DynadotAPI
import Foundation
import SyncEngine

/// `plan --json`, written through `Codable` so its shape is one type:
///
/// ```json
/// {"batches":[{"changes":[{"after":"donot","before":"auto","domain":"a.com","field":"renew_option"}],
///   "command":"set_renew_option","domains":["a.com"],"params":{"renew_option":"donot"}}],
///  "calls":1,"money_cost":"0.00","sections":[{"calls":1,"command":"set_renew_option","domains":1,
///   "field":"renew_option","title":"renew option → donot · 1 domain · 1 call","value":"donot"}],"setup":[]}
/// ```
///
/// Keys are sorted; a DNS change adds `records_added` and `records_removed`
/// (`{"extra","host","type","value"}`, host `@` for the apex, type upper
/// case, as `dns show --json` writes records); a money change adds `cost`.
/// `calls` counts the setup calls too.
struct PlanJSON: Codable, Equatable {
    struct Call: Codable, Equatable {
        var command: String
        var params: [String: String]
    }

    struct Record: Codable, Equatable {
        var host: String
        var type: String
        var value: String
        var extra: String
    }

    struct Change: Codable, Equatable {
        var domain: String
        var field: String
        var before: String
        var after: String
        var cost: String?
        var recordsAdded: [Record]?
        var recordsRemoved: [Record]?
        /// A folder-wide setting's folder, by its cached name (absent for
        /// domains and for a folder the cache no longer has).
        var folderName: String?

        enum CodingKeys: String, CodingKey {
            case domain, field, before, after, cost
            case folderName = "folder_name"
            case recordsAdded = "records_added"
            case recordsRemoved = "records_removed"
        }
    }

    struct Batch: Codable, Equatable {
        var command: String
        var domains: [String]
        var params: [String: String]
        var changes: [Change]
    }

    struct Section: Codable, Equatable {
        var title: String
        var command: String
        var field: String
        var value: String
        var domains: Int
        var calls: Int
        var cost: String?
    }

    var calls: Int
    var setup: [Call]
    var moneyCost: String
    var batches: [Batch]
    var sections: [Section]

    enum CodingKeys: String, CodingKey {
        case calls, setup, batches, sections
        case moneyCost = "money_cost"
    }

    init(_ plan: Plan, targets: TargetNames) {
        func params(_ list: [QueryParameter]) -> [String: String] {
            Dictionary(list.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        func record(_ entry: DnsEntry) -> Record {
            Record(host: entry.host.isEmpty ? "@" : entry.host, type: entry.type.uppercased(), value: entry.value, extra: entry.extra)
        }
        calls = plan.calls
        setup = plan.setup.map { Call(command: $0.command, params: params($0.parameters)) }
        moneyCost = Cents.format(cents: plan.moneyCostCents)
        batches = plan.batches.map { batch in
            Batch(command: batch.command, domains: batch.domains, params: params(batch.parameters),
                  changes: batch.intentIDs.compactMap { plan.changes[$0] }.map { change in
                      let records = change.recordChanges
                      // A folder-wide setting's `after` names its folder as the cache has it now.
                      let folder = targets.folder(change.domain)
                      return Change(domain: change.domain, field: change.field.rawValue, before: change.before,
                                    after: folder.map { "\($0): \(change.after)" } ?? change.after,
                                    cost: batch.spendsMoney ? change.costCents.map { Cents.format(cents: $0) } : nil,
                                    recordsAdded: records?.added.map(record), recordsRemoved: records?.removed.map(record),
                                    folderName: targets.folderName(change.domain))
                  })
        }
        sections = plan.sections.map { entry in
            let s = entry.section
            return Section(title: s.title, command: s.command, field: s.field.rawValue, value: s.value, domains: s.domains,
                           calls: s.calls, cost: s.spendsMoney ? Cents.format(cents: s.costCents) : nil)
        }
    }

    /// One line of JSON, keys sorted. DEL and C1 controls (which JSON
    /// allows raw) are written as `\u` escapes too, so no text from the
    /// account reaches a terminal as a control sequence.
    func encoded() throws -> String { try JSONOutput.text(self) }
}
