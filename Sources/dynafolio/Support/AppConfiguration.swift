import DynadotAPI
import Foundation
import PortfolioApp
import TOMLKit

/// A configuration problem, with a message that says how to fix it.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String
}

/// One `[accounts.NAME]` table of `config.toml`.
struct AccountSettings {
    var apiKey: APIKey?
    var apiKeyCommand: String?
    var endpoint: URL?
    var tier: AccountTier?
    var ratePerMinute: Int?
    var isDefault = false
}

/// Everything `dynafolio` reads from `config.toml` and the environment, for
/// one account.
///
/// Precedence: environment (`DYNADOT_API_KEY`, `DYNAFOLIO_ENDPOINT`,
/// `DYNAFOLIO_DB`, `DYNAFOLIO_THEME`, `DYNAFOLIO_TIER`,
/// `DYNAFOLIO_RATE_PER_MINUTE`) over the file over defaults. The key is
/// never taken from the command line. The account is the one `--account`
/// or `DYNAFOLIO_ACCOUNT` names, else the one with `default = true`, else
/// `default` (the single-account keys at the top of the file); the key,
/// endpoint, tier and cache variables apply to that account only.
struct AppConfiguration {
    /// The key from `api_key` or `DYNADOT_API_KEY`; nil when neither is
    /// set (`apiKeyCommand` may still supply one, when a command needs it).
    var apiKey: APIKey?
    /// `api_key_command`: run only when a key is needed and none is set.
    var apiKeyCommand: String?
    /// Seconds `api_key_command` may take (`api_key_command_timeout`, default 10).
    var apiKeyCommandTimeout: TimeInterval = 10
    /// Whether a key is set or can be fetched by `api_key_command`.
    var hasKeySource: Bool { apiKey.map { !$0.isEmpty } == true || apiKeyCommand != nil }
    /// The longest key accepted: Dynadot's keys are far shorter.
    static let maxKeyLength = 256
    var endpoint: URL
    var tier: AccountTier
    /// Requests per minute set by `rate_per_minute`; nil follows the tier.
    var ratePerMinuteSetting: Int?
    /// Requests per minute the client holds to: the setting, else the
    /// tier's rate (Regular 60, Bulk 600, Super Bulk 6,000).
    var requestsPerMinute: Int { ratePerMinuteSetting ?? tier.requestsPerMinute }
    /// Seconds to wait for one answer from Dynadot.
    var timeout: TimeInterval = 30
    var theme: String?
    /// Action id → key names, from `[keys]`.
    var keys: [String: [String]]
    /// Domains pane column id → shown, from `[columns]` (the column chooser writes it).
    var columns: [String: Bool] = [:]
    /// Saved views by name, from `[views]` (`:save-view` writes it).
    var views: [String: SavedView] = [:]
    /// Days of history kept (`history_days`); older history is pruned at sync time.
    var historyDays = 730
    var databasePath: String
    var logPath: String
    var configPath: String
    /// The account this configuration is for: `default` for the
    /// single-account keys, else the `[accounts.NAME]` it came from.
    var accountName = AccountNames.legacy
    /// Every configured account, `default` first, then by name.
    var accountNames: [String] = [AccountNames.legacy]
    /// Whether `--account`, `DYNAFOLIO_ACCOUNT`, `default = true` or a lone
    /// account chose `accountName` (false: several accounts, none chosen).
    var accountChosen = true
    /// The `[accounts.NAME]` tables.
    private var accountTables: [String: AccountSettings] = [:]

    /// The configuration of the chosen account. `account` (from `--account`)
    /// wins over `DYNAFOLIO_ACCOUNT`; an unknown name is a usage error that
    /// lists the accounts. With `requireChoice` false, several accounts and
    /// none chosen is not an error (commands over every account).
    static func load(environment env: [String: String] = ProcessInfo.processInfo.environment,
                     account requested: String? = AccountNames.commandLine, requireChoice: Bool = true,
                     accountOverrides: Bool = true) throws -> AppConfiguration {
        let home = env["HOME"] ?? NSHomeDirectory()
        let configHome = nonEmpty(env["XDG_CONFIG_HOME"]) ?? home + "/.config"
        let dataHome = nonEmpty(env["XDG_DATA_HOME"]) ?? home + "/.local/share"
        let stateHome = nonEmpty(env["XDG_STATE_HOME"]) ?? home + "/.local/state"
        let configPath = configHome + "/dynafolio/config.toml"

        var config = AppConfiguration(apiKey: nil, endpoint: ClientConfiguration.production, tier: .regular,
                                      theme: nil, keys: [:], databasePath: dataHome + "/dynafolio/cache.sqlite",
                                      logPath: stateHome + "/dynafolio/dynafolio.log", configPath: configPath)
        if FileManager.default.fileExists(atPath: configPath) {
            try config.apply(file: configPath)
        }
        try config.chooseAccount(requested ?? nonEmpty(env["DYNAFOLIO_ACCOUNT"]), requireChoice: requireChoice, dataHome: dataHome)
        if accountOverrides && config.accountChosen {
            if let key = nonEmpty(env["DYNADOT_API_KEY"]) { config.apiKey = try checkKey(APIKey(key), source: "DYNADOT_API_KEY") }
            if let endpoint = nonEmpty(env["DYNAFOLIO_ENDPOINT"]) { config.endpoint = try parseEndpoint(endpoint, source: "DYNAFOLIO_ENDPOINT") }
            if let db = nonEmpty(env["DYNAFOLIO_DB"]) { config.databasePath = db }
            if let tier = nonEmpty(env["DYNAFOLIO_TIER"]) { config.tier = try parseTier(tier, source: "DYNAFOLIO_TIER") }
        }
        if let theme = nonEmpty(env["DYNAFOLIO_THEME"]) { config.theme = theme }
        if let rate = nonEmpty(env["DYNAFOLIO_RATE_PER_MINUTE"]) {
            config.ratePerMinuteSetting = try parseRate(Int(rate.trimmingCharacters(in: .whitespaces)), text: rate,
                                                        source: "DYNAFOLIO_RATE_PER_MINUTE")
        }
        return config
    }

    /// One configuration per account, in `accountNames` order. The key,
    /// endpoint, tier and cache variables apply only to the account
    /// `--account` or `DYNAFOLIO_ACCOUNT` chose (or the default one).
    static func loadAll(environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> [AppConfiguration] {
        let chosen = try load(environment: env, requireChoice: false)
        return try chosen.accountNames.map { name in
            if name == chosen.accountName && chosen.accountChosen { return chosen }
            return try load(environment: env, account: name, accountOverrides: false)
        }
    }

    /// Picks the account and takes its table's settings over the top-level
    /// ones; its cache is `NAME.sqlite` beside the single-account cache
    /// (which the account `default` keeps using).
    private mutating func chooseAccount(_ requested: String?, requireChoice: Bool, dataHome: String) throws {
        let legacy = apiKey != nil || apiKeyCommand != nil || accountTables.isEmpty
        if legacy && !accountTables.isEmpty && accountTables[AccountNames.legacy] != nil {
            throw ConfigurationError(description: "\(configPath): api_key / api_key_command at the top of the file and [accounts.default]"
                + " both configure the account 'default'; keep one of them")
        }
        var names = Set(accountTables.keys)
        if legacy { names.insert(AccountNames.legacy) }
        accountNames = names.sorted { ($0 == AccountNames.legacy ? 0 : 1, $0) < ($1 == AccountNames.legacy ? 0 : 1, $1) }
        let flagged = accountTables.filter(\.value.isDefault).keys.sorted()
        if flagged.count > 1 {
            throw ConfigurationError(description: "\(configPath): accounts \(flagged.joined(separator: ", ")) all say default = true; keep it in one")
        }
        let name: String
        if let requested {
            guard names.contains(requested) else {
                throw CLIFailure.usage("no account '\(TerminalText.escaped(requested))' in \(configPath); the accounts are: "
                    + accountNames.joined(separator: ", ") + " — pick one with --account NAME or DYNAFOLIO_ACCOUNT, or add [accounts.NAME]")
            }
            name = requested
        } else if let flaggedName = flagged.first {
            name = flaggedName
        } else if names.contains(AccountNames.legacy) {
            name = AccountNames.legacy
        } else if accountNames.count == 1 {
            name = accountNames[0]
        } else if requireChoice {
            throw CLIFailure.usage("\(configPath) has several accounts (\(accountNames.joined(separator: ", "))) and none has default = true;"
                + " pick one with --account NAME or DYNAFOLIO_ACCOUNT, or add default = true to one of them")
        } else {
            name = accountNames[0]
            accountChosen = false
        }
        accountName = name
        if let settings = accountTables[name] {
            apiKey = settings.apiKey
            apiKeyCommand = settings.apiKeyCommand
            if let endpoint = settings.endpoint { self.endpoint = endpoint }
            if let tier = settings.tier { self.tier = tier }
            if let rate = settings.ratePerMinute { ratePerMinuteSetting = rate }
        }
        databasePath = AccountNames.cachePath(account: name, dataHome: dataHome)
    }

    /// `[accounts.NAME]` tables: each an account with its own key (or key
    /// command), endpoint, tier and rate; one may say `default = true`.
    private static func parseAccounts(_ value: any TOMLValueConvertible, source: String) throws -> [String: AccountSettings] {
        guard let accountsTable = value.table else {
            throw ConfigurationError(description: "\(source): [accounts] must hold one table per account, e.g. [accounts.client-a] with api_key_command = \"…\"")
        }
        let allowed: Set<String> = ["api_key", "api_key_command", "endpoint", "tier", "rate_per_minute", "default"]
        var accounts: [String: AccountSettings] = [:]
        for (name, entry) in accountsTable {
            do { try AccountNames.check(name) } catch let error as ConfigurationError {
                throw ConfigurationError(description: "\(source): [accounts.\(TerminalText.escaped(name))] \(error.description)")
            }
            // `:account all` opens the TUI's All-accounts view.
            guard name != AccountNames.all else {
                throw ConfigurationError(description: "\(source): [accounts.all] cannot be used: `all` names the TUI's All-accounts view"
                    + " (:account all); rename the table, e.g. [accounts.all-domains]")
            }
            guard let table = entry.table else {
                throw ConfigurationError(description: "\(source): accounts.\(name) must be a table: [accounts.\(name)] with api_key_command = \"…\"")
            }
            if let unknown = table.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw ConfigurationError(description: "\(source): unknown setting '\(TerminalText.escaped(unknown))' in [accounts.\(name)];"
                    + " known settings: \(allowed.sorted().joined(separator: ", "))")
            }
            var settings = AccountSettings()
            if let key = table["api_key"]?.string, !key.isEmpty {
                settings.apiKey = try checkKey(APIKey(key), source: "\(source): accounts.\(name).api_key")
            } else if let command = table["api_key_command"]?.string, !command.isEmpty {
                settings.apiKeyCommand = command
            }
            if let endpoint = table["endpoint"]?.string { settings.endpoint = try parseEndpoint(endpoint, source: "\(source): accounts.\(name)") }
            if let tier = table["tier"]?.string { settings.tier = try parseTier(tier, source: "\(source): accounts.\(name)") }
            if let rate = table["rate_per_minute"] {
                settings.ratePerMinute = try parseRate(rate.int, text: rate.debugDescription, source: "\(source): accounts.\(name)")
            }
            if let flag = table["default"] {
                guard let isDefault = flag.bool else {
                    throw ConfigurationError(description: "\(source): accounts.\(name).default must be true or false")
                }
                settings.isDefault = isDefault
            }
            accounts[name] = settings
        }
        return accounts
    }

    private mutating func apply(file path: String) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ConfigurationError(description: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let what = info.st_mode & S_IFMT == S_IFDIR ? "a directory" : "not a regular file"
            throw ConfigurationError(description: "\(path) is \(what), not a config file; move it away, then create config.toml there as a file (chmod 600)")
        }
        if info.st_mode & 0o077 != 0 {
            throw ConfigurationError(description: "\(path) is readable by other users and may hold your API key; run: chmod 600 \(path)")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw ConfigurationError(description: "cannot read \(path): \(error.localizedDescription)")
        }
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ConfigurationError(description: "\(path):\(error.source.begin.line): \(error.description)")
        } catch {
            throw ConfigurationError(description: "\(path): not valid TOML")
        }
        let known: Set<String> = ["api_key", "api_key_command", "api_key_command_timeout", "endpoint", "tier", "theme", "keys",
                                  "timeout", "rate_per_minute", "columns", "history_days", "views", "accounts"]
        if let unknown = table.keys.first(where: { !known.contains($0) }) {
            throw ConfigurationError(description: "\(path): unknown setting '\(unknown)'; known settings: \(known.sorted().joined(separator: ", "))")
        }
        if let key = table["api_key"]?.string, !key.isEmpty {
            apiKey = try Self.checkKey(APIKey(key), source: "\(path): api_key")
        } else if let command = table["api_key_command"]?.string, !command.isEmpty {
            apiKeyCommand = command
        }
        if let value = table["api_key_command_timeout"] {
            guard let seconds = value.double ?? value.int.map(Double.init), seconds >= 1, seconds <= 600 else {
                throw ConfigurationError(description: "\(path): api_key_command_timeout must be a number of seconds from 1 to 600 (default 10)")
            }
            apiKeyCommandTimeout = seconds
        }
        if let endpoint = table["endpoint"]?.string { self.endpoint = try Self.parseEndpoint(endpoint, source: path) }
        if let tier = table["tier"]?.string { self.tier = try Self.parseTier(tier, source: path) }
        if let theme = table["theme"]?.string { self.theme = theme }
        if let value = table["timeout"] {
            guard let seconds = value.double ?? value.int.map(Double.init), seconds >= 1, seconds <= 600 else {
                throw ConfigurationError(description: "\(path): timeout must be a number of seconds from 1 to 600")
            }
            timeout = seconds
        }
        if let value = table["history_days"] {
            guard let days = value.int, (1...36_500).contains(days) else {
                throw ConfigurationError(description: "\(path): history_days must be a whole number of days from 1 to 36500 (default 730)")
            }
            historyDays = days
        }
        if let value = table["rate_per_minute"] {
            ratePerMinuteSetting = try Self.parseRate(value.int, text: value.debugDescription, source: path)
        }
        if let value = table["columns"] {
            guard let columnTable = value.table else {
                throw ConfigurationError(description: "\(path): [columns] must be a table of column = true / false")
            }
            let ids = DomainsPane.choosableColumns.map(\.id)
            for (column, shown) in columnTable {
                guard ids.contains(column) else {
                    throw ConfigurationError(description: "\(path): unknown column '\(column)' in [columns]; known columns: \(ids.joined(separator: ", "))")
                }
                guard let flag = shown.bool else {
                    throw ConfigurationError(description: "\(path): columns.\(column) must be true or false")
                }
                columns[column] = flag
            }
        }
        if let value = table["views"] {
            views = try Self.parseViews(value, source: path)
        }
        if let value = table["accounts"] {
            accountTables = try Self.parseAccounts(value, source: path)
        }
        if let keyTable = table["keys"]?.table {
            for (action, value) in keyTable {
                if let one = value.string { keys[action] = [one] }
                else if let many = value.array { keys[action] = many.compactMap { $0.string } }
            }
        }
    }

    /// The key to send: `apiKey`, else what `api_key_command` prints (run
    /// now, within `apiKeyCommandTimeout`). Nil when neither is configured.
    /// Its output never appears in a message.
    func resolveKey() throws -> APIKey? {
        if let apiKey, !apiKey.isEmpty { return apiKey }
        guard let apiKeyCommand else { return nil }
        let text: String
        do {
            text = try KeyCommand.run(apiKeyCommand, timeout: apiKeyCommandTimeout, source: configPath)
        } catch let failure as KeyCommand.Failure {
            throw ConfigurationError(description: failure.description)
        }
        return try Self.checkKey(APIKey(text), source: "\(configPath): api_key_command's output")
    }

    /// Refuses a key no Dynadot account has: longer than `maxKeyLength` or
    /// holding anything but printable ASCII. Never shows the key.
    static func checkKey(_ key: APIKey, source: String) throws -> APIKey {
        let secret = key.secret
        if secret.utf8.count > maxKeyLength {
            throw ConfigurationError(description: "the API key from \(source) is \(secret.utf8.count) bytes long; a Dynadot API key is one short line"
                + " (at most \(maxKeyLength) characters) — check that it holds only the key")
        }
        if !secret.unicodeScalars.allSatisfy({ $0.value >= 0x21 && $0.value <= 0x7e }) {
            throw ConfigurationError(description: "the API key from \(source) holds spaces, control or non-ASCII characters;"
                + " a Dynadot API key is printable ASCII only — check that it holds only the key")
        }
        return key
    }

    private static func parseEndpoint(_ text: String, source: String) throws -> URL {
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw ConfigurationError(description: "\(source): endpoint '\(text)' is not a URL; use e.g. \(ClientConfiguration.production.absoluteString)")
        }
        if let port = url.port, !(1...65535).contains(port) {
            throw ConfigurationError(description: "\(source): endpoint '\(text)' has port \(port); a port is 1 to 65535")
        }
        do { try ClientConfiguration.checkEndpoint(url) } catch let error as DynadotError {
            throw ConfigurationError(description: "\(source): \(error.message)")
        }
        return url
    }

    /// `[views]`: name = "query", or name = { query = "…", sort = "expires:desc" }.
    private static func parseViews(_ value: any TOMLValueConvertible, source: String) throws -> [String: SavedView] {
        guard let viewTable = value.table else {
            throw ConfigurationError(description: "\(source): [views] must be a table of name = \"query\", e.g. expiring-com = \"tld:com exp:<60d\"")
        }
        var views: [String: SavedView] = [:]
        for (name, entry) in viewTable {
            do { try SavedViews.check(name: name) } catch {
                throw ConfigurationError(description: "\(source): [views] \(error.description)")
            }
            if let query = entry.string {
                views[name] = SavedView(query: query)
            } else if let inline = entry.table, let query = inline["query"]?.string,
                      inline.keys.allSatisfy({ $0 == "query" || $0 == "sort" }) {
                let sort = inline["sort"]?.string
                if inline["sort"] != nil, sort == nil {
                    throw ConfigurationError(description: "\(source): views.\(name).sort must be a string such as \"expires:desc\"")
                }
                views[name] = SavedView(query: query, sort: sort)
            } else {
                throw ConfigurationError(description: "\(source): views.\(name) must be a query string (\"tld:com exp:<60d\")"
                    + " or { query = \"…\", sort = \"expires:desc\" }")
            }
        }
        return views
    }

    private static func parseTier(_ text: String, source: String) throws -> AccountTier {
        switch text.lowercased() {
        case "regular": return .regular
        case "bulk": return .bulk
        case "super", "super_bulk", "superbulk": return .superBulk
        default:
            throw ConfigurationError(description: "\(source): tier '\(text)' is not one of regular, bulk, super")
        }
    }

    /// A whole number of requests per minute above 0.
    private static func parseRate(_ value: Int?, text: String, source: String) throws -> Int {
        guard let value, value > 0 else {
            throw ConfigurationError(description: "\(source): rate_per_minute '\(text)' must be a whole number of requests per minute above 0, e.g. 60 (Regular), 600 (Bulk) or 6000 (Super Bulk)")
        }
        return value
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}
