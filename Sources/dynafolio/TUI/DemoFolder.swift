import CExitCleanup
import Foundation

/// The demo's temporary folder (its cache and log): named after the
/// process (`dynafolio-demo-<pid>-<random>`), removed on every exit — a
/// normal quit, an error, Ctrl-C, SIGTERM, SIGHUP (an SSH drop) or a crash
/// signal — and, in case something still escaped (SIGKILL, a power cut),
/// swept on the next demo's start once its process is gone.
struct DemoFolder {
    static let prefix = "dynafolio-demo-"
    let url: URL

    /// Creates a fresh folder under `parent` and arms the signal cleanup.
    static func create(in parent: URL = FileManager.default.temporaryDirectory) throws -> DemoFolder {
        let url = parent.appendingPathComponent("\(prefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        guard dfx_remove_on_fatal_signal(url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: url)
            throw CLIFailure("cannot prepare the demo folder \(url.path): \(reason)")
        }
        return DemoFolder(url: url)
    }

    /// Removes the folder and everything in it.
    func remove() {
        dfx_remove_now()
        // Anything the signal-safe removal could not (a subfolder).
        if FileManager.default.fileExists(atPath: url.path) { try? FileManager.default.removeItem(at: url) }
    }

    /// Removes demo folders under `parent` whose process no longer runs;
    /// returns what it removed. A folder whose pid is alive is kept (it may
    /// be another demo running now).
    @discardableResult
    static func removeLeftovers(in parent: URL = FileManager.default.temporaryDirectory) -> [URL] {
        // An unreadable temporary folder simply has no leftovers to sweep.
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var removed: [URL] = []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count).prefix { $0.isNumber }), pid > 0, pid != getpid() else { continue }
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let url = parent.appendingPathComponent(name)
            do {
                try FileManager.default.removeItem(at: url)
                removed.append(url)
            } catch {
                FileHandle.standardError.write(Data("dynafolio: cannot remove the old demo folder \(url.path): \(error)\n".utf8))
            }
        }
        return removed
    }
}
