/// The text of one block as it is collected: white space collapsed the way a browser renders
/// it (or kept as written, inside `<pre>`), lines broken where the markup breaks them, and the
/// source lines the visible text came from.
struct BlockText {
    /// Finished lines, without trailing white space.
    private var lines: [String] = []
    /// The UTF-8 bytes of the line being built.
    private var current: [UInt8] = []
    /// Whether `current` holds visible text (its prefix included).
    private var lineHasText = false
    /// Collapsed white space waiting for the next visible character.
    private var pendingSpace = false
    /// A separator (between table cells) waiting for the next visible character.
    private var pendingSeparator: String?
    /// Written before the first visible character of the line (list markers, indentation).
    private var linePrefix = ""
    /// Whether the previous verbatim byte was a carriage return (so "\r\n" is one break).
    private var afterCarriageReturn = false

    /// The first and last source lines of the visible text, once there is some.
    private(set) var sourceLines: ClosedRange<Int>?

    /// Appends UTF-8 text, collapsing runs of white space (and no-break spaces) to one space.
    /// Returns whether visible characters were added.
    mutating func appendCollapsed(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var added = false
        var runStart = 0
        var index = 0
        func appendRun() {
            guard runStart < index else { return }
            beginCharacter()
            current += text[runStart..<index]
            added = true
        }
        while index < text.count {
            let byte = text[index]
            let spaceLength =
                byte.isASCIIWhitespace ? 1 : (byte == 0xC2 && index + 1 < text.count && text[index + 1] == 0xA0 ? 2 : 0)
            if spaceLength > 0 {
                appendRun()
                pendingSpace = true
                index += spaceLength
                runStart = index
            } else {
                index += 1
            }
        }
        appendRun()
        return added
    }

    /// Appends UTF-8 text as written (inside `<pre>`): every line feed or carriage return
    /// breaks the line, continued with `continuation`. Returns whether visible characters were
    /// added.
    mutating func appendVerbatim(_ text: UnsafeBufferPointer<UInt8>, continuation: String) -> Bool {
        var added = false
        for byte in text {
            switch byte {
            case 0x0D:
                newline(prefix: continuation)
                afterCarriageReturn = true
            case 0x0A:
                if !afterCarriageReturn {
                    newline(prefix: continuation)
                }
                afterCarriageReturn = false
            default:
                afterCarriageReturn = false
                beginCharacter()
                current.append(byte)
                added = added || !byte.isASCIIWhitespace
            }
        }
        return added
    }

    /// Writes what must precede the next character: the line's prefix, a pending separator or a
    /// pending space. (Within one character's UTF-8 bytes, only the first finds anything.)
    private mutating func beginCharacter() {
        if !lineHasText {
            current += linePrefix.utf8
            lineHasText = true
        } else if let separator = pendingSeparator {
            current += separator.utf8
        } else if pendingSpace {
            current.append(0x20)
        }
        pendingSeparator = nil
        pendingSpace = false
    }

    /// Collapsible white space: a space if more text follows on this line.
    mutating func space() {
        pendingSpace = true
    }

    /// `separator` between what is on this line and what follows, if anything is on it.
    mutating func separate(with separator: String) {
        if lineHasText {
            pendingSeparator = separator
        }
    }

    /// Ends the current line, even an empty one (`<br><br>` leaves a blank line).
    mutating func newline(prefix: String = "") {
        lines.append(finishedLine())
        linePrefix = prefix
    }

    /// Starts a new line unless the current one is still empty; either way the next text on it
    /// begins with `prefix`.
    mutating func startLine(prefix: String = "") {
        if lineHasText {
            lines.append(finishedLine())
        }
        linePrefix = prefix
    }

    /// Starts a new line unless the current one is still empty, which then keeps its own prefix
    /// (a list item's marker survives the `<p>` that opens the item).
    mutating func breakLine(prefix: String) {
        if lineHasText {
            lines.append(finishedLine())
            linePrefix = prefix
        }
    }

    private mutating func finishedLine() -> String {
        let line = Self.decodedWithoutTrailingWhitespace(current)
        current = []
        lineHasText = false
        pendingSpace = false
        pendingSeparator = nil
        afterCarriageReturn = false
        return line
    }

    private static func decodedWithoutTrailingWhitespace(_ line: [UInt8]) -> String {
        let end = (line.lastIndex { !$0.isASCIIWhitespace } ?? -1) + 1
        return String(decoding: line[..<end], as: UTF8.self)
    }

    /// Records that visible text came from `range` of source lines.
    mutating func noteSource(_ range: ClosedRange<Int>) {
        guard let known = sourceLines else {
            sourceLines = range
            return
        }
        sourceLines = min(known.lowerBound, range.lowerBound)...max(known.upperBound, range.upperBound)
    }

    /// The collected text: lines joined by "\n", blank lines at either end dropped, and (unless
    /// `keepBlankRuns`) runs of blank lines inside reduced to one.
    func text(keepBlankRuns: Bool) -> String {
        let all = lineHasText ? lines + [Self.decodedWithoutTrailingWhitespace(current)] : lines
        var kept: [String] = []
        for line in all {
            let blank = line.unicodeScalars.allSatisfy(\.isASCIIWhitespace)
            if blank && (kept.isEmpty || (!keepBlankRuns && kept.last?.isEmpty == true)) {
                continue
            }
            kept.append(blank ? "" : line)
        }
        while kept.last?.isEmpty == true {
            kept.removeLast()
        }
        return kept.joined(separator: "\n")
    }
}
