import DynadotAPI
import Foundation
import PortfolioApp
import PortfolioStore
import SyncEngine
import TerminalUI

/// Benchmarks of the terminal interface over a cache of 100k domains:
/// first frame, a full frame of the Domains pane, and peak memory. They run
/// in a child process (`dynafolio-bench --app-frame CACHE`) so the simulator
/// and the benchmark's own data do not count towards the app's memory.
enum AppBenchmarks {
    static let size = Size(rows: 60, cols: 200)

    /// Runs in the child: opens the cache, builds the app, renders; prints JSON.
    static func measureInThisProcess(cachePath: String) throws {
        var app: PortfolioApp?
        var screen = Screen(size: size)
        let firstFrame = try timed {
            let store = try PortfolioDatabase(path: cachePath)
            let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
            let made = PortfolioApp(environment: AppEnvironment(engine: engine, actions: try ActionTable(overrides: [:]),
                                                                unicode: true, hasAccount: false))
            made.render(into: &screen)
            app = made
        }
        guard let app else { return }
        var frames: [Double] = []
        for i in 0..<200 {
            // Scroll a page down now and then, so the window is read again.
            if i % 10 == 0 { app.handle(.pageDown, size: size) }
            frames.append(timed {
                screen.clear()
                app.render(into: &screen)
            })
        }
        let result = JSONValue.object([
            "first_frame_ms": .number(firstFrame * 1000),
            "frame_p50_ms": .number(percentile(frames, 50) * 1000),
            "frame_p99_ms": .number(percentile(frames, 99) * 1000),
            "peak_rss_mb": .number(peakRSSMegabytes()),
        ])
        print(result.serialized())
    }

    /// Runs the child on `cachePath` and turns its answer into result lines.
    static func measure(cachePath: String, domains: Int) throws -> [BenchResult] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = Bundle.main.executableURL
        }
        process.arguments = ["--app-frame", cachePath]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answer = try JSONValue.parse(data)
        let first = answer["first_frame_ms"]?.text.flatMap(Double.init) ?? -1
        let p50 = answer["frame_p50_ms"]?.text.flatMap(Double.init) ?? -1
        let p99 = answer["frame_p99_ms"]?.text.flatMap(Double.init) ?? -1
        let rss = answer["peak_rss_mb"]?.text.flatMap(Double.init) ?? -1
        return [
            BenchResult(name: "first frame with \(domains) cached domains (headless, \(size.cols)×\(size.rows))",
                        value: "\(format(first, 1)) ms", budget: "≤ 300 ms", met: first >= 0 && first <= 300,
                        json: ["ms": .number(first)]),
            BenchResult(name: "full frame render of the Domains pane (\(size.cols)×\(size.rows))",
                        value: "p50 \(format(p50, 2)) ms, p99 \(format(p99, 2)) ms (200 frames, paging every 10)",
                        budget: "reference", met: nil, json: ["p50_ms": .number(p50), "p99_ms": .number(p99)]),
            BenchResult(name: "peak memory with \(domains) domains loaded in the app",
                        value: "\(format(rss, 1)) MB RSS", budget: "≤ 150 MB RSS", met: rss > 0 && rss <= 150,
                        json: ["peak_rss_mb": .number(rss)]),
        ]
    }

    /// The Queue pane and the push dialog on a plan of one intent per
    /// cached domain (100k): each opened as a person would (`7`, then `p`),
    /// timed from the key to the drawn frame. The sections are counted in
    /// SQL, the domains listed only when opened.
    static func queuePane(store: PortfolioDatabase) throws -> BenchResult {
        let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
        let names = try store.names(matching: .all, sort: .byName, limit: nil, offset: 0)
        let summary = try engine.queue(.note("bench plan"), domains: names, origin: .cli)
        let app = PortfolioApp(environment: AppEnvironment(engine: engine, actions: try ActionTable(overrides: [:]),
                                                           unicode: true, hasAccount: true))
        var screen = Screen(size: size)
        app.render(into: &screen)
        var opens: [Double] = [], dialogs: [Double] = []
        for _ in 0..<5 {
            app.handle(.char("1"), size: size)
            app.render(into: &screen)
            opens.append(timed {
                app.handle(.char("7"), size: size)
                app.render(into: &screen)
            })
            dialogs.append(timed {
                app.handle(.char("p"), size: size)
                app.render(into: &screen)
            })
            app.handle(.char("n"), size: size)
        }
        let shown = screen.plainText().contains("note → bench plan")
        // Their parts: the sections counted in SQL, and the ids a
        // confirmation approves.
        let outline = try timed { _ = try engine.planOutline() } * 1000
        let ids = try timed { _ = try engine.pendingApproval(moneyCents: 0) } * 1000
        try engine.dropAll()
        let open = percentile(opens, 50) * 1000, dialog = percentile(dialogs, 50) * 1000
        return BenchResult(name: "Queue pane and push dialog on a \(summary.added)-intent plan (\(size.cols)×\(size.rows))",
                           value: "open \(format(open, 1)) ms, push dialog \(format(dialog, 1)) ms (median of 5; outline \(format(outline, 1)) ms, approval ids \(format(ids, 1)) ms)",
                           budget: "≤ 100 ms each", met: shown && summary.added == names.count && max(open, dialog) <= 100,
                           json: ["open_ms": .number(open), "push_dialog_ms": .number(dialog), "outline_ms": .number(outline),
                                  "approval_ids_ms": .number(ids), "intents": .number(Double(summary.added))])
    }
}
