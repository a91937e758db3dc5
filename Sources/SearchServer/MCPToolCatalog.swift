import ResultOutput

/// The tools `semfind mcp` lists: names, descriptions an agent can act on, and JSON Schemas of
/// their arguments (the same parameters as `serve`'s methods, share/semfind/schema/serve.md).
public struct MCPToolCatalog: Sendable {
    /// The formats a search may be limited to (the built-in plugins' names).
    let formats: [String]

    public init(formats: [String]) { self.formats = formats }

    static let instructions = """
        semfind searches the files indexed on this machine by meaning, not by exact words. Call search \
        with a question or a description of the passage you need; open the files it names at the lines \
        it gives. Call status to see which folders are indexed.
        """

    var tools: [JSONValue] { [search, Self.status] }

    private var search: JSONValue {
        [
            "name": "search",
            "title": "Search indexed files by meaning",
            "description": """
            Find the passages in the locally indexed files (notes, docs, manuals: markdown, HTML, text) \
            that best answer a natural-language query, ranked by meaning and keywords. Returns each hit's \
            absolute path, line range, heading path, snippet and score. Use it before grepping when you do \
            not know the exact words; describe what the passage says rather than quoting it.
            """,
            "inputSchema": [
                "type": "object",
                "properties": [
                    "query": [
                        "type": "string",
                        "description": "What to find, in words: a question or a description of the passage.",
                    ],
                    "limit": [
                        "type": "integer", "minimum": 1, "default": 10, "description": "How many results at most.",
                    ],
                    "mode": [
                        "type": "string", "enum": ["hybrid", "semantic", "keyword"], "default": "hybrid",
                        "description":
                            "hybrid (meaning and keywords), semantic (meaning only) or keyword (words only).",
                    ],
                    "min_score": [
                        "type": "number",
                        "description": "Drop results below this cosine similarity (BM25 score in keyword mode).",
                    ],
                    "floor": [
                        "type": "boolean", "default": true,
                        "description":
                            .string(
                                "Leave out passages found by meaning alone that are no closer to the query than "
                                    + "unrelated text is in this index (its relevance floor); false shows them."),
                    ],
                    "max_per_file": [
                        "type": "integer", "minimum": 1, "description": "At most this many passages of one file.",
                    ],
                    "in": [
                        "type": "array", "items": ["type": "string"],
                        "description": "Only files under these folders (absolute paths).",
                    ],
                    "glob": [
                        "type": "array", "items": ["type": "string"],
                        "description": "Only files whose path matches one of these glob patterns, e.g. \"*.md\".",
                    ],
                    "type": [
                        "type": "array", "items": ["type": "string", "enum": .array(formats.map(JSONValue.string))],
                        "description": "Only files of these formats.",
                    ],
                    "context": [
                        "type": "string",
                        "description":
                            .string(
                                "Text to read a short query with (e.g. the passage the user is working on); "
                                    + "queries under four words are vague without it."),
                    ],
                ],
                "required": ["query"],
                "additionalProperties": false,
            ],
            "annotations": ["readOnlyHint": true, "openWorldHint": false],
        ]
    }

    private static var status: JSONValue {
        [
            "name": "status",
            "title": "Describe the search index",
            "description": """
            Describe the semfind index: the folders it covers, how many files, chunks and vectors it holds, \
            its size on disk, the model that embedded it and its relevance floor. Use it to learn what search can find.
            """,
            "inputSchema": ["type": "object", "properties": [:], "additionalProperties": false],
            "annotations": ["readOnlyHint": true, "openWorldHint": false],
        ]
    }
}
