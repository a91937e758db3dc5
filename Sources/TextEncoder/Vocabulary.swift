import Foundation

/// WordPiece's token-to-id table, keyed by UTF-8 bytes.
///
/// Every query process loads the 30,000-token vocabulary before it can tokenize a word, so the
/// table is built without a String or an allocation per token: the keys are ranges of one byte
/// buffer (for `tokenizer.json`, the file itself) and an open-addressing index finds them by
/// hash. Lookups take bytes, so the tokenizer tries its candidate pieces without building
/// Strings either. A token listed twice takes its later id, as Hugging Face's loaders do.
public struct Vocabulary: Sendable {
    struct Entry {
        let start: Int32
        let length: Int32
        let id: Int32
    }

    /// Collects tokens as ranges of `bytes` (or appended text) before the index is built.
    struct Builder {
        var bytes: [UInt8]
        var entries: [Entry] = []

        init(bytes: [UInt8] = [], capacity: Int = 0) {
            self.bytes = bytes
            entries.reserveCapacity(capacity)
        }

        /// A token whose UTF-8 bytes are `range` of `bytes`.
        mutating func add(_ range: Range<Int>, id: Int32) {
            entries.append(Entry(start: Int32(range.lowerBound), length: Int32(range.count), id: id))
        }

        /// A token given as text (its bytes are appended to `bytes`).
        mutating func add(_ token: String, id: Int32) {
            let start = bytes.count
            bytes.append(contentsOf: token.utf8)
            add(start..<bytes.count, id: id)
        }

        func build() -> Vocabulary { Vocabulary(bytes: bytes, entries: entries) }
    }

    private let keyBytes: [UInt8]
    private let entries: [Entry]
    /// Entry index + 1 per slot, 0 when empty; a power of two at least twice the entry count.
    private let slots: [Int32]

    /// How many distinct tokens the table holds.
    public let count: Int
    /// The largest id, or nil for an empty vocabulary.
    public let largestID: Int32?

    private init(bytes: [UInt8], entries: [Entry]) {
        var size = 16
        while size < 2 * entries.count { size <<= 1 }
        var slots = [Int32](repeating: 0, count: size)
        var distinct = 0
        bytes.withUnsafeBufferPointer { keys in
            entries.withUnsafeBufferPointer { entries in
                slots.withUnsafeMutableBufferPointer { slots in
                    let mask = size - 1
                    for index in entries.indices {
                        let key = Self.key(entries[index], in: keys)
                        var slot = Self.hash(key) & mask
                        while true {
                            let occupant = Int(slots[slot])
                            if occupant == 0 {
                                slots[slot] = Int32(index + 1)
                                distinct += 1
                                break
                            }
                            if Self.same(key, Self.key(entries[occupant - 1], in: keys)) {
                                slots[slot] = Int32(index + 1)
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        keyBytes = bytes
        self.entries = entries
        self.slots = slots
        count = distinct
        largestID = slots.lazy.filter { $0 != 0 }.map { entries[Int($0) - 1].id }.max()
    }

    /// A vocabulary of these tokens and ids.
    public init(_ tokens: [String: Int32]) {
        var builder = Builder(capacity: tokens.count)
        for (token, id) in tokens { builder.add(token, id: id) }
        self = builder.build()
    }

    public subscript(token: String) -> Int32? {
        var token = token
        return token.withUTF8 { id(of: $0) }
    }

    /// The id of the token whose UTF-8 bytes are `bytes`.
    public func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        keyBytes.withUnsafeBufferPointer { keys in
            entries.withUnsafeBufferPointer { entries in
                slots.withUnsafeBufferPointer { slots in
                    let mask = slots.count - 1
                    var slot = Self.hash(bytes) & mask
                    while true {
                        let occupant = Int(slots[slot])
                        if occupant == 0 { return nil }
                        let entry = entries[occupant - 1]
                        if Self.same(bytes, Self.key(entry, in: keys)) { return entry.id }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Every token with its id (for tests; not used on the query path).
    public var tokens: [String: Int32] {
        var result: [String: Int32] = [:]
        keyBytes.withUnsafeBufferPointer { keys in
            for occupant in slots where occupant != 0 {
                let entry = entries[Int(occupant) - 1]
                result[String(decoding: Self.key(entry, in: keys), as: UTF8.self)] = entry.id
            }
        }
        return result
    }

    private static func key(_ entry: Entry, in keys: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: keys.baseAddress.map { $0 + Int(entry.start) }, count: Int(entry.length))
    }

    /// FNV-1a, 64 bits, folded: tokens are short, and this is fast and spreads them well enough.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: value ^ (value >> 29))
    }

    private static func same(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        return memcmp(leftBase, rightBase, left.count) == 0
    }
}
