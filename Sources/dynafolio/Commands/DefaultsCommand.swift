import ArgumentParser
import DynadotAPI
import Foundation
import PortfolioStore
import SyncEngine

/// `dynafolio defaults show|set|clear`: the account's defaults for new domains.
struct DefaultsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "defaults",
        abstract: "Show and change the account's defaults for new domains (set_default_*).",
        discussion: "set and clear are one call each, sent at once; they change only domains added later, never existing ones.",
        subcommands: [DefaultsShow.self, DefaultsSet.self, DefaultsClear.self]
    )
}

/// `dynafolio defaults show [--json] [--refresh]`.
struct DefaultsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the balance, price level, API tier and defaults for new domains (cached; --refresh reads account_info).",
        discussion: "--json prints {\"username\", \"balance\", \"currency\", \"price_level\", \"tier\", \"defaults\": [{\"kind\", \"value\"}], \"fetched_at\"}."
    )

    @Flag(help: "Print JSON.") var json = false
    @Flag(help: "Read account_info and the balance from Dynadot first (two calls).") var refresh = false

    func run() async throws {
        let context = refresh ? try FolderCommand.online() : try AppContext.open()
        if refresh { try await FolderCommand.run { try await context.engine.refreshAccount() } }
        guard let account = try context.engine.accountOverview() else {
            throw CLIFailure("the account was never read; run `dynafolio sync` or `dynafolio defaults show --refresh`")
        }
        if json {
            try JSONOutput.emit(JSONOutput.AccountEntry(account: account))
            return
        }
        print(DefaultsShow.lines(account).joined(separator: "\n"))
    }

    static func lines(_ account: AccountOverview) -> [String] {
        let e = { (text: String) in TerminalText.escaped(text) }
        var lines = [
            "account      \(e(account.username))",
            "balance      \(account.balanceCents.map(Cents.dollars) ?? "unknown") \(e(account.currency))",
            "price level  \(e(account.priceLevel.isEmpty ? "unknown" : account.priceLevel))",
            "API tier     \(e(account.tier.isEmpty ? "unknown" : account.tier))",
            "read         \(ValueDisplay.isoDate(account.fetchedAtMs))",
            "defaults for new domains:",
        ]
        lines += account.defaults.map { "  \(SearchCommand.padded(e($0.kind), 6)) \(e($0.value))" }
        return lines
    }
}

/// `dynafolio defaults set SETTING ARGS…`.
struct DefaultsSet: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set a default for new domains now (one set_default_* call).",
        discussion: """
        SETTING is one of: ns HOST… | renew auto|donot|reset | whois --registrant ID --admin ID \
        --technical ID --billing ID | parking [--no-ads] | forward URL [--permanent] | stealth URL \
        [--title T] | hosting basic|advanced | dns --record 'HOST TYPE VALUE [PRIORITY]'… [--ttl S]. \
        Existing domains keep their settings.
        """
    )
    @Argument(parsing: .allUnrecognized, help: "The setting and its values.") var words: [String] = []

    func run() async throws {
        let setting = try FolderCommand.setting(words)
        let context = try FolderCommand.online()
        let shape = try await FolderCommand.run { try await context.engine.setAccountDefault(setting) }
        print("sent \(shape.command) (one call): new domains get \(TerminalText.escaped(setting.text))")
    }
}

/// `dynafolio defaults clear SERVICE`.
struct DefaultsClear: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear",
        abstract: "Clear a default for new domains now (one set_clear_default_setting call).",
        discussion: "SERVICE is one of: forward, stealth, email, dns, ns."
    )
    @Argument(help: "forward, stealth, email, dns or ns.") var service: String

    func run() async throws {
        guard let cleared = FolderService(word: service) else {
            throw CLIFailure.usage("'\(TerminalText.escaped(service))' is not a default to clear; use one of: \(FolderService.words.joined(separator: ", "))")
        }
        let context = try FolderCommand.online()
        try await FolderCommand.run { try await context.engine.setAccountDefault(.clear(cleared)) }
        print("sent set_clear_default_setting service=\(cleared.rawValue) (one call)")
    }
}

extension JSONOutput {
    /// One folder of `folder ls --json`.
    struct FolderEntry: Encodable {
        let folder: FolderSummary

        private enum Key: String, CodingKey { case id, name, domains, settings }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(folder.id, forKey: .id)
            try out.encode(folder.name, forKey: .name)
            try out.encode(folder.domains, forKey: .domains)
            try out.encode(folder.settings.map(SettingEntry.init), forKey: .settings)
        }
    }

    /// One setting of a folder or of the account's defaults.
    struct SettingEntry: Encodable {
        let setting: DefaultSetting

        private enum Key: String, CodingKey { case kind, value, enabled }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(setting.kind, forKey: .kind)
            try out.encode(setting.value, forKey: .value)
            if let enabled = setting.enabled { try out.encode(enabled, forKey: .enabled) }
        }
    }

    /// `defaults show --json`.
    struct AccountEntry: Encodable {
        let account: AccountOverview

        private enum Key: String, CodingKey {
            case username, balance, currency, priceLevel = "price_level", tier, defaults, fetchedAt = "fetched_at"
        }

        func encode(to encoder: any Encoder) throws {
            var out = encoder.container(keyedBy: Key.self)
            try out.encode(account.username, forKey: .username)
            try out.encode(account.balanceCents.map { Cents.format(cents: $0) }, forKey: .balance)
            try out.encode(account.currency, forKey: .currency)
            try out.encode(account.priceLevel, forKey: .priceLevel)
            try out.encode(account.tier, forKey: .tier)
            try out.encode(account.defaults.map(SettingEntry.init), forKey: .defaults)
            try out.encode(ValueDisplay.isoDate(account.fetchedAtMs), forKey: .fetchedAt)
        }
    }
}
