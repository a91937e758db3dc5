import SemfindCore
import TOMLKit

/// One `[[plugin]]` table of the plugins file, checked key by key into a `CommandFormat`.
struct PluginEntry {
    let table: TOMLTable
    let index: Int
    let lines: TOMLLines
    let failure: (Int, String) -> SemfindError

    init(_ table: TOMLTable, index: Int, lines: TOMLLines, failure: @escaping (Int, String) -> SemfindError) {
        self.table = table
        self.index = index
        self.lines = lines
        self.failure = failure
    }

    func format() throws -> CommandFormat {
        for key in table.keys.sorted() where !PluginsFile.entryKeys.contains(key) {
            let known = PluginsFile.entryKeys.sorted().joined(separator: ", ")
            throw failure(lines.key(key, inEntry: index), "unknown key \"\(key)\" (known: \(known))")
        }
        guard let name = try string("name") else { throw missing("name") }
        guard name.first?.isLetter == true,
            name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" })
        else {
            throw failure(
                lines.key("name", inEntry: index),
                "the name \"\(name)\" must start with a letter and hold only a-z, 0-9, - and _")
        }
        guard let command = try strings("command"), !command.isEmpty, !command[0].isEmpty else {
            throw missing(
                "command", hint: " (the program and its arguments, e.g. [\"pandoc\", \"--to\", \"markdown\"])")
        }
        guard let outputName = try string("output") else { throw missing("output", hint: Self.outputHint) }
        guard let output = CommandOutput(rawValue: outputName) else {
            throw failure(
                lines.key("output", inEntry: index), "unknown output kind \"\(outputName)\"\(Self.outputHint)")
        }
        let extensions = (try strings("extensions") ?? []).map { String($0.drop { $0 == "." }).lowercased() }
        let mimeTypes = (try strings("mime_types") ?? []).map { $0.lowercased() }
        guard !extensions.isEmpty || !mimeTypes.isEmpty else { throw missing("extensions or mime_types") }
        return CommandFormat(
            name: name, declaredVersion: try string("version"), command: command, output: output,
            mimeTypes: Set(mimeTypes), extensions: Set(extensions), readsBinary: try bool("binary") ?? false,
            timeout: try positive("timeout") ?? CommandFormat.defaultTimeout,
            outputLimit: try positive("max_output_mib").map { Int($0 * Double(1 << 20)) }
                ?? CommandFormat.defaultOutputLimit)
    }

    static let outputHint = " (text, markdown, html or sections)"

    private func missing(_ key: String, hint: String = "") -> SemfindError {
        failure(lines.entry(index), "this [[plugin]] has no \(key)\(hint)")
    }

    private func mistyped(_ key: String, _ expected: String) -> SemfindError {
        failure(lines.key(key, inEntry: index), "\(key) must be \(expected)")
    }

    private func string(_ key: String) throws -> String? {
        guard let value = table[key] else { return nil }
        guard let text = value.string else { throw mistyped(key, "a string") }
        return text
    }

    private func strings(_ key: String) throws -> [String]? {
        guard let value = table[key] else { return nil }
        guard let array = value.array else { throw mistyped(key, "an array of strings") }
        return try array.map { element in
            guard let text = element.string else { throw mistyped(key, "an array of strings") }
            return text
        }
    }

    private func bool(_ key: String) throws -> Bool? {
        guard let value = table[key] else { return nil }
        guard let flag = value.bool else { throw mistyped(key, "true or false") }
        return flag
    }

    private func positive(_ key: String) throws -> Double? {
        guard let value = table[key] else { return nil }
        guard let number = value.int.map(Double.init) ?? value.double, number > 0 else {
            throw mistyped(key, "a positive number")
        }
        return number
    }
}
