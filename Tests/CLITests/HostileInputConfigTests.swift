import ChildProcess
import DynadotAPI
import DynadotSim
import Foundation
import Testing

/// One hostile input: the arguments (`DOMAIN` stands for a cached domain),
/// what the environment and config file hold, and what must come back.
struct HostileCase: CustomStringConvertible, Sendable {
    var arguments: [String]
    var code: Int32
    /// Must appear in standard error (empty: anything).
    var fragment: String
    var environment: [String: String] = [:]
    /// The config file's text (written with mode 0600), or nil for none.
    var config: String?
    /// The config path is a directory instead of a file.
    var configIsDirectory = false
    /// Run without DYNADOT_API_KEY.
    var noKey = false

    var description: String { arguments.joined(separator: " ") + (config.map { " [config: \($0)]" } ?? "") }
}

/// Issue 12, "Numbers" and "Configuration and endpoints": every input is
/// refused with the rule named (or handled), and nothing is queued.
@Suite("CLI hostile input: numbers, configuration, endpoints", .serialized)
struct HostileInputConfigTests {
    static let longKey = String(repeating: "k", count: 2_000)

    static let cases: [HostileCase] = [
        // Money: two decimals, no negatives, a ceiling, no wrapping.
        HostileCase(arguments: ["set", "sale", "12.345", "--domains", "DOMAIN"], code: 2, fragment: "more than two decimals"),
        HostileCase(arguments: ["set", "sale", "184467440737095516.26", "--domains", "DOMAIN"], code: 2, fragment: "ceiling of $10,000,000.00"),
        HostileCase(arguments: ["set", "sale", "10000000.01", "--domains", "DOMAIN"], code: 2, fragment: "ceiling of $10,000,000.00"),
        HostileCase(arguments: ["set", "sale", "-5", "--domains", "DOMAIN"], code: 2, fragment: "price '-5' is negative"),
        HostileCase(arguments: ["set", "sale", "abc", "--domains", "DOMAIN"], code: 2, fragment: "is not an amount"),
        HostileCase(arguments: ["set", "sale", "1e5", "--domains", "DOMAIN"], code: 2, fragment: "is not an amount"),
        HostileCase(arguments: ["set", "sale", "100", "--min-offer", "200", "--domains", "DOMAIN"], code: 2, fragment: "must not exceed the price"),
        HostileCase(arguments: ["set", "sale", "100", "--min-offer", "-3", "--domains", "DOMAIN"], code: 2, fragment: "--min-offer '-3' is negative"),
        HostileCase(arguments: ["set", "sale", "100", "--min-offer", "1.005", "--domains", "DOMAIN"], code: 2, fragment: "more than two decimals"),
        HostileCase(arguments: ["set", "sale", "100", "--min-offer", "18446744073709551617", "--domains", "DOMAIN"], code: 2, fragment: "ceiling"),
        HostileCase(arguments: ["set", "sale", "10", "--type", "auction", "--domains", "DOMAIN"], code: 2, fragment: "listing type"),
        HostileCase(arguments: ["set", "sale", "--domains", "DOMAIN"], code: 2, fragment: "give the price"),
        HostileCase(arguments: ["renew", "--years", "-1", "--max-cost", "5", "--domains", "DOMAIN"], code: 2, fragment: "--years must be from 1 to 10"),
        HostileCase(arguments: ["renew", "--years", "11", "--max-cost", "5", "--domains", "DOMAIN"], code: 2, fragment: "--years must be from 1 to 10"),
        HostileCase(arguments: ["renew", "--years", "1", "--max-cost", "-3", "--domains", "DOMAIN"], code: 2, fragment: "--max-cost '-3' is negative"),
        HostileCase(arguments: ["renew", "--years", "1", "--max-cost", "abc", "--domains", "DOMAIN"], code: 2, fragment: "is not an amount"),
        HostileCase(arguments: ["renew", "--years", "1", "--max-cost", "99999999999", "--domains", "DOMAIN"], code: 2, fragment: "ceiling"),
        HostileCase(arguments: ["renew", "--years", "1", "--max-cost", "0.001", "--domains", "DOMAIN"], code: 2, fragment: "more than two decimals"),
        HostileCase(arguments: ["renew", "--years", "1", "--domains", "DOMAIN"], code: 2, fragment: "--max-cost"),
        HostileCase(arguments: ["renew", "--years", "1", "--max-cost", "0.01", "--domains", "DOMAIN"], code: 2, fragment: "nothing was queued"),
        // Every money verb checks --years and --max-cost the same way.
        HostileCase(arguments: ["register", "fresh-name.com", "--years", "0", "--max-cost", "5"], code: 2, fragment: "--years must be from 1 to 10 (got 0)"),
        HostileCase(arguments: ["register", "fresh-name.com", "--years", "11", "--max-cost", "5"], code: 2, fragment: "--years must be from 1 to 10 (got 11)"),
        HostileCase(arguments: ["register", "fresh-name.com", "--max-cost", "-3"], code: 2, fragment: "--max-cost '-3' is negative"),
        HostileCase(arguments: ["register", "fresh-name.com"], code: 2, fragment: "registering spends money; pass --max-cost AMOUNT"),
        HostileCase(arguments: ["transfer", "in", "--file", "codes.csv", "--max-cost", "1.005"], code: 2, fragment: "more than two decimals"),
        HostileCase(arguments: ["transfer", "in", "--file", "codes.csv"], code: 2, fragment: "a transfer in is paid from the balance; pass --max-cost AMOUNT"),
        HostileCase(arguments: ["closeout", "buy", "fresh-name.com", "--max-cost", "abc"], code: 2, fragment: "is not an amount"),
        HostileCase(arguments: ["closeout", "buy", "fresh-name.com"], code: 2, fragment: "buying spends money; pass --max-cost AMOUNT"),
        HostileCase(arguments: ["backorder", "add", "fresh-name.com", "--max-cost", "10000000.01"], code: 2, fragment: "ceiling of $10,000,000.00"),
        HostileCase(arguments: ["backorder", "add", "fresh-name.com"], code: 2, fragment: "a backorder agrees to pay if the name is caught; pass --max-cost AMOUNT"),
        // ls: the documented sort form, queries that start with a negation.
        HostileCase(arguments: ["ls", "--sort", "-expires"], code: 0, fragment: ""),
        HostileCase(arguments: ["ls", "-lock:yes"], code: 0, fragment: ""),
        HostileCase(arguments: ["ls", "--json", "-lock:yes", "tld:com"], code: 0, fragment: ""),
        HostileCase(arguments: ["ls", "--frobnicate"], code: 2, fragment: "Unknown option '--frobnicate'"),
        HostileCase(arguments: ["ls", "--sort", "banana"], code: 2, fragment: "unknown sort field"),
        HostileCase(arguments: ["ls", "--sort", "expires:sideways"], code: 2, fragment: ":asc or :desc"),
        HostileCase(arguments: ["ls", "--json", "--csv"], code: 2, fragment: "at most one of --json and --csv"),
        // Queries.
        HostileCase(arguments: ["ls", String(repeating: "a", count: 1_001)], code: 2, fragment: "at most 1,000 characters"),
        HostileCase(arguments: ["ls", String(repeating: "%_", count: 50_000)], code: 2, fragment: "at most 1,000 characters"),
        HostileCase(arguments: ["set", "lock", "--query", String(repeating: "x", count: 5_000)], code: 2, fragment: "at most 1,000 characters"),
        HostileCase(arguments: ["ls", "exp:<banana"], code: 2, fragment: "bad query: at column"),
        HostileCase(arguments: ["ls", "tdl:com"], code: 2, fragment: "did you mean 'tld'"),
        HostileCase(arguments: ["ls", "folder:\"For Sale"], code: 2, fragment: "unclosed quote"),
        HostileCase(arguments: ["ls", "-"], code: 2, fragment: "needs a term after it"),
        HostileCase(arguments: ["expiring", "--within", "banana"], code: 2, fragment: "is not a duration"),
        // Selections.
        HostileCase(arguments: ["queue", "drop", "--domains", "nosuch.com"], code: 2, fragment: "not in the cache: nosuch.com"),
        HostileCase(arguments: ["queue", "drop", "--domains", "DOMAIN,nosuch.com"], code: 2, fragment: "not in the cache: nosuch.com"),
        HostileCase(arguments: ["queue", "drop"], code: 2, fragment: "exactly one of --all"),
        HostileCase(arguments: ["set", "lock", "--domains", "nosuch.com"], code: 2, fragment: "not in the cache"),
        HostileCase(arguments: ["set", "lock"], code: 2, fragment: "exactly one of --domains"),
        HostileCase(arguments: ["set", "lock", "--domains", "DOMAIN", "--query", "tld:com"], code: 2, fragment: "exactly one of --domains"),
        HostileCase(arguments: ["show", "nosuch.com"], code: 2, fragment: "not in the cache"),
        HostileCase(arguments: ["set", "ns", "not a host", "--domains", "DOMAIN"], code: 2, fragment: "is not a host name"),
        HostileCase(arguments: ["set", "privacy", "sometimes", "--domains", "DOMAIN"], code: 2, fragment: ""),
        HostileCase(arguments: ["set", "renew", "sometimes", "--domains", "DOMAIN"], code: 2, fragment: ""),
        HostileCase(arguments: ["set", "contacts", "--domains", "DOMAIN"], code: 2, fragment: "give at least one of"),
        // Endpoints.
        HostileCase(arguments: ["ls"], code: 1, fragment: "plain HTTP",
                    environment: ["DYNAFOLIO_ENDPOINT": "http://127.attacker.example/api3.json"]),
        HostileCase(arguments: ["sync"], code: 1, fragment: "plain HTTP",
                    environment: ["DYNAFOLIO_ENDPOINT": "http://localhost.attacker.example/api3.json"]),
        HostileCase(arguments: ["ls"], code: 1, fragment: "plain HTTP", environment: ["DYNAFOLIO_ENDPOINT": "http://api.example.com/api3.json"]),
        HostileCase(arguments: ["ls"], code: 1, fragment: "a port is 1 to 65535", environment: ["DYNAFOLIO_ENDPOINT": "http://127.0.0.1:99999/api3.json"]),
        HostileCase(arguments: ["ls"], code: 1, fragment: "is not an http(s) URL", environment: ["DYNAFOLIO_ENDPOINT": "ftp://127.0.0.1/api3.json"]),
        HostileCase(arguments: ["ls"], code: 1, fragment: "plain HTTP", config: "endpoint = \"http://127.attacker.example/api3.json\""),
        // Two actions on one key in one pane: refused before the TUI starts, naming both.
        HostileCase(arguments: [], code: 1, fragment: "'p' is bound to both quit and set-privacy in the Domains pane",
                    config: "[keys]\nquit = [\"p\"]"),
        // The simulator's port spoken to with TLS: named as a scheme mismatch, not "URL error -1".
        HostileCase(arguments: ["sync"], code: 1, fragment: "scheme (http:// or https://)",
                    environment: ["DYNAFOLIO_ENDPOINT": "https://SIMHOST/api3.json"]),
        // Keys.
        HostileCase(arguments: ["ls"], code: 1, fragment: "at most 256 characters", environment: ["DYNADOT_API_KEY": longKey]),
        HostileCase(arguments: ["ls"], code: 1, fragment: "printable ASCII only", environment: ["DYNADOT_API_KEY": "FAKE\u{1}KEY"]),
        HostileCase(arguments: ["ls"], code: 1, fragment: "at most 256 characters", config: "api_key = \"\(longKey)\"", noKey: true),
        // api_key_command: never run when no key is needed or one is set; bounded when run.
        HostileCase(arguments: ["ls"], code: 0, fragment: "", config: "api_key_command = \"sleep 600\"\napi_key_command_timeout = 1", noKey: true),
        HostileCase(arguments: ["plan"], code: 0, fragment: "", config: "api_key_command = \"sleep 600\"\napi_key_command_timeout = 1", noKey: true),
        HostileCase(arguments: ["sync"], code: 1, fragment: "api_key_command did not finish within 1 s",
                    config: "api_key_command = \"sleep 600\"\napi_key_command_timeout = 1", noKey: true),
        HostileCase(arguments: ["sync"], code: 1, fragment: "api_key_command exited with status 7",
                    config: "api_key_command = \"exit 7\"", noKey: true),
        HostileCase(arguments: ["sync"], code: 1, fragment: "printed no key", config: "api_key_command = \"true\"", noKey: true),
        HostileCase(arguments: ["sync", "--quiet"], code: 0, fragment: "", config: "api_key_command = \"exit 7\""),
        HostileCase(arguments: ["ls"], code: 1, fragment: "api_key_command_timeout must be", config: "api_key_command_timeout = 0"),
        // Configuration files.
        HostileCase(arguments: ["ls"], code: 1, fragment: "is a directory, not a config file", configIsDirectory: true),
        HostileCase(arguments: ["ls"], code: 1, fragment: "tier 'gold'", config: "tier = \"gold\""),
        HostileCase(arguments: ["ls"], code: 1, fragment: "timeout must be a number of seconds", config: "timeout = 0"),
        HostileCase(arguments: ["ls"], code: 1, fragment: "unknown setting 'colour'", config: "colour = 1"),
        HostileCase(arguments: ["ls"], code: 1, fragment: "config.toml:1", config: "api_key = "),
        HostileCase(arguments: ["ls"], code: 1, fragment: "rate_per_minute", environment: ["DYNAFOLIO_RATE_PER_MINUTE": "0"]),
        HostileCase(arguments: ["ls"], code: 1, fragment: "DYNAFOLIO_TIER", environment: ["DYNAFOLIO_TIER": "platinum"]),
    ]

    @Test func everyHostileInputIsRefusedAndQueuesNothing() async throws {
        #expect(Self.cases.count >= 60)
        try await withSimWorld(simConfiguration(domains: 30)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = try #require(server.state.read { $0.domains.first?.name })
            let directory = (world.configPath as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for hostile in Self.cases {
                try? FileManager.default.removeItem(atPath: world.configPath)
                if hostile.configIsDirectory {
                    try FileManager.default.createDirectory(atPath: world.configPath, withIntermediateDirectories: true)
                } else if let text = hostile.config {
                    FileManager.default.createFile(atPath: world.configPath, contents: Data((text + "\n").utf8),
                                                   attributes: [.posixPermissions: 0o600])
                }
                world.key = hostile.noKey ? nil : cliTestKey
                let arguments = hostile.arguments.map { $0.replacingOccurrences(of: "DOMAIN", with: name) }
                let simHost = "127.0.0.1:\(world.endpoint?.port ?? 0)"
                let environment = hostile.environment.mapValues { $0.replacingOccurrences(of: "SIMHOST", with: simHost) }
                let result = try await world.run(arguments: arguments, environment: environment)
                #expect(result.status == hostile.code, "\(hostile): exit \(result.status): \(result.stderr.prefix(400))")
                #expect(hostile.fragment.isEmpty || result.stderr.contains(hostile.fragment),
                        "\(hostile): \(result.stderr.prefix(400))")
                #expect(!result.stderr.contains("SELECT") && !result.stderr.contains("while executing"), "\(hostile): SQL shown")
                #expect(!(result.stdout + result.stderr).contains(cliTestKey), "\(hostile): the key was printed")
                #expect(!result.stderr.contains(Self.longKey), "\(hostile): the key was printed")

                try? FileManager.default.removeItem(atPath: world.configPath)
                world.key = cliTestKey
                let plan = try await world.ok("plan", "--json")
                #expect(plan.json?["calls"]?.int == 0, "\(hostile) queued something: \(plan.stdout)")
            }
        }
    }

    /// `ls --sort -expires` is `ls --sort expires:desc`; `ls -lock:yes` is
    /// `ls 'not lock:yes'`.
    @Test func leadingDashValuesMeanWhatTheyDo() async throws {
        try await withSimWorld(simConfiguration(domains: 40)) { _, world in
            try await world.ok("sync", "--quiet")
            let dashed = try await world.ok("ls", "--json", "--sort", "-expires").json?.list.compactMap { $0["name"]?.text }
            let desc = try await world.ok("ls", "--json", "--sort", "expires:desc").json?.list.compactMap { $0["name"]?.text }
            #expect(dashed == desc)
            #expect((dashed?.count ?? 0) == 40)
            let unlocked = try await world.ok("ls", "--json", "-lock:yes").json?.list ?? []
            #expect(!unlocked.isEmpty)
            #expect(unlocked.allSatisfy { $0["locked"] == .bool(false) })
            let locked = try await world.ok("ls", "--json", "lock:yes").json?.list ?? []
            #expect(unlocked.count + locked.count == 40)
        }
    }

    /// The command runs only for a command that talks to Dynadot, and only
    /// when no key is set.
    @Test func keyCommandRunsOnlyWhenAKeyIsNeeded() async throws {
        try await withSimWorld(simConfiguration(domains: 20)) { server, world in
            let name = try #require(server.state.read { $0.domains.first?.name })
            let marker = world.root.appendingPathComponent("key-command-ran").path
            let directory = (world.configPath as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            FileManager.default.createFile(
                atPath: world.configPath,
                contents: Data("api_key_command = \"echo run >> \(marker); printf '%s\\\\n' \(cliTestKey)\"\n".utf8),
                attributes: [.posixPermissions: 0o600])
            // A key in the environment wins: the command is not run.
            try await world.ok("sync", "--quiet")
            #expect(!FileManager.default.fileExists(atPath: marker))
            world.key = nil
            try await world.ok("ls")
            try await world.ok("show", name)
            try await world.ok("set", "note", "x", "--domains", name)
            try await world.ok("plan")
            try await world.ok("queue", "drop", "--all")
            try await world.ok("push", "--dry-run")
            #expect(!FileManager.default.fileExists(atPath: marker), "a command that needs no key ran api_key_command")
            try await world.ok("sync", "--quiet")
            let runs = try String(contentsOfFile: marker, encoding: .utf8).split(separator: "\n").count
            #expect(runs == 1)
            let log = try String(contentsOfFile: world.logPath, encoding: .utf8)
            #expect(!log.contains(cliTestKey), "the key from api_key_command reached the log")
            #expect(!(try world.allOutput()).contains(cliTestKey))
        }
    }

    /// `echo KEY; sleep 600 &`: the background child keeps the pipe open;
    /// the key is still read as soon as the shell exits.
    @Test func keyCommandWithABackgroundChildDoesNotHang() async throws {
        try await withSimWorld(simConfiguration(domains: 10)) { _, world in
            world.key = nil
            let pidFile = world.root.appendingPathComponent("child.pid").path
            defer {
                if let text = try? String(contentsOfFile: pidFile, encoding: .utf8), let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    kill(pid, SIGKILL)
                }
            }
            let directory = (world.configPath as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            FileManager.default.createFile(
                atPath: world.configPath,
                contents: Data("api_key_command = \"echo \(cliTestKey); sleep 600 & echo $! > \(pidFile)\"\napi_key_command_timeout = 60\n".utf8),
                attributes: [.posixPermissions: 0o600])
            let synced = try await world.run("sync", "--quiet")
            #expect(synced.status == 0, "\(synced.stderr)")
            #expect(try await world.ok("ls", "--json").json?.list.count == 10)
        }
    }

    /// A cache this user may not write opens read-only: ls, show and plan
    /// work; set, sync and push say why they cannot. Needs another user than
    /// root (root writes anyway): run through setpriv as nobody.
    @Test func readOnlyCacheOpensForReading() async throws {
        let setpriv = "/usr/bin/setpriv"
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: setpriv) else { return }
        try await withSimWorld(simConfiguration(domains: 15)) { server, world in
            try await world.ok("sync", "--quiet")
            let name = try #require(server.state.read { $0.domains.first?.name })
            let binary = try dynafolioBinary()
            func chownAll(_ path: String) {
                guard let enumerator = FileManager.default.enumerator(atPath: path) else { return }
                chown(path, 65534, 65534)
                while let item = enumerator.nextObject() as? String { chown(path + "/" + item, 65534, 65534) }
            }
            chownAll(world.root.path)
            let cacheDirectory = (world.databasePath as NSString).deletingLastPathComponent
            func runAsNobody(_ arguments: [String]) async throws -> CLIResult {
                let out = world.root.appendingPathComponent("nobody-\(UUID().uuidString).out")
                let err = world.root.appendingPathComponent("nobody-\(UUID().uuidString).err")
                let process = try ChildProcess(setpriv, ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] + arguments,
                                               environment: world.environment, input: .null, output: .file(out.path), error: .file(err.path))
                return try await RunningCLI(process: process, out: out, err: err).finish()
            }
            let setups: [(String, () -> Void)] = [
                ("file", { _ = chmod(world.databasePath, 0o444) }),
                ("directory", { _ = chmod(world.databasePath, 0o600); _ = chmod(cacheDirectory, 0o555) }),
            ]
            for (label, prepare) in setups {
                prepare()
                defer { chmod(cacheDirectory, 0o700); chmod(world.databasePath, 0o600) }
                let listed = try await runAsNobody(["ls", "--json"])
                #expect(listed.status == 0, "\(label): \(listed.stderr)")
                #expect(listed.json?.list.count == 15, "\(label)")
                #expect(listed.stderr.contains("open read-only"), "\(label): \(listed.stderr)")
                let shown = try await runAsNobody(["show", name])
                #expect(shown.status == 0, "\(label): \(shown.stderr)")
                let plan = try await runAsNobody(["plan", "--json"])
                #expect(plan.json?["calls"]?.int == 0, "\(label): \(plan.stderr)")
                let queued = try await runAsNobody(["set", "note", "x", "--domains", name])
                #expect(queued.status == 1, "\(label): \(queued.stderr)")
                #expect(queued.stderr.contains("nothing can be queued"), "\(label): \(queued.stderr)")
                let synced = try await runAsNobody(["sync"])
                #expect(synced.status == 1, "\(label): \(synced.stderr)")
                #expect(synced.stderr.contains("read-only"), "\(label): \(synced.stderr)")
            }
            try await world.ok("ls")
        }
    }
}
