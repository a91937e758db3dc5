/// How a refusal tells the user to start an index again with other encoder settings: a SQLite
/// index is rebuilt in place (`semfind index --rebuild`); a PostgreSQL index is shared and
/// refuses `--rebuild`, so the advice is a new schema.
public enum RebuildAdvice: Sendable {
    case rebuildInPlace
    case newSchema

    /// The advice's words, with `options` the settings to start again with ("--model NAME").
    public func sentence(_ options: String) -> String {
        switch self {
        case .rebuildInPlace: "rebuild it with semfind index --rebuild \(options) FOLDER"
        case .newSchema:
            "index it again into a new schema (another schema= in the URI) with semfind index \(options) FOLDER"
        }
    }
}
