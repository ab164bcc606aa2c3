import DynadotAPI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs `api_key_command` (a password manager's command line) through
/// `/bin/sh -c`, with a time limit.
///
/// The shell runs in a process group of its own; when it does not finish in
/// time the whole group is killed. Its standard output is read until the
/// shell exits, not until the pipe closes: a background child that keeps the
/// pipe open (`echo KEY; sleep 600 &`) does not hold the command up. What it
/// printed never appears in a message.
enum KeyCommand {
    /// Why the command gave no key; `description` says what to do.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The most output read from the command (a key is one short line).
    static let outputLimit = 64 * 1024

    /// Runs `command` and returns its trimmed standard output.
    /// - Parameter source: names the setting in messages, e.g. the config path.
    static func run(_ command: String, timeout: TimeInterval, source: String) throws -> String {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw Failure(description: "\(source): api_key_command could not be started (no pipe: \(String(cString: strerror(errno))))")
        }
        let readEnd = fds[0], writeEnd = fds[1]
        defer { close(readEnd) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)
        // Nothing else of ours reaches the command or what it leaves behind:
        // not the cache's descriptors, and not a descriptor our own parent
        // watches to see us exit (a background child holding it would make
        // the parent wait for that child).
        for fd in Self.openDescriptors() where fd > 2 && fd != readEnd && fd != writeEnd {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own (pgid = its pid), so a timeout can end
        // the shell and everything it started.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        var pid: pid_t = 0
        let arguments = ["/bin/sh", "-c", command]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        close(writeEnd)
        guard spawned == 0 else {
            throw Failure(description: "\(source): api_key_command could not be started (\(String(cString: strerror(spawned))))")
        }

        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
        var output = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        func drain() {
            while output.count < outputLimit {
                let n = read(readEnd, &buffer, buffer.count)
                guard n > 0 else { return }
                output.append(contentsOf: buffer[0..<n])
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            drain()
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                throw Failure(description: "\(source): api_key_command did not finish within \(Self.seconds(timeout)) and was stopped"
                    + " (with everything it started); check that it runs without asking for input, or raise api_key_command_timeout")
            }
            var poller = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            _ = poll(&poller, 1, 20)
        }
        drain()
        // The shell's exit status: WIFEXITED / WEXITSTATUS by hand (macros
        // are not imported).
        let signalled = status & 0x7f
        if signalled != 0 {
            throw Failure(description: "\(source): api_key_command was killed by signal \(signalled) and printed no key")
        }
        let exitStatus = (status >> 8) & 0xff
        let key = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard exitStatus == 0 else {
            throw Failure(description: "\(source): api_key_command exited with status \(exitStatus), so its output is not used as the key; run it yourself to see why")
        }
        guard !key.isEmpty else {
            throw Failure(description: "\(source): api_key_command exited with status 0 but printed no key")
        }
        return key
    }

    /// The descriptors open in this process now (from `/proc/self/fd`).
    static func openDescriptors() -> [Int32] {
        let listed = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        // The listing's own descriptor is closed by now: keep only open ones.
        return listed.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}
