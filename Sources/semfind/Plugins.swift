import CommandFormat
import DOCXFormat
import EPUBFormat
import Foundation
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

    /// The formats declared in `pluginsFile` (nil: `SEMFIND_PLUGINS`, else the default file, which
    /// may be absent; a file named explicitly must exist).
    static func declared(pluginsFile: String?) throws -> [CommandFormat] {
        let (path, named) = file(pluginsFile)
        guard named || FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SemfindError(.io, "cannot read the plugins file \(path)")
        }
        return try PluginsFile.formats(
            String(decoding: data, as: UTF8.self), path: path, reservedNames: Set(builtIn.map(\.name)))
    }

    /// The plugins file's path, and whether it was named (`--plugins`, `SEMFIND_PLUGINS`) rather
    /// than the default: `$XDG_CONFIG_HOME/semfind/plugins.toml`, else `~/.config/semfind/plugins.toml`.
    static func file(_ pluginsFile: String?) -> (path: String, named: Bool) {
        let environment = ProcessInfo.processInfo.environment
        if let named = pluginsFile ?? environment["SEMFIND_PLUGINS"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return (named, true)
        }
        let base =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return (base + "/semfind/plugins.toml", false)
    }
}
