import DynadotAPI
import DynadotSim
import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The key every test server accepts: obviously fake.
let testKey = "FAKE-TEST-KEY-0001"
/// A fixed "today" so generated data never depends on when tests run.
let testReferenceDate = Date(timeIntervalSince1970: 1_790_000_000)

func testConfiguration(domains: Int = 300, seed: UInt64 = 7, tier: SimTier = .superBulk, faults: SimFaults = SimFaults(), logPath: String? = nil) -> SimConfiguration {
    SimConfiguration(domainCount: domains, seed: seed, tier: tier, apiKey: testKey, logPath: logPath, faults: faults, referenceDate: testReferenceDate)
}

/// Starts a simulator on a free port, runs `body`, and always stops it.
func withSim<T>(_ configuration: SimConfiguration = testConfiguration(), _ body: (SimServer, SimTestClient) async throws -> T) async throws -> T {
    let server = SimServer(configuration: configuration)
    let endpoint = try await server.start()
    let client = SimTestClient(endpoint: endpoint, key: configuration.apiKey)
    do {
        let result = try await body(server, client)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// A minimal API3 client over URLSession for the simulator tests. It reads
/// answers the tolerant way the real client does (keys trimmed of a
/// trailing `:`), so switching these tests to `DynadotClient` later only
/// replaces `call`.
struct SimTestClient: Sendable {
    var endpoint: URL
    var key: String

    struct Reply: Sendable {
        var status: Int
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        /// The parsed body, nil when it is not JSON.
        var json: JSONValue? {
            (try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])).map(jsonValue)
        }
        /// The object under the single envelope key.
        var content: JSONValue { json?.fields.first?.value ?? .null }
        var envelope: String? { json?.fields.first?.key }
        var code: Int? { content["ResponseCode"]?.int ?? content["SuccessCode"]?.int }
        var statusWord: String? { content["Status"]?.text?.lowercased() }
        var error: String? { content["Error"]?.text }
    }

    /// Sends one command; throws only when no HTTP answer came back.
    func raw(_ command: String, _ parameters: [(String, String)] = [], key overrideKey: String? = nil) async throws -> Reply {
        var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "key", value: overrideKey ?? key), URLQueryItem(name: "command", value: command)]
            + parameters.map { URLQueryItem(name: $0.0, value: $0.1) }
        // URLComponents leaves `+` and `&`-safe characters alone; encode them as a real client must.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        return try await get(components.url!)
    }

    /// Sends one command through the product's own `DynadotClient` (catalog
    /// validation, encoding, tolerant decoding) and requires success: client
    /// and simulator check each other. Returns the envelope's content.
    func call(_ command: String, _ parameters: [(String, String)] = []) async throws -> JSONValue {
        let configuration = try ClientConfiguration(endpoint: endpoint, apiKey: key, concurrency: 4, retry: .none)
        var quiet = Logger(label: "sim-test")
        quiet.logLevel = .critical
        let client = DynadotClient(configuration: configuration, logger: quiet)
        let request = APIRequest(command, parameters: parameters.map { QueryParameter($0.0, $0.1) })
        do {
            return try await client.send(request).content
        } catch let error as DynadotError {
            throw SimTestFailure(message: "\(command) failed: \(error.message)")
        }
    }

    func get(_ url: URL) async throws -> Reply {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(from: url)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    /// A control path such as `/_sim/state`.
    func control(_ path: String, query: String = "") async throws -> Reply {
        var text = endpoint.absoluteString.replacingOccurrences(of: "/api3.json", with: path)
        if !query.isEmpty { text += "?" + query }
        return try await get(URL(string: text)!)
    }

    func post(_ path: String, json: String) async throws -> Reply {
        var request = URLRequest(url: URL(string: endpoint.absoluteString.replacingOccurrences(of: "/api3.json", with: path))!)
        request.httpMethod = "POST"
        request.httpBody = Data(json.utf8)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(for: request)
        return Reply(status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: data)
    }

    /// One domain as `domain_info` reports it.
    func info(_ domain: String) async throws -> JSONValue {
        try await call("domain_info", [("domain", domain)])["DomainInfo"] ?? .null
    }
}

struct SimTestFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Foundation's parsed JSON → `JSONValue`, keys normalised like the real decoder.
func jsonValue(_ any: Any) -> JSONValue {
    switch any {
    case let d as [String: Any]:
        var fields: [String: JSONValue] = [:]
        for (key, value) in d {
            var name = key.trimmingCharacters(in: .whitespaces)
            if name.hasSuffix(":") { name.removeLast() }
            fields[name.trimmingCharacters(in: .whitespaces)] = jsonValue(value)
        }
        return .object(fields)
    case let a as [Any]: return .array(a.map(jsonValue))
    case let s as String: return .string(s)
    // The simulator never sends JSON booleans, so every number is a number.
    case let n as NSNumber: return .number(n.doubleValue)
    default: return .null
    }
}

extension SimServer {
    /// Names of domains in the account matching `filter`.
    func domainNames(where filter: (SimDomain) -> Bool = { _ in true }) -> [String] {
        state.read { $0.domains.filter(filter).map(\.name) }
    }
}
