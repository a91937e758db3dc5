import CommandFormat
import DOCXFormat
import EPUBFormat
import HTMLFormat
import Indexer
import MarkdownFormat
import ODTFormat
import PDFFormat
import PPTXFormat
import SemfindCore
import TextFormat

/// The format plugins this build of semfind reads (the one explicit list), and the formats the
/// user declares in the plugins file, which come first.
enum Plugins {
    static let builtIn: [any FormatPlugin] = [
        MarkdownFormat(), HTMLFormat(), TextFormat(), PDFFormat(), DOCXFormat(), ODTFormat(), PPTXFormat(),
        EPUBFormat(),
    ]
    /// The built-in plugins alone: what the parse worker parses with (declared formats run their
    /// own child process, in the indexing process: `IsolatedParsing`).
    static let registry = FormatRegistry(builtIn, fallback: "text")

    /// The registry of an indexing run: the plugins file's formats, then the built-in ones.
    static func registry(pluginsFile: String?) throws -> FormatRegistry {
        FormatRegistry(builtIn, declared: try declared(pluginsFile: pluginsFile), fallback: "text")
    }

    /// The formats declared in the plugins file (`--plugins`, `SEMFIND_PLUGINS`, the default).
    static func declared(pluginsFile: String?) throws -> [CommandFormat] {
        try PluginsFile.declared(named: pluginsFile, reservedNames: Set(builtIn.map(\.name)))
    }
}
