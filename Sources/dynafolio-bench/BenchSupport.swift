import DynadotAPI
import Foundation

/// One measured line of the performance budget.
struct BenchResult {
    var name: String
    var value: String
    var budget: String
    var met: Bool?
    var json: [String: JSONValue]
}

/// Seconds taken by `body` (synchronous work).
func timed(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func seconds(_ body: () async throws -> Void) async rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

/// The p-th percentile (0…100) of `samples`, nearest-rank.
func percentile(_ samples: [Double], _ p: Double) -> Double {
    guard !samples.isEmpty else { return 0 }
    let sorted = samples.sorted()
    let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
    return sorted[min(max(rank, 0), sorted.count - 1)]
}

/// Peak resident set size of this process so far, in MB (Linux `VmHWM`).
func peakRSSMegabytes() -> Double { procStatusMegabytes("VmHWM:") }

/// Current resident set size in MB (Linux `VmRSS`).
func currentRSSMegabytes() -> Double { procStatusMegabytes("VmRSS:") }

/// A kB line of `/proc/self/status`, in MB; 0 where there is no such file
/// (not Linux) or line.
private func procStatusMegabytes(_ key: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(key) {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    String(format: "%.\(digits)f", value)
}

/// A fresh temporary directory, removed by the caller.
func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dynafolio-bench-\(UUID().uuidString.prefix(8))")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Answers every request from a table of canned bodies, so parsing and
/// storing are measured without the network.
final class CannedTransport: Transport, Sendable {
    private let bodies: [String: Data]

    init(bodies: [String: Data]) { self.bodies = bodies }

    func get(_ request: HTTPGet) async throws -> HTTPReply {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let items = components?.queryItems ?? []
        let command = items.first { $0.name == "command" }?.value ?? ""
        let page = items.first { $0.name == "page_index" }?.value ?? ""
        let key = command == "list_domain" ? "list_domain:\(page)" : command
        guard let body = bodies[key] ?? bodies["list_domain:empty"] else {
            throw DynadotError.transport(.other, detail: "no canned body for \(key)")
        }
        return HTTPReply(status: 200, body: body)
    }
}
