import Foundation
import SemfindCore
import Testing
import VectorIndex

@testable import VectorStore

/// What an index records of how its vectors were made, beside the model: the prompts, the
/// dimension, and how fast they were embedded.
extension IndexStoreTests {
    @Test("prefixes are recorded with the first vectors; other ones are refused", arguments: DatabaseLocation.allCases)
    func prefixes(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        #expect(try store.recordedPrefixes() == nil)
        try store.bindPrefixes(query: "query: ", passage: "passage: ", model: "e5")
        #expect(try store.recordedPrefixes()! == ("query: ", "passage: "))
        try store.bindPrefixes(query: "query: ", passage: "passage: ", model: "e5")
        try store.bindModel(fingerprint: { "e5-1" }, signature: "files", name: "e5", dimension: 2)
        expectError(mentioning: ["query prefix", "\"query: \"", "\"\"", "--rebuild"]) {
            try store.checkPrefixes(query: "", passage: "passage: ", model: "e5")
        }
        expectError(mentioning: ["passage prefix", "--passage-prefix"]) {
            try store.bindPrefixes(query: "query: ", passage: "", model: "e5")
        }
        try store.checkPrefixes(query: "", passage: "", model: "another")
        #expect(try store.recordedPrefixes()! == ("query: ", "passage: "))
    }

    @Test("a model of another dimension is refused naming both", arguments: DatabaseLocation.allCases)
    func dimension(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        try store.bindModel(fingerprint: { "small-1" }, signature: "files", name: "small", dimension: 384)
        expectError(mentioning: ["384-dimensional", "small", "large makes 768", "--rebuild --model large"]) {
            try store.bindModel(fingerprint: { "large-1" }, signature: "other", name: "large", dimension: 768)
        }
        #expect(try store.meta().dimension == 384)
    }

    @Test("the embedding rate adds up every run's chunks and seconds", arguments: DatabaseLocation.allCases)
    func embeddingRate(location: DatabaseLocation) throws {
        let store = try IndexStore(path: path, create: true, location: location)
        #expect(try store.meta().embeddingRate == nil)
        try store.recordEmbedding(chunks: 0, seconds: 3)
        #expect(try store.meta().embeddingRate == nil)
        try store.recordEmbedding(chunks: 100, seconds: 2)
        try store.recordEmbedding(chunks: 50, seconds: 1)
        #expect(try store.meta().embeddingRate == 50)
    }
}
