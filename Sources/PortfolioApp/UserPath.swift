import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path the user typed (`:export ~/x.csv`), with a leading `~` expanded
/// by the shell's rule: `~` and `~/…` from `$HOME` when it is set and not
/// empty, else the current user's passwd entry; `~name/…` from `name`'s
/// passwd entry. Other paths, and `~name` of an unknown user, stay as typed.
///
///     UserPath.expanded("~/x.csv", environment: ["HOME": "/tmp/h"])   // "/tmp/h/x.csv"
enum UserPath {
    static func expanded(_ path: String, environment: [String: String]) -> String {
        guard path.hasPrefix("~") else { return path }
        let slash = path.firstIndex(of: "/") ?? path.endIndex
        let user = String(path[path.index(after: path.startIndex)..<slash])
        let home: String?
        if user.isEmpty {
            home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? passwdHome(name: nil)
        } else {
            home = passwdHome(name: user)
        }
        guard let home else { return path }
        let rest = path[slash...]
        // `~/x` with HOME=/ is `/x`, not `//x`.
        return home.hasSuffix("/") && rest.hasPrefix("/") ? String(home.dropLast()) + rest : home + rest
    }

    /// The home directory in the passwd entry of `name` (nil: the current
    /// user), through the reentrant lookups.
    static func passwdHome(name: String?) -> String? {
        var entry = passwd()
        var found: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        let status = buffer.withUnsafeMutableBufferPointer { storage -> Int32 in
            guard let base = storage.baseAddress else { return ERANGE }
            if let name {
                return getpwnam_r(name, &entry, base, storage.count, &found)
            }
            return getpwuid_r(getuid(), &entry, base, storage.count, &found)
        }
        guard status == 0, let found, let directory = found.pointee.pw_dir else { return nil }
        let home = String(cString: directory)
        return home.isEmpty ? nil : home
    }
}
