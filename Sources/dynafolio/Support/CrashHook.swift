import Foundation
import SyncEngine

/// `DYNAFOLIO_CRASH_AT=<step>` makes the process exit at once at that
/// ``PushStep`` of a push, to prove recovery (mbsync's way). Only the
/// executable knows it; the engine just calls the hook it was given.
enum CrashHook {
    /// A no-op unless the environment names a step.
    static func from(_ environment: [String: String]) -> @Sendable (PushStep) -> Void {
        guard let wanted = environment["DYNAFOLIO_CRASH_AT"].flatMap({ Int($0) }) else { return { _ in } }
        return { step in
            guard step.rawValue == wanted else { return }
            FileHandle.standardError.write(Data("dynafolio: crashing at push step \(wanted) (DYNAFOLIO_CRASH_AT)\n".utf8))
            _exit(70)
        }
    }
}
