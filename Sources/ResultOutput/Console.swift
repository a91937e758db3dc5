import Foundation

/// Where a command's output goes: the process's own stdout and stderr, or (when a warm server
/// answers for another process) buffers sent back to that process.
public struct Console {
    public let out: (String) -> Void
    public let err: (String) -> Void

    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// Whether this process's standard output may be coloured: a terminal, and `NO_COLOR` unset.
    public static var standardOutputTakesColour: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Whether this process's standard output may carry hyperlinks (`Hyperlink`): a terminal,
    /// `NO_COLOR` unset, and `TERM` neither unset nor `dumb`.
    public static var standardOutputTakesHyperlinks: Bool {
        let environment = ProcessInfo.processInfo.environment
        return standardOutputTakesColour && !["", "dumb"].contains(environment["TERM"] ?? "")
    }

    public static var standard: Console {
        Console(
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) })
    }
}

/// A console that keeps what is written, for a reply.
public final class CapturedConsole {
    public private(set) var out = ""
    public private(set) var err = ""

    public init() {}

    public var console: Console {
        Console(out: { [self] in out += $0 }, err: { [self] in err += $0 })
    }
}
