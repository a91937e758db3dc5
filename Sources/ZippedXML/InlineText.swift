/// White space in text read from XML.
public enum InlineText {
    /// `text` with each run of white space made one space, none at either end.
    public static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
