import ChildProcess
import DynadotAPI
import DynadotSim
import Foundation
import PortfolioStore
import Testing

/// The key every CLI test server accepts: obviously fake. The tests check it
/// never shows up in output, the cache or the log.
let cliTestKey = "FAKE-CLI-TEST-KEY-7"
/// A fixed "today" for the generator, so data never depends on the run date.
let cliReferenceDate = Date(timeIntervalSince1970: 1_790_000_000)

struct CLITestFailure: Error, CustomStringConvertible {
    var description: String
}

/// What one `dynafolio` run printed and returned.
struct CLIResult: Sendable {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Standard output parsed as JSON (nil when it is not JSON).
    var json: JSONValue? { try? JSONValue.parse(Data(stdout.utf8)) }
}

/// One isolated dynafolio installation: its own HOME, XDG directories,
/// cache and log, pointed at a simulator.
final class CLIWorld: @unchecked Sendable {
    let root: URL
    var endpoint: URL?
    /// Passed as DYNADOT_API_KEY unless nil (then the config file decides).
    var key: String? = cliTestKey
    var extraEnvironment: [String: String] = [:]
    private var runs = 0

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dynafolio-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var databasePath: String { root.appendingPathComponent("data/cache.sqlite").path }
    var logPath: String { root.appendingPathComponent("state/dynafolio/dynafolio.log").path }
    var configPath: String { root.appendingPathComponent("config/dynafolio/config.toml").path }

    var environment: [String: String] {
        var env: [String: String] = [
            "HOME": root.path,
            "XDG_CONFIG_HOME": root.appendingPathComponent("config").path,
            "XDG_DATA_HOME": root.appendingPathComponent("data-home").path,
            "XDG_STATE_HOME": root.appendingPathComponent("state").path,
            "DYNAFOLIO_DB": databasePath,
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            // The simulator is local: the tier's per-minute rate (60 for
            // regular) would only slow the suite. A test may set its own.
            "DYNAFOLIO_RATE_PER_MINUTE": "100000",
        ]
        if let endpoint { env["DYNAFOLIO_ENDPOINT"] = endpoint.absoluteString }
        if let key { env["DYNADOT_API_KEY"] = key }
        return env.merging(extraEnvironment) { $1 }
    }

    /// Starts `dynafolio args…` with stdin from /dev/null (never a TTY) and
    /// output to files (no pipe can fill up).
    func start(_ arguments: [String], environment extra: [String: String] = [:]) throws -> RunningCLI {
        runs += 1
        let out = root.appendingPathComponent("run\(runs).out")
        let err = root.appendingPathComponent("run\(runs).err")
        let process = try ChildProcess(try dynafolioBinary().path, arguments, environment: environment.merging(extra) { $1 },
                                       input: .null, output: .file(out.path), error: .file(err.path))
        return RunningCLI(process: process, out: out, err: err)
    }

    /// Runs `dynafolio args…` to completion.
    @discardableResult
    func run(_ arguments: String..., environment extra: [String: String] = [:]) async throws -> CLIResult {
        try await start(arguments, environment: extra).finish()
    }

    func run(arguments: [String], environment extra: [String: String] = [:]) async throws -> CLIResult {
        try await start(arguments, environment: extra).finish()
    }

    /// Runs and requires exit 0, reporting stderr otherwise.
    @discardableResult
    func ok(_ arguments: String...) async throws -> CLIResult {
        try await ok(arguments: arguments)
    }

    @discardableResult
    func ok(arguments: [String]) async throws -> CLIResult {
        let result = try await start(arguments).finish()
        guard result.status == 0 else {
            throw CLITestFailure(description: "dynafolio \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
        return result
    }

    /// Opens the cache the CLI wrote (read-only use in assertions).
    func store() throws -> PortfolioDatabase { try PortfolioDatabase(path: databasePath) }

    /// Every byte the CLI printed so far, for the secret check.
    func allOutput() throws -> String {
        let files = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".out") || $0.hasSuffix(".err") }
        return try files.map { try String(contentsOf: root.appendingPathComponent($0), encoding: .utf8) }.joined(separator: "\n")
    }
}

/// A started `dynafolio` process.
final class RunningCLI: Sendable {
    let process: ChildProcess
    let out: URL
    let err: URL

    init(process: ChildProcess, out: URL, err: URL) {
        self.process = process
        self.out = out
        self.err = err
    }

    /// Waits for exit (off the cooperative pool) and reads the output.
    func finish() async throws -> CLIResult {
        let status = await process.exit()
        return CLIResult(status: status,
                         stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    /// Stops the process if it still runs (used on test failure paths).
    func stop() {
        process.stop()
    }
}

/// The built `dynafolio` binary next to the test bundle.
func dynafolioBinary() throws -> URL {
    var candidates: [URL] = []
    let bundleDirectory = Bundle.main.bundleURL.deletingLastPathComponent()
    candidates.append(bundleDirectory.appendingPathComponent("dynafolio"))
    candidates.append(Bundle.main.bundleURL.appendingPathComponent("dynafolio"))
    for bundle in Bundle.allBundles {
        candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("dynafolio"))
    }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CLITestFailure(description: "dynafolio binary not found near \(bundleDirectory.path); run swift build first")
    }
    return found
}

func simConfiguration(domains: Int, tier: SimTier = .regular, faults: SimFaults = SimFaults(), seed: UInt64 = 11) -> SimConfiguration {
    SimConfiguration(domainCount: domains, seed: seed, tier: tier, apiKey: cliTestKey, faults: faults, referenceDate: cliReferenceDate)
}

/// Starts a simulator, points a fresh CLI world at it, runs `body`, and
/// always stops the simulator (also when `body` throws).
func withSimWorld<T>(_ configuration: SimConfiguration, _ body: (SimServer, CLIWorld) async throws -> T) async throws -> T {
    let server = SimServer(configuration: configuration)
    let endpoint = try await server.start()
    let world = try CLIWorld()
    world.endpoint = endpoint
    do {
        let result = try await body(server, world)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

extension SimServer {
    func domain(_ name: String) -> SimDomain? { state.read { $0.domains.first { $0.name == name } } }
    /// Name servers registered in the account (the only ones `set_ns` accepts).
    var registeredHosts: [String] { state.read { $0.nameServerHosts.map(\.host) } }
    /// Domains not already pointed at exactly `hosts` (so setting them is a change).
    func names(notOn hosts: [String]) -> [String] {
        state.read { account in
            account.domains.filter { if case .nameServers(let list, _) = $0.nameServers { return list != hosts } else { return true } }.map(\.name)
        }
    }
    /// Requests for `command` in the log.
    func requests(_ command: String) -> [SimRequestRecord] { recentRequests.filter { $0.command == command } }
}

extension SimRequestRecord {
    /// The domains a request named.
    var domains: [String] {
        (parameters["domain"] ?? parameters["domains"] ?? "").split(separator: ",").map { String($0) }
    }
}

/// `ls --json` rows by name.
func domainsByName(_ json: JSONValue?) -> [String: JSONValue] {
    Dictionary((json?.list ?? []).compactMap { row in row["name"]?.text.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
}
