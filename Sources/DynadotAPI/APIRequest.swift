import Foundation

/// One named query parameter, in the order it will be sent.
public struct QueryParameter: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One API3 call: a command name and its parameters (the key is added by the
/// client at send time and never stored here).
///
///     let request = APIRequest("set_ns", ["domain": "a.com,b.com", "ns0": "ns1.example.net"])
public struct APIRequest: Sendable, Hashable {
    public var command: String
    public var parameters: [QueryParameter]

    public init(_ command: String, parameters: [QueryParameter] = []) {
        self.command = command
        self.parameters = parameters
    }

    /// Convenience: parameters from pairs, kept in the given order.
    public init(_ command: String, _ pairs: KeyValuePairs<String, String>) {
        self.init(command, parameters: pairs.map { QueryParameter($0.key, $0.value) })
    }

    /// The value of the first parameter named `name`.
    public subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Appends or replaces a parameter.
    public mutating func set(_ name: String, _ value: String) {
        if let i = parameters.firstIndex(where: { $0.name == name }) {
            parameters[i].value = value
        } else {
            parameters.append(QueryParameter(name, value))
        }
    }
}
