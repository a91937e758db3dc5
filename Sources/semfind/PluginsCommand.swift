import ArgumentParser
import CommandFormat
import Foundation
import ResultOutput
import SemfindCore

/// `semfind plugins`: the formats semfind reads, declared ones first (they take precedence), with
/// what each claims.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the format plugins: those declared in the plugins file first, then the built-in ones.",
        discussion: """
            A declared plugin runs a command on each file it claims; it takes precedence over a \
            built-in one for the extensions and MIME types it claims. An invalid plugins file is an \
            error naming its line.
            """)

    @Option(
        name: .long,
        help: """
            The plugins file (default: $SEMFIND_PLUGINS, else $XDG_CONFIG_HOME/semfind/plugins.toml).
            """)
    var plugins: String?

    @Flag(name: .long, help: "Print one JSON object.")
    var json = false

    func run() throws {
        let declared = try Plugins.declared(pluginsFile: plugins)
        let file = PluginsFile.location(named: plugins).path
        let listing = PluginListing(
            pluginsFile: file, fileExists: FileManager.default.fileExists(atPath: file),
            plugins: declared.map(PluginListing.Entry.init) + Plugins.builtIn.map { .init($0, declared: false) })
        print(json ? JSONLine.encode(listing) : listing.text, terminator: "")
    }
}

extension PluginListing.Entry {
    /// A declared format's entry, with how it runs.
    init(_ format: CommandFormat) {
        self.init(format, declared: true)
        command = format.command
        output = format.output.rawValue
        versionString = format.declaredVersion
        timeoutSeconds = format.timeout
        maxOutputBytes = format.outputLimit
    }
}
