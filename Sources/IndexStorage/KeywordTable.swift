/// The two keyword indexes over chunk text.
public enum KeywordTable: String, Sendable {
    /// Words as Unicode defines them (letters and digits), diacritics folded: most languages.
    case words = "chunks_fts"
    /// Every run of three characters: text without spaces between words (Chinese, Japanese).
    case trigrams = "chunks_trigram"
}
