import Foundation

/// A folder from `folder_list`. Its default settings (WHOIS, name servers,
/// renew option, transfer lock) are kept raw: only the settings screen needs
/// them, and their shape varies.
public struct Folder: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Every field other than the id and name, as sent.
    public var defaults: [String: JSONValue]

    public init(id: String, name: String, defaults: [String: JSONValue] = [:]) {
        self.id = id
        self.name = name
        self.defaults = defaults
    }

    /// Reads one folder object; `nil` without a `FolderId`.
    public init?(json: JSONValue) {
        guard case .object = json, let id = json["FolderId"]?.identifier else { return nil }
        self.init(id: id, name: json["FolderName"]?.text ?? "",
                  defaults: json.unknownFields(excluding: ["folderid", "foldername"]))
    }
}

/// A `folder_list` answer.
public struct FolderList: Sendable, Equatable {
    public var folders: [Folder]

    public init(folders: [Folder]) { self.folders = folders }

    public init(_ response: APIResponse) throws {
        let checked = try response.checked()
        guard let items = checked.firstList([["FolderList", "Folder"], ["FolderList"]]) else {
            throw checked.missing("FolderList")
        }
        self.init(folders: items.compactMap(Folder.init(json:)))
    }
}
