import Foundation
import SemfindCore

/// `semfind plugins`: the plugins file and every format plugin, declared ones first, as one
/// JSON object or as a paragraph per plugin.
public struct PluginListing: Encodable {
    public let pluginsFile: String
    /// Whether the plugins file exists; only the human text says so.
    public let fileExists: Bool
    public let plugins: [Entry]

    enum CodingKeys: String, CodingKey { case pluginsFile = "plugins_file", plugins }

    public init(pluginsFile: String, fileExists: Bool, plugins: [Entry]) {
        self.pluginsFile = pluginsFile
        self.fileExists = fileExists
        self.plugins = plugins
    }

    /// One plugin: its name, version, what it reads and claims; a declared format's also its
    /// command, output kind, version string, timeout and output cap.
    public struct Entry: Encodable {
        public let name: String
        public let version: Int
        public let declared: Bool
        public let binary: Bool
        public let extensions: [String]
        public let mimeTypes: [String]
        public var command: [String]?
        public var output: String?
        public var versionString: String?
        public var timeoutSeconds: Double?
        public var maxOutputBytes: Int?

        enum CodingKeys: String, CodingKey {
            case name, version, declared, binary, extensions, mimeTypes = "mime_types", command, output
            case versionString = "version_string", timeoutSeconds = "timeout_seconds"
            case maxOutputBytes = "max_output_bytes"
        }

        public init(_ plugin: any FormatPlugin, declared: Bool) {
            name = plugin.name
            version = plugin.version
            self.declared = declared
            binary = plugin.readsBinary
            extensions = plugin.extensions.sorted()
            mimeTypes = plugin.mimeTypes.sorted()
        }
    }

    /// The human listing: the plugins file and how many formats it declares, then a paragraph
    /// per plugin; ends in a newline.
    public var text: String {
        let declaredCount = plugins.filter(\.declared).count
        var lines = [
            "plugins file: \(pluginsFile) (\(fileExists ? "\(declaredCount) declared" : "not there: no declared formats"))"
        ]
        for entry in plugins {
            let origin = entry.declared ? "declared" : "built-in"
            lines.append(
                "\n\(entry.name) (\(origin), version \(entry.version), reads \(entry.binary ? "binary" : "text"))")
            for (label, values) in [("extensions", entry.extensions), ("MIME types", entry.mimeTypes)] {
                lines.append("  \(label): \(values.isEmpty ? "none" : values.joined(separator: ", "))")
            }
            if let command = entry.command {
                lines.append("  command: \(command.map(Self.quoted).joined(separator: " "))")
                lines.append("  output: \(entry.output ?? "")")
                if let version = entry.versionString { lines.append("  version string: \(version)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An argument as a shell would need it: in single quotes when it holds anything but
    /// letters, digits and `-_./{}=:,+@%`.
    static func quoted(_ argument: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./{}=:,+@%")
        guard argument.isEmpty || !argument.allSatisfy(plain.contains) else { return argument }
        return "'" + argument.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
