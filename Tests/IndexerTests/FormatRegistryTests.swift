import FileWalk
import HTMLFormat
import MarkdownFormat
import SemfindCore
import TestSupport
import Testing
import TextFormat

@testable import Indexer

@Suite("Format choice")
struct FormatRegistryTests {
    let registry = FormatRegistry([MarkdownFormat(), HTMLFormat(), TextFormat()])

    /// Markdown and text that quote HTML near their top: libmagic calls them all text/html.
    static let htmlLooking: [String: String] = [
        "fence.md": "# Embedding\n\n```html\n<!DOCTYPE html>\n<html><head><title>Demo</title></head>\n```\n",
        "inline.md": "Use `<table>` and `<a href=\"x\">` sparingly.\n\n<script src=\"app.js\"></script>\n",
        "Notes.MARKDOWN": "<!doctype html>\n<head>\n<title>Not a page</title>\n",
        "snippet.txt": "<html>\n<head><title>Saved from the browser</title></head>\n<body><table><tr><td>1",
    ]

    /// The plugin each walked file of `tree` gets, by path relative to the tree, with its MIME type.
    func choices(_ tree: TempTree) throws -> [String: (plugin: String?, mimeType: String)] {
        var choices: [String: (plugin: String?, mimeType: String)] = [:]
        for file in try WalkRecord(tree).walked {
            choices[file.relativePath] = (
                registry.plugin(mimeType: file.mimeType, charset: file.charset, path: file.path)?.name, file.mimeType
            )
        }
        return choices
    }

    @Test("a markdown or text name decides the format, even when libmagic sees HTML in the contents")
    func extensionDecides() throws {
        let tree = try TempTree()
        for (name, text) in Self.htmlLooking { try tree.file(name, text) }
        let choices = try choices(tree)
        #expect(choices.count == Self.htmlLooking.count)
        for (name, choice) in choices {
            #expect(
                choice.mimeType == "text/html", "libmagic should see HTML in \(name) (else the test proves nothing)")
            #expect(choice.plugin == (name.hasSuffix(".txt") ? "text" : "markdown"), "\(name)")
        }
    }

    @Test("libmagic decides for names no plugin claims; an HTML name is HTML whatever the contents")
    func typeDecidesOtherwise() throws {
        let tree = try TempTree()
        try tree.file(
            "saved-page", "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Hi</p></body></html>\n")
        try tree.file("notes.html", "Just words, no markup at all.\n")
        try tree.file("data.csv", "a,b\n1,2\n")
        try tree.file("LICENSE", "Permission is hereby granted, free of charge.\n")
        let choices = try choices(tree)
        #expect(choices["saved-page"]?.plugin == "html")
        #expect(choices["notes.html"]?.plugin == "html")
        #expect(choices["data.csv"]?.plugin == "text")
        #expect(choices["LICENSE"]?.plugin == "text")
    }

    /// A stand-in for a binary format's plugin: claims PDFs, parses nothing.
    struct BinaryStandIn: FormatPlugin {
        let name = "pdf-stand-in"
        let version = 1
        let mimeTypes: Set<String> = ["application/pdf"]
        let extensions: Set<String> = ["pdf"]
        let readsBinary = true
        func parse(_ bytes: [UInt8]) throws -> ParsedDocument { ParsedDocument(sections: []) }
    }

    @Test("binary files reach only a plugin that reads them, by type before name; other binaries are skipped")
    func binaryFormats() throws {
        let registry = FormatRegistry([MarkdownFormat(), BinaryStandIn(), TextFormat()])
        let tree = try TempTree()
        let pdf =
            Array("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8) + [0xE2, 0xE3, 0xCF, 0xD3, 0x00, 0x01]
        try tree.file("report.pdf", bytes: pdf)
        try tree.file("renamed.md", bytes: pdf)
        try tree.file("blob.bin", bytes: [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x00])
        try tree.file("notes.md", "# Notes\n\nPlain words.\n")

        var options = WalkOptions()
        options.binaryFormats = registry.binaryFormats
        let walk = try WalkRecord(tree, options: options)
        let plugins = Dictionary(
            uniqueKeysWithValues: walk.walked.map {
                ($0.relativePath, registry.plugin(mimeType: $0.mimeType, charset: $0.charset, path: $0.path)?.name)
            })
        #expect(plugins == ["report.pdf": "pdf-stand-in", "renamed.md": "pdf-stand-in", "notes.md": "markdown"])
        #expect(walk.skipped == ["blob.bin: binary"])
        #expect(
            try WalkRecord(tree).skipped.sorted() == ["blob.bin: binary", "renamed.md: binary", "report.pdf: binary"])
    }

    /// A stand-in for a declared format: claims what it is told to.
    struct DeclaredStandIn: FormatPlugin {
        let name: String
        let version = 1
        var mimeTypes: Set<String> = []
        var extensions: Set<String> = []
        var readsBinary = false
        func parse(_ bytes: [UInt8]) throws -> ParsedDocument { ParsedDocument(sections: []) }
    }

    @Test("declared plugins come first, by extension then type; a binary file only if they read binaries")
    func declaredFirst() {
        let registry = FormatRegistry(
            [MarkdownFormat(), BinaryStandIn(), TextFormat()],
            declared: [
                DeclaredStandIn(name: "shout", extensions: ["md"]),
                DeclaredStandIn(name: "troff", mimeTypes: ["text/troff", "application/pdf"]),
                DeclaredStandIn(name: "pdf-text", extensions: ["pdf"], readsBinary: true),
            ])
        func chosen(_ mimeType: String, _ path: String, charset: String = "us-ascii") -> String? {
            registry.plugin(mimeType: mimeType, charset: charset, path: path)?.name
        }
        #expect(chosen("text/plain", "/a/notes.md") == "shout", "a declared extension before a built-in's")
        #expect(chosen("text/troff", "/a/ls.1") == "troff")
        #expect(chosen("text/troff", "/a/notes.md") == "shout", "a declared extension before a declared type")
        #expect(chosen("application/pdf", "/a/report.pdf", charset: "binary") == "pdf-text")
        #expect(
            chosen("application/pdf", "/a/report.bin", charset: "binary") == "pdf-stand-in",
            "troff reads no binaries")
        #expect(chosen("text/plain", "/a/notes.txt") == "text")
        #expect(registry.plugins.map(\.name).prefix(3) == ["shout", "troff", "pdf-text"])
        #expect(registry.binaryFormats.extensions == ["pdf"])
        #expect(
            registry.extensionsThatDecide == ["md", "pdf"],
            "troff's types could take a .txt from the text plugin: only declared extensions decide")
    }

    @Test("every plugin's extensions decide for text files when no declared plugin claims types")
    func extensionsThatDecide() {
        let builtIn = registry.extensionsThatDecide
        #expect(builtIn.isSuperset(of: ["md", "markdown", "html", "htm", "txt"]))
        #expect(builtIn == Set(registry.plugins.flatMap(\.extensions)))
        let declared = FormatRegistry(
            [MarkdownFormat(), TextFormat()], declared: [DeclaredStandIn(name: "org", extensions: ["org"])])
        #expect(declared.extensionsThatDecide.isSuperset(of: ["org", "md", "txt"]))
    }
}
