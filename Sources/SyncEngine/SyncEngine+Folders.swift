import DynadotAPI
import Foundation
@_spi(OutboxWriter) import PortfolioStore

/// A folder as the views list it: its cached domain count and settings.
public struct FolderSummary: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Present domains the cache holds in it.
    public var domains: Int
    /// Its settings as the last `folder_list` reported them.
    public var settings: [DefaultSetting]
}

/// What a folder-wide change's verifying sync found.
public struct FolderCheck: Sendable, Hashable {
    public var folderName: String
    public var setting: String
    /// Domains in the folder after the sync.
    public var members: Int
    /// Members that do not show the setting, by name (at most 20 kept).
    public var mismatched: [String]
    public var mismatchCount: Int
}

/// What queueing a folder setting did, with what the confirmation names.
public struct FolderQueueResult: Sendable {
    public var summary: QueueSummary
    public var change: FolderChange
}

extension SyncEngine {
    /// The cached folders with their domain counts and settings, by name.
    public func folderSummaries() throws -> [FolderSummary] {
        let counts = try store.folderDomainCounts()
        return try store.folders().map { row in
            let groups = row.extraJSON.flatMap { try? JSONValue.parse(Data($0.utf8)) }?.fields ?? [:]
            return FolderSummary(id: row.id, name: row.name, domains: counts[row.id] ?? 0, settings: DefaultSetting.parse(groups))
        }
    }

    /// The cached folder named `name` (exact, as the provider compares).
    public func folder(named name: String) throws -> FolderRow {
        let folders = try store.folders()
        if let found = folders.first(where: { $0.name == name }) { return found }
        let near = TypedValueRules.suggestions(for: name, among: folders.map(\.name))
        throw SyncError.invalidEdit("no folder '\(TerminalText.escaped(name))' in the cache"
                                    + (near.isEmpty ? "" : " (did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?)")
                                    + "; list them with `dynafolio folder ls`, or run `dynafolio sync`")
    }

    /// Queues `setting` for folder `name` as one operation with one intent:
    /// `push` sends it as one `set_folder_*` call however many domains the
    /// folder holds. `future` sends `enable=yes`, `applyNow` `sync=yes`;
    /// at least one is required (a setting applied to nothing is a mistake).
    public func queueFolderSetting(folder name: String, setting: FolderSetting, future: Bool, applyNow: Bool,
                                   origin: OperationOrigin) throws -> FolderQueueResult {
        guard future || applyNow || setting.isClear else {
            throw SyncError.invalidEdit("say where the setting applies: --apply-now (every domain in the folder now), --future (domains moved in later), or both")
        }
        try validate(setting)
        let folder = try folder(named: name)
        let members = try store.folderDomainCounts()[folder.id] ?? 0
        let synced = try store.lastSyncRun(kind: "domains", outcome: .complete)?.endedMs
        let change = FolderChange(folderID: folder.id, folderName: folder.name, setting: setting, future: future,
                                  applyNow: applyNow, cachedDomains: members, syncedAtMs: synced)
        let edit = Edit.folderSetting(change)
        let result = try store.enqueue(NewOperation(origin: origin, label: edit.label(domains: members)),
                                       intents: [NewIntent(domain: change.target, field: IntentField.folderSetting.rawValue,
                                                           value: edit.encodedValue, baseValue: JSONValue.null.serialized(),
                                                           valueVersion: Edit.valueVersion)])
        logger.info("queued folder setting", metadata: ["command": "\(change.commandShape.command)", "domains": "\(members)"])
        return FolderQueueResult(summary: QueueSummary(added: result.added.count, superseded: result.superseded,
                                                       cancelled: result.cancelled, unchanged: result.unchanged,
                                                       operationID: result.operationID),
                                 change: change)
    }

    /// Refuses a setting Dynadot would refuse, before anything is queued.
    func validate(_ setting: FolderSetting) throws {
        switch setting {
        case .edit(let edit):
            guard FolderSetting.accepts(edit) else {
                throw SyncError.invalidEdit("a folder cannot hold '\(edit.field.rawValue)'; use one of \(FolderSetting.verbs.joined(separator: ", "))")
            }
            if case .contacts(let r, let a, let t, let b) = edit, [r, a, t, b].contains(where: { $0 == nil }) {
                throw SyncError.invalidEdit("a folder's whois takes all four contacts: --registrant, --admin, --technical and --billing")
            }
            try validate(edit)
        case .hosting(let type):
            guard ["basic", "advanced"].contains(type) else {
                throw SyncError.invalidEdit("hosting is basic or advanced (got '\(TerminalText.escaped(type))')")
            }
        case .clear:
            break
        }
    }

    /// Creates folder `name` now (`create_folder`) and refreshes the cached list.
    @discardableResult
    public func createFolder(_ name: String) async throws -> FolderRow {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw SyncError.invalidEdit("a folder needs a name") }
        try TypedValueRules.refuseControls(trimmed, field: "folder name")
        guard trimmed.lowercased() != "default" else { throw SyncError.invalidEdit("'Default' is the provider's own folder; choose another name") }
        if try store.folders().contains(where: { $0.name == trimmed }) {
            throw SyncError.invalidEdit("folder '\(TerminalText.escaped(trimmed))' already exists")
        }
        try await sendNow(APIRequest("create_folder", ["folder_name": trimmed]))
        try await refreshFolders()
        return try folder(named: trimmed)
    }

    /// Deletes folder `name` now (`delete_folder`); its domains move to no
    /// folder. Returns how many cached domains were in it.
    @discardableResult
    public func deleteFolder(_ name: String) async throws -> Int {
        let folder = try folder(named: name)
        let members = try store.domainNames(inFolder: folder.id)
        try await sendNow(APIRequest("delete_folder", ["folder_id": folder.id]))
        try await refreshFolders()
        if !members.isEmpty {
            let rows = try store.domains(named: members).map { row -> DomainRow in
                var moved = row
                moved.folderID = nil
                moved.folderName = ""
                return moved
            }
            _ = try store.upsertDomains(rows, syncedAtMs: store.nowMs)
        }
        return members.count
    }

    /// Renames folder `name` to `newName` now (`set_folder_name`).
    public func renameFolder(_ name: String, to newName: String) async throws {
        let folder = try folder(named: name)
        let trimmed = newName.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw SyncError.invalidEdit("give the new name") }
        try TypedValueRules.refuseControls(trimmed, field: "folder name")
        if try store.folders().contains(where: { $0.name == trimmed }) {
            throw SyncError.invalidEdit("folder '\(TerminalText.escaped(trimmed))' already exists")
        }
        let members = try store.domainNames(inFolder: folder.id)
        try await sendNow(APIRequest("set_folder_name", ["folder_id": folder.id, "folder_name": trimmed]))
        try await refreshFolders()
        let rows = try store.domains(named: members).map { row -> DomainRow in
            var renamed = row
            renamed.folderName = trimmed
            return renamed
        }
        if !rows.isEmpty { _ = try store.upsertDomains(rows, syncedAtMs: store.nowMs) }
    }

    /// `folder_list` into the cache, settings included.
    public func refreshFolders() async throws {
        let client = try requireClient()
        let folders = try await mapped { try FolderList(try await client.send(APIRequest("folder_list"))).folders }
        try store.replaceFolders(folders.map(Self.folderRow), syncedAtMs: store.nowMs)
    }

    static func folderRow(_ folder: Folder) -> FolderRow {
        FolderRow(id: folder.id, name: folder.name,
                  extraJSON: folder.defaults.isEmpty ? nil : JSONValue.object(folder.defaults).serialized())
    }

    /// Sends one call now, offline and outage answers as sync errors.
    @discardableResult
    func sendNow(_ request: APIRequest) async throws -> APIResponse {
        let client = try requireClient()
        return try await mapped { try await client.send(request) }
    }

    func mapped<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DynadotError {
            if case .transport = error { throw SyncError.offline(error.message) }
            if case .outage(_, let message) = error { throw SyncError.outage(message) }
            throw error
        }
    }

    /// After a push applied folder settings with `sync=yes`: refreshes the
    /// folder list and the domain listing (a sync of the folders' domains)
    /// and checks every member shows the setting.
    func verifyFolderSettings(_ changes: [FolderChange], client: DynadotClient, tally: PushTally) async throws {
        tally.update { $0.calls += 1 }
        let folders = try FolderList(try await client.send(APIRequest("folder_list"))).folders
        try store.replaceFolders(folders.map(Self.folderRow), syncedAtMs: store.nowMs)
        let applied = changes.filter { change in
            if case .clear = change.setting { return false }
            return change.applyNow
        }
        guard !applied.isEmpty else { return }
        var summary = PullSummary()
        try await pullDomains(client, PullOptions(), &summary, { _ in })
        tally.update { $0.calls += summary.calls }
        for change in applied {
            let rows = try store.domains(named: try store.domainNames(inFolder: change.folderID))
            let wrong = rows.filter { !Self.shows(change.setting, row: $0) }.map(\.name)
            let check = FolderCheck(folderName: change.folderName, setting: change.setting.text, members: rows.count,
                                    mismatched: Array(wrong.prefix(20)), mismatchCount: wrong.count)
            tally.update { summary in
                summary.folderChecks.append(check)
                for name in check.mismatched {
                    summary.problems.append(PushProblem(domain: name, what: change.commandShape.command,
                                                        reason: "does not show the folder's \(change.setting.text) after the verifying sync"))
                }
            }
        }
    }

    /// Whether a cached row shows a folder setting.
    static func shows(_ setting: FolderSetting, row: DomainRow) -> Bool {
        switch setting {
        case .hosting: return row.nsType == .other
        case .clear: return true
        case .edit(let edit):
            switch edit {
            case .nameServers(let hosts): return row.nsType == .nameservers && row.nameservers == hosts.map(Edit.normaliseHost)
            case .parking(let ads): return row.nsType == .parking && row.withAds == ads
            case .forwarding: return row.nsType == .forwarding
            case .stealth: return row.nsType == .stealth
            case .dns: return row.nsType == .dynadotDNS
            case .renewOption(let choice): return row.renewOption.rawValue == choice.rawValue
            case .contacts(let r, let a, let t, let b):
                return row.registrantID == r && row.adminID == a && row.technicalID == t && row.billingID == b
            default: return true
            }
        }
    }
}

extension FolderSetting {
    /// Whether this clears a service rather than setting one.
    public var isClear: Bool {
        if case .clear = self { return true }
        return false
    }
}
