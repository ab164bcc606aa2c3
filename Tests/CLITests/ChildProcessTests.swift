import ChildProcess
import Foundation
import Testing

/// The tests' own process launcher (posix_spawn): what every CLI, simulator
/// and tmux test relies on.
@Suite struct ChildProcessTests {
    @Test func exitCodesSignalsAndOutput() throws {
        let printed = try ChildProcess.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"])
        #expect(printed.status == 3)
        #expect(printed.output == "out\nerr\n")
        let killed = try ChildProcess("/bin/sh", ["-c", "kill -TERM $$"])
        #expect(killed.waitUntilExit() == SIGTERM)
        #expect(killed.terminationStatus == SIGTERM)
        #expect(!killed.isRunning)
    }

    @Test func onlyTheStandardStreamsAreInherited() throws {
        // A descriptor this process leaves open across exec (no CLOEXEC).
        let leaked = open("/dev/null", O_RDONLY)
        try #require(leaked >= 3)
        defer { close(leaked) }
        let listed = try ChildProcess.run("/bin/sh", ["-c", "ls /proc/$$/fd"])
        #expect(listed.status == 0)
        let descriptors = Set(listed.output.split(separator: "\n").compactMap { Int32($0) })
        #expect(!descriptors.contains(leaked), "fd \(leaked) reached the child: \(descriptors.sorted())")
        #expect(descriptors.isSuperset(of: [0, 1, 2]))
    }

    @Test func signalsStartAtTheirDefaults() throws {
        // The child must not inherit an ignored SIGPIPE (it would write on).
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        let ignored = try ChildProcess.run("/bin/sh", ["-c", "grep SigIgn /proc/$$/status"])
        let mask = try #require(ignored.output.split(separator: "\t").last.flatMap { UInt64($0.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) })
        #expect(mask & (1 << (UInt64(SIGPIPE) - 1)) == 0, "SIGPIPE ignored in the child: \(ignored.output)")
    }

    @Test func stopEndsAChildThatIgnoresTerm() throws {
        let stubborn = try ChildProcess("/bin/sh", ["-c", "trap '' TERM; echo ready; while :; do sleep 1; done"], output: .pipe)
        let output = try #require(stubborn.output)
        #expect(String(decoding: output.availableData, as: UTF8.self) == "ready\n")
        stubborn.stop(grace: 0.2)
        #expect(!stubborn.isRunning)
        #expect(stubborn.terminationStatus == SIGKILL)
    }
}
