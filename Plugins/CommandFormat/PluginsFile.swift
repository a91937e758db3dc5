import SemfindCore
import TOMLKit

/// The plugins file (`plugins.toml`): the formats a user declares, one `[[plugin]]` table each.
///
/// ```toml
/// [[plugin]]
/// name = "org"                                    # lowercase letters, digits, - and _
/// extensions = ["org"]                            # and/or mime_types = ["text/x-org"]
/// command = ["pandoc", "--from", "org", "--to", "markdown"]
/// output = "markdown"                             # text, markdown, html or sections
/// version = "pandoc 3.1"                          # optional: change it to re-read the files
/// binary = false                                  # optional: whether the files are binary
/// timeout = 30                                    # optional: seconds per file
/// max_output_mib = 64                             # optional: output cap per file
/// ```
///
/// Any mistake is one error naming the file and line: a TOML syntax error, an unknown key, a
/// missing or mistyped value, an unknown output kind, a name used twice or a built-in's.
public enum PluginsFile {
    /// The key of the array of entries.
    static let entryKey = "plugin"
    static let entryKeys: Set<String> = [
        "name", "extensions", "mime_types", "command", "output", "version", "binary", "timeout", "max_output_mib",
    ]

    /// The declared formats of `text`, read from `path` (named in errors); `reservedNames` are
    /// the built-in plugins' names, which no entry may take.
    public static func formats(_ text: String, path: String, reservedNames: Set<String>) throws -> [CommandFormat] {
        let lines = TOMLLines(text)
        func failure(_ line: Int, _ message: String) -> SemfindError {
            SemfindError(.invalidInput, "\(path):\(line): \(message)")
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw failure(error.source.begin.line, "not valid TOML: \(error.description)")
        }
        for key in table.keys where key != entryKey {
            throw failure(lines.topLevel(key), "unknown key \"\(key)\" (declare each format in a [[plugin]] table)")
        }
        guard let value = table[entryKey] else { return [] }
        guard let entries = value.array else {
            throw failure(lines.topLevel(entryKey), "\"plugin\" must be [[plugin]] tables")
        }
        var formats: [CommandFormat] = []
        for index in entries.indices {
            guard let entry = entries[index].table else {
                throw failure(lines.entry(index), "\"plugin\" must be [[plugin]] tables")
            }
            let format = try PluginEntry(entry, index: index, lines: lines, failure: failure).format()
            if reservedNames.contains(format.name) || formats.contains(where: { $0.name == format.name }) {
                let whose = reservedNames.contains(format.name) ? "a built-in plugin's" : "another entry's"
                throw failure(lines.key("name", inEntry: index), "the name \"\(format.name)\" is \(whose)")
            }
            formats.append(format)
        }
        return formats
    }
}
