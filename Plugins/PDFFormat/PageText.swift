/// A page's text as lines, with the top of each line, a space put back where poppler joins two
/// runs of text that sit apart on one line, and words hyphenated at a line's end made whole.
///
/// `poppler_page_get_text` joins the blocks that share a line without a separator (a tagged
/// paragraph's "%a" and its description become "%apermission"), where `pdftotext` separates
/// them. Within a block poppler writes each space as a character, so two adjacent characters
/// that are not spaces but stand apart by more than `gapRatio` of their height belong to
/// different blocks, and a space goes between them.
struct PageText {
    static let gapRatio = 0.3

    /// The page's lines in reading order, without trailing whitespace.
    let lines: [String]
    /// The top of each line's first visible character, in points from the page's top; nil when
    /// poppler gave no layout that matches the text.
    let lineTops: [Double]?

    /// A word cut at a line's end is made whole on that line, as `pdftotext` makes it: when a line
    /// ends in a hyphen after a letter and the next starts with a lowercase letter, the next
    /// line's first word moves up in the hyphen's place. Lines keep their count, so their numbers
    /// and tops still match the page.
    ///
    /// `text` as poppler gave it, and `boxes`, one per Unicode scalar of it, when poppler has them.
    init(_ text: String, boxes: [GlyphBox]?) {
        let scalars = Array(text.unicodeScalars)
        guard let boxes, boxes.count == scalars.count else {
            lines = Self.joiningHyphenatedWords(
                text.split(separator: "\n", omittingEmptySubsequences: false).map {
                    String($0).trimmingTrailingWhitespace
                })
            lineTops = nil
            return
        }
        var lines: [String] = []
        var tops: [Double] = []
        var start = 0
        while start <= scalars.count {
            var end = start
            while end < scalars.count && scalars[end] != "\n" { end += 1 }
            lines.append(Self.spaced(scalars[start..<end], boxes: boxes[start..<end]).trimmingTrailingWhitespace)
            let first = (start..<end).first { !scalars[$0].properties.isWhitespace }
            tops.append(first.map { boxes[$0].top } ?? (start < boxes.count ? boxes[start].top : 0))
            start = end + 1
        }
        self.lines = Self.joiningHyphenatedWords(lines)
        lineTops = tops
    }

    /// Whether the page has no text at all.
    var isBlank: Bool { lines.allSatisfy { $0.isEmpty } }

    /// One line's characters, with a space between two that stand apart.
    private static func spaced(_ scalars: ArraySlice<Unicode.Scalar>, boxes: ArraySlice<GlyphBox>) -> String {
        var line = String.UnicodeScalarView()
        var previous: Int?
        for index in scalars.indices {
            let scalar = scalars[index]
            if let previous, !scalar.properties.isWhitespace, !scalars[previous].properties.isWhitespace {
                let height = max(boxes[index].bottom - boxes[index].top, boxes[previous].bottom - boxes[previous].top)
                if boxes[index].left - boxes[previous].right > gapRatio * height { line.append(" ") }
            }
            line.append(scalar)
            previous = index
        }
        return String(line)
    }

    private static func joiningHyphenatedWords(_ lines: [String]) -> [String] {
        var lines = lines
        for index in lines.indices.dropLast() {
            let line = lines[index]
            guard let hyphen = line.last, hyphen == "-" || hyphen == "\u{AD}",
                line.dropLast().last?.isLetter == true,
                let next = lines[index + 1].first, next.isLowercase
            else { continue }
            let rest = lines[index + 1]
            let wordEnd = rest.firstIndex(where: \.isWhitespace) ?? rest.endIndex
            lines[index] = String(line.dropLast() + rest[..<wordEnd])
            lines[index + 1] = String(rest[wordEnd...].drop(while: \.isWhitespace))
        }
        return lines
    }
}
