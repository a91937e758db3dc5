import CommandFormat
import Indexer
import SemfindCore

/// Parses declared formats in this process and hands every other plugin to `next`: a declared
/// format's command is already a child process with its own deadline and output cap, the parse
/// worker knows only the built-in plugins, and its address-space limit would bind the command
/// (pandoc's runtime alone reserves more).
final class DeclaredFormatsInProcess: DocumentParser {
    let next: any DocumentParser

    init(next: any DocumentParser) {
        self.next = next
    }

    func parse(_ bytes: [UInt8], decoded: DecodedText?, with plugin: any FormatPlugin) throws -> ParsedDocument {
        plugin is CommandFormat
            ? try plugin.parse(bytes, decoded: decoded) : try next.parse(bytes, decoded: decoded, with: plugin)
    }
}
