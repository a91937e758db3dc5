/// White space in text read from XML.
public enum InlineText {
    /// `text` with each run of white space made one space, none at either end.
    public static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `text` with each run of white space made one space, keeping one at either end where
    /// there was any (text that continues a line, as in ODF's white-space rule).
    public static func collapsedKeepingEnds(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for character in text {
            if character.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(character)
                inSpace = false
            }
        }
        return result
    }
}
