/// What an import made: the API, and the warnings its definition gave.
public struct APIImportResult: Hashable, Sendable {
    /// The API as it is after the import.
    public var api: API
    /// The definition's warnings (what was not imported as written).
    public var warnings: [String]

    /// Creates a result.
    public init(api: API, warnings: [String]) {
        self.api = api
        self.warnings = warnings
    }
}
