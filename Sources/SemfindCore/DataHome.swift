import Foundation

/// Where semfind keeps its data by default: `$XDG_DATA_HOME/semfind`, else
/// `~/.local/share/semfind` (models and the index live below it).
public enum DataHome {
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return base + "/semfind"
    }
}
