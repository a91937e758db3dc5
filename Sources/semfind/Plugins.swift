import HTMLFormat
import Indexer
import MarkdownFormat
import PDFFormat
import TextFormat

/// The format plugins this build of semfind reads: the one explicit list.
enum Plugins {
    static let registry = FormatRegistry([MarkdownFormat(), HTMLFormat(), TextFormat(), PDFFormat()], fallback: "text")
}
