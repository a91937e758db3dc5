import DOCXFormat
import EPUBFormat
import HTMLFormat
import Indexer
import MarkdownFormat
import ODTFormat
import PDFFormat
import PPTXFormat
import TextFormat

/// The format plugins this build of semfind reads: the one explicit list.
enum Plugins {
    static let registry = FormatRegistry(
        [
            MarkdownFormat(), HTMLFormat(), TextFormat(), PDFFormat(), DOCXFormat(), ODTFormat(), PPTXFormat(),
            EPUBFormat(),
        ],
        fallback: "text")
}
