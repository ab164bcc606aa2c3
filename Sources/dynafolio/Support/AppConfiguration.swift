import DynadotAPI
import Foundation
import PortfolioApp
import TOMLKit

/// A configuration problem, with a message that says how to fix it.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String
}

/// Everything `dynafolio` reads from `config.toml` and the environment.
///
/// Precedence: environment (`DYNADOT_API_KEY`, `DYNAFOLIO_ENDPOINT`,
/// `DYNAFOLIO_DB`, `DYNAFOLIO_THEME`, `DYNAFOLIO_TIER`,
/// `DYNAFOLIO_RATE_PER_MINUTE`) over the file over defaults. The key is
/// never taken from the command line.
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

    static func load(environment env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfiguration {
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
        if let key = nonEmpty(env["DYNADOT_API_KEY"]) { config.apiKey = try checkKey(APIKey(key), source: "DYNADOT_API_KEY") }
        if let endpoint = nonEmpty(env["DYNAFOLIO_ENDPOINT"]) { config.endpoint = try parseEndpoint(endpoint, source: "DYNAFOLIO_ENDPOINT") }
        if let db = nonEmpty(env["DYNAFOLIO_DB"]) { config.databasePath = db }
        if let theme = nonEmpty(env["DYNAFOLIO_THEME"]) { config.theme = theme }
        if let tier = nonEmpty(env["DYNAFOLIO_TIER"]) { config.tier = try parseTier(tier, source: "DYNAFOLIO_TIER") }
        if let rate = nonEmpty(env["DYNAFOLIO_RATE_PER_MINUTE"]) {
            config.ratePerMinuteSetting = try parseRate(Int(rate.trimmingCharacters(in: .whitespaces)), text: rate,
                                                        source: "DYNAFOLIO_RATE_PER_MINUTE")
        }
        return config
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
                                  "timeout", "rate_per_minute", "columns", "history_days", "views"]
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
