import GRDB

/// Folder membership as the cache holds it: what the folder views count and
/// what a folder-wide change verifies. A present domain is in a cached
/// folder by its folder id, or by name when a push moved it there and no
/// sync has brought the id yet.
extension PortfolioDatabase {
    /// Present domains per cached folder id (folders without domains are absent).
    public func folderDomainCounts() throws -> [String: Int] {
        try writer.read { db in
            let byName = Dictionary(try Row.fetchAll(db, sql: "SELECT name, id FROM folder").compactMap { row in
                row.text(0).flatMap { name in row.text(1).map { (name, $0) } }
            }, uniquingKeysWith: { a, _ in a })
            // One pass over the folder_name index, whatever the folder count.
            let rows = try Row.fetchAll(db, sql: """
                SELECT folder_id, folder_name, COUNT(*) FROM domain WHERE gone = 0 AND folder_name <> ''
                GROUP BY folder_id, folder_name
                """)
            var counts: [String: Int] = [:]
            for row in rows {
                guard let id = row.text(0) ?? row.text(1).flatMap({ byName[$0] }), let count = row.int64(2) else { continue }
                counts[id, default: 0] += Int(count)
            }
            return counts
        }
    }

    /// The names of the present domains in folder `id`, by name.
    public func domainNames(inFolder id: String) throws -> [String] {
        try writer.read { db in
            let name = try String.fetchOne(db, sql: "SELECT name FROM folder WHERE id = ?", arguments: [id]) ?? ""
            return try String.fetchAll(db, sql: """
                SELECT name FROM domain WHERE gone = 0
                    AND (folder_id = ? OR (folder_id IS NULL AND folder_name = ? AND folder_name <> ''))
                ORDER BY name
                """, arguments: [id, name])
        }
    }
}
