import Foundation
import Testing
@testable import PortfolioApp

/// The README's key list is the action table printed as Markdown; this
/// keeps the two from drifting apart.
@Suite struct ReadmeKeysTests {
    @Test func readmeKeysSectionMatchesTheActionTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = "<!-- keys:begin (generated from ActionTable.markdown()) -->\n"
        let end = "<!-- keys:end -->"
        let expected = try ActionTable().markdown()
        guard let start = readme.range(of: begin), let stop = readme.range(of: end, range: start.upperBound..<readme.endIndex) else {
            Issue.record("README.md has no keys section between the markers")
            return
        }
        let actual = String(readme[start.upperBound..<stop.lowerBound])
        #expect(recordIfDifferent("readme-keys", expected, actual))
    }
}
