import HTMLFormat
import MarkdownFormat
import SemfindCore
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
                registry.plugin(mimeType: file.mimeType, path: file.path)?.name, file.mimeType
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
}
