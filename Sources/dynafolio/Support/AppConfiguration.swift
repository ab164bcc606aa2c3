import DynadotAPI
import Foundation
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
    var apiKey: APIKey?
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
        if let key = nonEmpty(env["DYNADOT_API_KEY"]) { config.apiKey = APIKey(key) }
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
        let known: Set<String> = ["api_key", "api_key_command", "endpoint", "tier", "theme", "keys", "timeout", "rate_per_minute"]
        if let unknown = table.keys.first(where: { !known.contains($0) }) {
            throw ConfigurationError(description: "\(path): unknown setting '\(unknown)'; known settings: \(known.sorted().joined(separator: ", "))")
        }
        if let key = table["api_key"]?.string, !key.isEmpty {
            apiKey = APIKey(key)
        } else if let command = table["api_key_command"]?.string, !command.isEmpty {
            apiKey = try Self.runKeyCommand(command, path: path)
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
        if let value = table["rate_per_minute"] {
            ratePerMinuteSetting = try Self.parseRate(value.int, text: value.debugDescription, source: path)
        }
        if let keyTable = table["keys"]?.table {
            for (action, value) in keyTable {
                if let one = value.string { keys[action] = [one] }
                else if let many = value.array { keys[action] = many.compactMap { $0.string } }
            }
        }
    }

    /// Runs `api_key_command` through the shell; its trimmed stdout is the key.
    /// Its output never appears in a message.
    private static func runKeyCommand(_ command: String, path: String) throws -> APIKey {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ConfigurationError(description: "\(path): api_key_command could not be started")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let key = APIKey(String(decoding: data, as: UTF8.self))
        guard process.terminationStatus == 0, !key.isEmpty else {
            throw ConfigurationError(description: "\(path): api_key_command exited with status \(process.terminationStatus) and printed no key")
        }
        return key
    }

    private static func parseEndpoint(_ text: String, source: String) throws -> URL {
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw ConfigurationError(description: "\(source): endpoint '\(text)' is not a URL; use e.g. \(ClientConfiguration.production.absoluteString)")
        }
        do { try ClientConfiguration.checkEndpoint(url) } catch let error as DynadotError {
            throw ConfigurationError(description: "\(source): \(error.message)")
        }
        return url
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
