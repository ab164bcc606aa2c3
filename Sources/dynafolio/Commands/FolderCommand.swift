import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio folder ls|create|rm|rename|set|clear`: folders and their
/// folder-wide settings.
struct FolderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folder",
        abstract: "List folders, create, rename and delete them, and queue folder-wide settings.",
        discussion: """
        `folder set` and `folder clear` are queued (sent by `push`, shown by `plan`): one \
        set_folder_* call for the whole folder, whatever its size. create, rm and rename are \
        one call each, sent at once.
        """,
        subcommands: [FolderList.self, FolderCreate.self, FolderRemove.self, FolderRename.self, FolderSet.self, FolderClear.self]
    )

    /// A sync error as the CLI reports it (usage errors exit 2).
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as SyncError {
            if case .invalidEdit(let why) = error { throw CLIFailure.usage(why) }
            throw error
        }
    }

    /// Opens the context for a command that changes the account now.
    static func online() throws -> AppContext {
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        try context.requireAccount()
        return context
    }

    /// Reads `SETTING ARGS…` (`ns a.example b.example`, `dns --record '@ A 192.0.2.1'`).
    static func setting(_ words: [String]) throws -> FolderSetting {
        if words.first?.lowercased() == "dns" {
            var records: [String] = []
            var ttl: Int?
            var rest = Array(words.dropFirst())
            while !rest.isEmpty {
                let word = rest.removeFirst()
                guard !rest.isEmpty else { throw CLIFailure.usage("\(word) needs a value") }
                let value = rest.removeFirst()
                switch word {
                case "--record": records.append(value)
                case "--ttl":
                    guard let seconds = Int(value), seconds > 0 else { throw CLIFailure.usage("--ttl takes seconds, e.g. --ttl 3600") }
                    ttl = seconds
                default: throw CLIFailure.usage("dns takes --record 'HOST TYPE VALUE [PRIORITY]' (repeatable) and --ttl SECONDS")
                }
            }
            guard !records.isEmpty else { throw CLIFailure.usage("dns needs at least one --record 'HOST TYPE VALUE [PRIORITY]'") }
            return .edit(.dns(try DnsBase.parse(records, ttl: ttl)))
        }
        do {
            return try FolderSetting.parse(words: words)
        } catch let error as SyncError {
            throw CLIFailure.usage(error.description)
        }
    }
}

/// `dynafolio folder ls [--json] [--refresh]`.
struct FolderList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ls",
        abstract: "List folders with their cached domain counts and settings (works offline).",
        discussion: "--json prints [{\"id\", \"name\", \"domains\", \"settings\": [{\"kind\", \"value\", \"enabled\"}]}]; enabled means the setting applies to domains moved in later."
    )

    @Flag(help: "Print a JSON array instead of a table.") var json = false
    @Flag(help: "Fetch the folder list from Dynadot first (one folder_list call).") var refresh = false

    func run() async throws {
        let context = refresh ? try FolderCommand.online() : try AppContext.open()
        if refresh { try await FolderCommand.run { try await context.engine.refreshFolders() } }
        let folders = try context.engine.folderSummaries()
        if json {
            try JSONOutput.emit(folders.map(JSONOutput.FolderEntry.init))
            return
        }
        guard !folders.isEmpty else {
            print("no folders cached; create one with `dynafolio folder create NAME` or run `dynafolio sync`")
            return
        }
        let width = max(6, folders.map { TerminalText.escaped($0.name).count }.max() ?? 6)
        print(SearchCommand.padded("FOLDER", width) + "  DOMAINS  SETTINGS")
        for folder in folders {
            let settings = folder.settings.map(FolderText.setting).joined(separator: "; ")
            print(SearchCommand.padded(TerminalText.escaped(folder.name), width) + "  "
                  + SearchCommand.padded(NumberText.grouped(folder.domains), 7) + "  " + TerminalText.escaped(settings))
        }
    }
}

/// How settings read in lists: `ns Dynadot Parking (ads) [future]`.
enum FolderText {
    static func setting(_ s: DefaultSetting) -> String {
        "\(s.kind) \(s.value)" + (s.enabled == true ? " [future]" : "")
    }
}

/// `dynafolio folder create NAME`.
struct FolderCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a folder now (one create_folder call).")
    @Argument(help: "The new folder's name (case-sensitive).") var name: String

    func run() async throws {
        let context = try FolderCommand.online()
        let folder = try await FolderCommand.run { try await context.engine.createFolder(name) }
        print("created folder \(TerminalText.escaped(folder.name)) (id \(folder.id))")
    }
}

/// `dynafolio folder rm NAME [--yes]`.
struct FolderRemove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Delete a folder now (one delete_folder call); its domains move to no folder.",
        discussion: "A folder that holds domains in the cache is deleted only with --yes (or when confirmed on a terminal)."
    )
    @Argument(help: "The folder to delete.") var name: String
    @Flag(name: .shortAndLong, help: "Delete even when the folder holds domains.") var yes = false

    func run() async throws {
        let context = try FolderCommand.online()
        let folder = try await FolderCommand.run { try context.engine.folder(named: name) }
        let members = try context.store.folderDomainCounts()[folder.id] ?? 0
        if members > 0 && !yes {
            let question = "folder \(TerminalText.escaped(folder.name)) holds \(NumberText.count(members, "domain")) in the cache; they move to no folder"
            guard isInteractive else { throw CLIFailure.usage("\(question); pass --yes to delete it anyway") }
            Swift.print("\(question). Delete it? [y/N] ", terminator: "")
            fflush(nil)
            guard let answer = readLine()?.lowercased(), answer == "y" || answer == "yes" else {
                print("not deleted")
                return
            }
        }
        let moved = try await FolderCommand.run { try await context.engine.deleteFolder(folder.name) }
        print("deleted folder \(TerminalText.escaped(folder.name)); \(NumberText.count(moved, "domain")) now in no folder")
    }
}

/// `dynafolio folder rename NAME NEW-NAME`.
struct FolderRename: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a folder now (one set_folder_name call).")
    @Argument(help: "The folder's current name.") var name: String
    @Argument(help: "Its new name.") var newName: String

    func run() async throws {
        let context = try FolderCommand.online()
        try await FolderCommand.run { try await context.engine.renameFolder(name, to: newName) }
        print("renamed folder \(TerminalText.escaped(name)) to \(TerminalText.escaped(newName))")
    }
}

/// `dynafolio folder set NAME SETTING ARGS… [--future] [--apply-now]`.
struct FolderSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Queue a folder-wide setting: one set_folder_* call for the whole folder (sent by `push`).",
        discussion: """
        SETTING is one of: ns HOST… | renew auto|donot|reset | whois --registrant ID --admin ID \
        --technical ID --billing ID | parking [--no-ads] | forward URL [--permanent] | stealth URL \
        [--title T] | hosting basic|advanced | dns --record 'HOST TYPE VALUE [PRIORITY]'… [--ttl S]. \
        --apply-now sends sync=yes: every domain in the folder at Dynadot gets it now, including \
        domains moved into the folder elsewhere since the last sync. --future sends enable=yes: \
        domains moved into the folder later get it. Give at least one. After the push, a sync of \
        the domain list verifies every member shows the setting.
        """
    )

    @Argument(help: "The folder (case-sensitive).") var name: String
    @Flag(help: "Apply to domains moved into the folder later (enable=yes).") var future = false
    @Flag(name: .customLong("apply-now"), help: "Apply to every domain in the folder now (sync=yes).") var applyNow = false
    @Argument(parsing: .allUnrecognized, help: "The setting and its values.") var words: [String] = []

    func run() async throws {
        let setting = try FolderCommand.setting(words)
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        let result = try await FolderCommand.run {
            try context.engine.queueFolderSetting(folder: name, setting: setting, future: future, applyNow: applyNow, origin: .cli)
        }
        FolderSet.report(result)
    }

    static func report(_ result: FolderQueueResult) {
        let change = result.change
        var lines = ["queued for folder \(TerminalText.escaped(change.folderName)): \(TerminalText.escaped(change.setting.text)) — one \(change.commandShape.command) call at push"]
        if change.applyNow {
            let synced = change.syncedAtMs.map { "last synced \(ValueDisplay.isoDate($0))" } ?? "never synced"
            lines.append("applies now to every domain in the folder: \(NumberText.count(change.cachedDomains, "domain")) in the cache (\(synced)); domains moved into the folder elsewhere since then are changed too")
        }
        if change.future { lines.append("kept for domains moved into the folder later") }
        if result.summary.superseded > 0 { lines.append("replaces the earlier queued setting") }
        lines.append("Review with `dynafolio plan`, send with `dynafolio push`.")
        print(lines.joined(separator: "\n"))
    }
}

/// `dynafolio folder clear NAME SERVICE`.
struct FolderClear: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Queue clearing one of a folder's settings (one set_clear_folder_setting call, sent by `push`).",
        discussion: "SERVICE is one of: forward, stealth, email, dns, ns."
    )
    @Argument(help: "The folder (case-sensitive).") var name: String
    @Argument(help: "forward, stealth, email, dns or ns.") var service: String

    func run() async throws {
        guard let cleared = FolderService(word: service) else {
            throw CLIFailure.usage("'\(TerminalText.escaped(service))' is not a folder setting to clear; use one of: \(FolderService.words.joined(separator: ", "))")
        }
        let context = try AppContext.open()
        if let reason = context.store.readOnlyReason { throw CLIFailure(reason) }
        let result = try await FolderCommand.run {
            try context.engine.queueFolderSetting(folder: name, setting: .clear(cleared), future: false, applyNow: false, origin: .cli)
        }
        FolderSet.report(result)
    }
}
