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
        var opened: PortfolioDatabase?
        let firstFrame = try timed {
            let store = try PortfolioDatabase(path: cachePath)
            opened = store
            let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
            let made = PortfolioApp(environment: AppEnvironment(engine: engine, actions: try ActionTable(overrides: [:]),
                                                                unicode: true, hasAccount: false))
            made.render(into: &screen)
            app = made
        }
        guard let app, let store = opened else { return }
        // As the TUI does: the first frame comes from SQL, the filter index
        // is built beside it; the keys below are timed once it is ready.
        var indexed = false
        let indexBuild = try timed { indexed = try store.buildFilterIndex() }
        var frames: [Double] = []
        for i in 0..<200 {
            // Scroll a page down now and then, so the window is read again.
            if i % 10 == 0 { app.handle(.pageDown, size: size) }
            frames.append(timed {
                screen.clear()
                app.render(into: &screen)
            })
        }
        /// Keys handled and the frame drawn after them.
        func keys(_ events: [KeyEvent]) -> Double {
            timed {
                for event in events { app.handle(event, size: size) }
                screen.clear()
                app.render(into: &screen)
            }
        }
        // Memory with the cache open, the index built and the pane paged
        // through, before the keys below add selections of every name.
        let openRSS = peakRSSMegabytes()
        func command(_ text: String) -> [KeyEvent] { [.char(":")] + text.map { KeyEvent.char($0) } + [.enter] }
        _ = keys([.home])
        let end = keys([.end])
        _ = keys([.home])
        let bottom = keys([.char("G")])
        _ = keys([.home])
        let selectAll = keys([.char("*")])
        let invert = keys([.char("!")])
        let invertBack = keys([.char("!")])
        // The store's part of select-all: the set of every matching domain
        // (by rowid). Their names are read only for an action, and not here:
        // a million strings would lift the peak RSS measured below.
        var setCount = 0
        let allSet = timed { setCount = (try? store.domainSet(matching: .all))?.count ?? -1 }
        _ = setCount
        var sorts: [String: JSONValue] = [:]
        var worstFirstSort = 0.0, worstAgainSort = 0.0
        for field in DomainSort.Field.allCases where field != .name {
            let first = keys(command("sort \(field.rawValue)"))
            _ = keys(command("sort name"))
            let again = keys(command("sort \(field.rawValue)"))
            _ = keys(command("sort name"))
            sorts[field.rawValue] = .array([.number(first * 1000), .number(again * 1000)])
            worstFirstSort = max(worstFirstSort, first)
            worstAgainSort = max(worstAgainSort, again)
        }
        let peakRSS = peakRSSMegabytes()
        // End, then G, each right after an edit queued on every domain: the
        // outbox changed (every domain now pending), the rows did not.
        let engine = SyncEngine(store: store, client: nil, logger: CacheBenchmarks.quietLogger())
        let everyName = try store.names(matching: .all)
        _ = keys([.home])
        try engine.queue(.note("bench end after edit"), domains: everyName, origin: .cli)
        let endAfterEdit = keys([.end])
        _ = keys([.home])
        try engine.queue(.note("bench G after edit"), domains: everyName, origin: .cli)
        let bottomAfterEdit = keys([.char("G")])
        try engine.dropAll()
        let result = JSONValue.object([
            "end_after_edit_ms": .number(endAfterEdit * 1000),
            "g_after_edit_ms": .number(bottomAfterEdit * 1000),
            "index_build_ms": .number(indexBuild * 1000),
            "indexed": .bool(indexed),
            "end_ms": .number(end * 1000),
            "g_ms": .number(bottom * 1000),
            "select_all_ms": .number(selectAll * 1000),
            "invert_ms": .number(max(invert, invertBack) * 1000),
            "all_set_ms": .number(allSet * 1000),
            "open_rss_mb": .number(openRSS),
            "sort_first_ms": .number(worstFirstSort * 1000),
            "sort_again_ms": .number(worstAgainSort * 1000),
            "sorts": .object(sorts),
            "first_frame_ms": .number(firstFrame * 1000),
            "frame_p50_ms": .number(percentile(frames, 50) * 1000),
            "frame_p99_ms": .number(percentile(frames, 99) * 1000),
            "peak_rss_mb": .number(peakRSS),
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
        func number(_ key: String) -> Double { answer[key]?.text.flatMap(Double.init) ?? -1 }
        let million = domains >= 1_000_000
        let build = number("index_build_ms"), end = number("end_ms"), bottom = number("g_ms")
        let selectAll = number("select_all_ms"), invert = number("invert_ms"), allSet = number("all_set_ms")
        let sortFirst = number("sort_first_ms"), sortAgain = number("sort_again_ms")
        let perField = (answer["sorts"].flatMap { value -> [String]? in
            guard case .object(let fields) = value else { return nil }
            return fields.keys.sorted().map { key in
                guard case .array(let pair)? = fields[key], pair.count == 2 else { return key }
                return "\(key) \(pair.map { format($0.text.flatMap(Double.init) ?? -1, 0) }.joined(separator: "/"))"
            }
        } ?? []).joined(separator: ", ")
        return [
            BenchResult(name: "filter index build in the app (\(domains) domains, off the UI thread in the TUI)",
                        value: answer["indexed"]?.text == "yes" ? "\(format(build, 0)) ms" : "not built (SQL only)",
                        budget: "reference", met: nil, json: ["ms": .number(build)]),
            BenchResult(name: "End / G at \(domains) domains (key + frame)",
                        value: "End \(format(end, 2)) ms, G \(format(bottom, 2)) ms", budget: "≤ 16 ms",
                        met: end >= 0 && bottom >= 0 && max(end, bottom) <= 16,
                        json: ["end_ms": .number(end), "g_ms": .number(bottom)]),
            BenchResult(name: "End / G right after an edit queued on all \(domains) domains (key + frame)",
                        value: "End \(format(number("end_after_edit_ms"), 2)) ms, G \(format(number("g_after_edit_ms"), 2)) ms",
                        budget: "≤ 16 ms",
                        met: number("end_after_edit_ms") >= 0 && max(number("end_after_edit_ms"), number("g_after_edit_ms")) <= 16,
                        json: ["end_ms": .number(number("end_after_edit_ms")), "g_ms": .number(number("g_after_edit_ms"))]),
            BenchResult(name: "select-all / invert at \(domains) domains (key + frame)",
                        value: "select-all \(format(selectAll, 1)) ms, invert \(format(invert, 1)) ms; of which the store's set of every matching domain (by rowid) \(format(allSet, 1)) ms",
                        budget: "≤ 50 ms at 1M",
                        met: selectAll >= 0 && max(selectAll, invert) <= 50,
                        json: ["select_all_ms": .number(selectAll), "invert_ms": .number(invert)]),
            BenchResult(name: "sort by a column at \(domains) domains (`:sort F` + frame; first, then again)",
                        value: "worst first \(format(sortFirst, 1)) ms, worst again \(format(sortAgain, 1)) ms (ms first/again: \(perField))",
                        budget: "≤ 300 ms at 1M, then cached",
                        met: sortFirst >= 0 && sortFirst <= 300 && sortAgain <= 16,
                        json: ["first_ms": .number(sortFirst), "again_ms": .number(sortAgain)]),
            BenchResult(name: "first frame with \(domains) cached domains (headless, \(size.cols)×\(size.rows))",
                        value: "\(format(first, 1)) ms", budget: million ? "≤ 300 ms" : "≤ 100 ms", met: first >= 0 && first <= (million ? 300 : 100),
                        json: ["ms": .number(first)]),
            BenchResult(name: "full frame render of the Domains pane (\(size.cols)×\(size.rows))",
                        value: "p50 \(format(p50, 2)) ms, p99 \(format(p99, 2)) ms (200 frames, paging every 10)",
                        budget: "reference", met: nil, json: ["p50_ms": .number(p50), "p99_ms": .number(p99)]),
            BenchResult(name: "peak memory with \(domains) domains loaded in the app",
                        value: "\(format(number("open_rss_mb"), 1)) MB RSS with the index built and the pane paged through; \(format(rss, 1)) MB after select-all, invert and every sort",
                        budget: million ? "≤ 400 MB RSS" : "≤ 150 MB RSS",
                        met: rss > 0 && rss <= (million ? 400 : 150),
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
