import CommandFormat
import FileWalk
import Indexer
import SemfindCore

/// Parses declared formats in this process and hands every other plugin to `next`: a declared
/// format's command is already a child process with its own deadline and output cap, the parse
/// worker knows only the built-in plugins, and its address-space limit would bind the command
/// (pandoc's runtime alone reserves more). A command still running when the run's `stop` is
/// requested (Ctrl-C) is killed at once.
final class DeclaredFormatsInProcess: DocumentParser {
    let next: any DocumentParser
    let stop: StopRequest?

    init(next: any DocumentParser, stop: StopRequest?) {
        self.next = next
        self.stop = stop
    }

    func parse(_ bytes: [UInt8], decoded: DecodedText?, with plugin: any FormatPlugin) throws -> ParsedDocument {
        guard let declared = plugin as? CommandFormat else {
            return try next.parse(bytes, decoded: decoded, with: plugin)
        }
        return try declared.parse(bytes, stopDescriptor: stop?.wakeDescriptor ?? -1)
    }
}
