import Foundation
import TestSupport
import Testing

@testable import TextEncoder

@Suite("WordPiece tokenizer rules")
struct WordPieceTokenizerTests {
    let tokenizer: WordPieceTokenizer

    init() throws {
        let ids = Dictionary(uniqueKeysWithValues: TinyBertModel.vocabulary.enumerated().map { ($1, Int32($0)) })
        tokenizer = try WordPieceTokenizer(vocabulary: Vocabulary(ids))
    }

    func tokens(_ text: String) -> [String] {
        tokenizer.pieces(text).map { TinyBertModel.vocabulary[Int($0)] }
    }

    @Test("greedy longest match first, continuation pieces marked ##")
    func wordPieces() {
        #expect(tokens("unbelievable jumps runing") == ["un", "##believ", "##able", "jump", "##s", "run", "##ing"])
        #expect(tokens("abc") == ["a", "##b", "##c"])
    }

    @Test("a word with an unmatched remainder, or over 100 characters, is one [UNK]")
    func unknownWords() {
        #expect(tokens("dogx fox") == ["[UNK]", "fox"])
        #expect(tokens(String(repeating: "a", count: 100)).count == 100)
        #expect(tokens(String(repeating: "a", count: 101)) == ["[UNK]"])
    }

    @Test("lower-cases, strips accents, and splits punctuation and CJK ideographs")
    func normalization() {
        #expect(tokens("The QUICK, Brown Fox!") == ["the", "quick", ",", "brown", "fox", "!"])
        #expect(tokens("Café CAFÉ cafe\u{301}") == ["cafe", "cafe", "cafe"])
        #expect(tokens("日本hello") == ["日", "本", "hello"])
        #expect(tokens("run-dog?") == ["run", "-", "dog", "?"])
    }

    @Test("control, format and private-use characters vanish without splitting the word")
    func controlCharacters() {
        #expect(
            tokens("hel\u{200B}lo wor\u{0}ld fo\u{FEFF}x do\u{E000}g ca\u{FFFD}fe") == [
                "hello", "world", "fox", "dog", "cafe",
            ])
        #expect(tokens("hello\u{3000}world\tfox\u{A0}dog") == ["hello", "world", "fox", "dog"])
        #expect(tokens("hello\u{7}world") == ["[UNK]"])
    }

    @Test("literal special tokens are matched case-sensitively before normalization")
    func specialTokens() {
        #expect(tokens("the [MASK] dog[SEP]fox") == ["the", "[MASK]", "dog", "[SEP]", "fox"])
        #expect(tokens("[mask] [Mask]") == ["[", "mask", "]", "[", "mask", "]"])
    }

    @Test("encode frames with [CLS] and [SEP] and truncates to the maximum length")
    func framing() {
        #expect(tokenizer.encode("", maxLength: 8) == [2, 3])
        let long = tokenizer.encode(Array(repeating: "dog", count: 20).joined(separator: " "), maxLength: 8)
        #expect(long.count == 8)
        #expect(long.first == 2 && long.last == 3)
    }
}

@Suite struct VocabularyScannerTests {
    @Test("the scanned vocabulary equals a JSON parser's, escapes included, and the settings survive")
    func scannedEqualsParsed() throws {
        let json =
            ###"{"normalizer": {"lowercase": true}, "model": {"type": "WordPiece", "vocab": {"[PAD]": 0, "a\"b": 1, "\u00e9t\u00e9": 2, "\ud83d\ude00": 3, "back\\slash": 4, "##x": 5}, "unk_token": "[UNK]"}}"###
        let scanned = try #require(VocabularyScanner.scan(Array(json.utf8)))
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let vocab = try #require((parsed["model"] as? [String: Any])?["vocab"] as? [String: Int])
        #expect(scanned.vocabulary.tokens == vocab.mapValues { Int32($0) })
        let rest = try #require(try JSONSerialization.jsonObject(with: Data(scanned.remainder)) as? [String: Any])
        let model = try #require(rest["model"] as? [String: Any])
        #expect(model["unk_token"] as? String == "[UNK]")
        #expect((model["vocab"] as? [String: Any])?.isEmpty == true)
        #expect(VocabularyScanner.scan(Array(#"{"model": {"vocab": ["a", "b"]}}"#.utf8)) == nil)
    }
}

@Suite struct VocabularyTests {
    @Test("every token is found by text and by bytes; absent ones and prefixes of tokens are not")
    func lookups() {
        let tokens = (0..<5_000).map { "tok\($0)" } + ["", "##s", "é", "日本", "[UNK]"]
        let vocabulary = Vocabulary(Dictionary(uniqueKeysWithValues: tokens.enumerated().map { ($1, Int32($0)) }))
        #expect(vocabulary.count == tokens.count)
        #expect(vocabulary.largestID == Int32(tokens.count - 1))
        for (id, token) in tokens.enumerated() {
            #expect(vocabulary[token] == Int32(id))
            let bytes = Array(token.utf8)
            #expect(bytes.withUnsafeBufferPointer { vocabulary.id(of: $0) } == Int32(id))
        }
        #expect(vocabulary["tok5000"] == nil)
        #expect(vocabulary["tok"] == nil)
        #expect(vocabulary["##"] == nil)
    }

    @Test("a token listed twice takes its later id, as Hugging Face's loaders do")
    func duplicates() {
        var builder = Vocabulary.Builder()
        builder.add("a", id: 0)
        builder.add("b", id: 1)
        builder.add("a", id: 7)
        let vocabulary = builder.build()
        #expect(vocabulary.count == 2)
        #expect(vocabulary["a"] == 7)
        #expect(vocabulary.largestID == 7)
    }
}
