/// Turns Markdown inline markup into the text a reader sees: `[text](url)`, `[text][ref]` and
/// `![alt](src)` become their text; `*`, `_` and `~~` emphasis markers, code-span backticks,
/// HTML tags and comments go; `<https://…>` autolinks keep their address; backslash escapes and
/// character references are resolved.
///
/// Two passes over the bytes, each linear: the first finds code spans and matches brackets and
/// parentheses with stacks (so finding a link's end never rescans), the second writes the text.
/// Emphasis is judged per run of markers (stripped unless it is surrounded by spaces, or is a `_`
/// inside a word, so `2 * 3` and `snake_case` survive) rather than by CommonMark's full delimiter
/// algorithm: close enough for search, and never quadratic.
struct InlineStripper {
    let bytes: [UInt8]
    /// Code spans by the offset of their opening backtick run.
    private var codeSpans: [Int: (content: Range<Int>, end: Int)] = [:]
    /// Offsets of the `[` that open a link or image.
    private var linkOpeners: Set<Int> = []
    /// For the `]` that closes a link's text: where the text resumes after its destination.
    private var linkResumes: [Int: Int] = [:]
    /// Terminators (`-->`, `?>`, `]]>`) found missing from some point on, so never looked for again.
    var missingTerminators: Set<[UInt8]> = []
    /// Whether the text has two or more runs of `*`, so that one inside a word may be emphasis.
    private var hasAsteriskPairs = false

    /// The text `markdown` shows a reader, leading and trailing whitespace trimmed.
    static func strip<Bytes: Collection<UInt8>>(_ markdown: Bytes) -> String {
        var stripper = InlineStripper(bytes: Array(markdown))
        stripper.findStructure()
        return stripper.text()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func runEnd(from start: Int) -> Int {
        var end = start
        while end < bytes.count, bytes[end] == bytes[start] { end += 1 }
        return end
    }

    private func isEscape(at index: Int) -> Bool {
        bytes[index] == ASCII.backslash && index + 1 < bytes.count && ASCII.isPunctuation(bytes[index + 1])
    }

    private mutating func findStructure() {
        let closingRuns = BacktickRuns(bytes)
        var openBrackets: [Int] = []
        var openParens: [Int] = []
        var bracketPairs: [(open: Int, close: Int)] = []
        var closingBracket: [Int: Int] = [:]
        var closingParen: [Int: Int] = [:]
        /// The `[` enclosing each matched `[`, if any.
        var enclosingBracket: [Int: Int] = [:]
        var asteriskRuns = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == ASCII.asterisk && (index == 0 || bytes[index - 1] != ASCII.asterisk) {
                asteriskRuns += 1
            }
            if isEscape(at: index) {
                index += 2
                continue
            }
            switch bytes[index] {
            case ASCII.backtick:
                let end = runEnd(from: index)
                if let close = closingRuns.closingRun(forRunAt: index) {
                    codeSpans[index] = (codeContent(end..<close), close + end - index)
                    index = close + end - index
                } else {
                    index = end
                }
                continue
            case ASCII.leftBracket:
                openBrackets.append(index)
            case ASCII.rightBracket:
                if let open = openBrackets.popLast() {
                    enclosingBracket[open] = openBrackets.last
                    bracketPairs.append((open, index))
                    closingBracket[open] = index
                }
            case ASCII.leftParen:
                openParens.append(index)
            case ASCII.rightParen:
                if let open = openParens.popLast() { closingParen[open] = index }
            default:
                break
            }
            index += 1
        }
        hasAsteriskPairs = asteriskRuns >= 2
        // Inner pairs come first (they close first); a link's text may not hold a link, so
        // accepting one marks the brackets around it (an image's text may).
        var holdsLink: Set<Int> = []
        for pair in bracketPairs where pair.close + 1 < bytes.count {
            let isImage = pair.open > 0 && bytes[pair.open - 1] == ASCII.exclamation
            if !isImage && holdsLink.contains(pair.open) { continue }
            let next = pair.close + 1
            let destinationEnd = bytes[next] == ASCII.leftParen ? closingParen[next] : closingBracket[next]
            guard let destinationEnd, bytes[next] == ASCII.leftParen || bytes[next] == ASCII.leftBracket else {
                continue
            }
            if bytes[next] == ASCII.leftParen && !LinkTail.isValid(bytes[(next + 1)..<destinationEnd]) { continue }
            linkOpeners.insert(pair.open)
            linkResumes[pair.close] = destinationEnd + 1
            var enclosing = isImage ? nil : enclosingBracket[pair.open]
            while let open = enclosing, holdsLink.insert(open).inserted { enclosing = enclosingBracket[open] }
        }
    }

    /// A code span's content, less one space at each end when both ends have one (CommonMark).
    private func codeContent(_ range: Range<Int>) -> Range<Int> {
        guard range.count >= 2, bytes[range.lowerBound] == ASCII.space, bytes[range.upperBound - 1] == ASCII.space,
            bytes[range].contains(where: { $0 != ASCII.space })
        else { return range }
        return (range.lowerBound + 1)..<(range.upperBound - 1)
    }

    private mutating func text() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case ASCII.backslash where index + 1 < bytes.count:
                let next = bytes[index + 1]
                if ASCII.isPunctuation(next) {
                    output.append(next)
                    index += 2
                } else {
                    // A backslash before a line break is a hard break: the break alone remains.
                    if next != ASCII.newline { output.append(byte) }
                    index += 1
                }
            case ASCII.backtick:
                if let span = codeSpans[index] {
                    output.append(contentsOf: bytes[span.content])
                    index = span.end
                } else {
                    let end = runEnd(from: index)
                    output.append(contentsOf: bytes[index..<end])
                    index = end
                }
            case ASCII.exclamation where linkOpeners.contains(index + 1),
                ASCII.leftBracket where linkOpeners.contains(index):
                index += 1
            case ASCII.rightBracket where linkResumes[index] != nil:
                index = linkResumes[index] ?? index + 1
            case ASCII.asterisk, ASCII.underscore, ASCII.tilde:
                index = emphasisRun(at: index, into: &output)
            case ASCII.lessThan:
                index = angleBrackets(at: index, into: &output)
            case ASCII.ampersand:
                index = entity(at: index, into: &output)
            default:
                output.append(byte)
                index += 1
            }
        }
        var start = 0
        var end = output.count
        while start < end, ASCII.isWhitespace(output[start]) { start += 1 }
        while end > start, ASCII.isWhitespace(output[end - 1]) { end -= 1 }
        return String(decoding: output[start..<end], as: UTF8.self)
    }

    /// Drops a run of emphasis markers unless it is surrounded by whitespace, is a single `~`
    /// (which is text far more often than strikethrough), or sits inside a word: `_` there is
    /// always text (`snake_case`), `*` only when no other `*` run could pair with it (`foo*bar*`
    /// is emphasis, `a*b` is not).
    private func emphasisRun(at start: Int, into output: inout [UInt8]) -> Int {
        let end = runEnd(from: start)
        let before = start > 0 ? bytes[start - 1] : nil
        let after = end < bytes.count ? bytes[end] : nil
        let touchesText =
            after.map { !ASCII.isWhitespace($0) } == true || before.map { !ASCII.isWhitespace($0) } == true
        let insideWord = before.map(ASCII.isWordByte) == true && after.map(ASCII.isWordByte) == true
        let mayPairInsideWord = bytes[start] == ASCII.asterisk && hasAsteriskPairs
        let isMarkup =
            touchesText && (!insideWord || mayPairInsideWord) && (bytes[start] != ASCII.tilde || end - start >= 2)
        if !isMarkup { output.append(contentsOf: bytes[start..<end]) }
        return end
    }
}
