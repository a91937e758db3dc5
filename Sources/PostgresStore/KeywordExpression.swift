import SemfindCore

/// The small subset of FTS5's query syntax that `QueryEngine`'s `QueryTerms` writes, read into
/// its parts: quoted terms joined by `OR`, any of which may be a parenthesized group of quoted
/// terms joined by `AND`. A chunk matches when it holds every term of at least one group.
struct KeywordExpression: Equatable {
    /// The alternatives, each the terms that must all occur.
    let groups: [[String]]

    /// Reads `expression`.
    ///
    /// - Throws: `SemfindError` `.invalidInput` for anything outside the subset.
    init(_ expression: String) throws {
        guard let groups = Self.parse(expression) else {
            throw SemfindError(
                .invalidInput, "keyword expression \(expression) is not quoted terms joined by OR and AND")
        }
        self.groups = groups
    }

    /// Every term, once, in order of appearance.
    var terms: [String] {
        groups.flatMap { $0 }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    private static func parse(_ expression: String) -> [[String]]? {
        var scanner = Scanner(Array(expression))
        var groups: [[String]] = []
        repeat {
            scanner.skipSpaces()
            if scanner.take("(") {
                guard var group = scanner.term().map({ [$0] }) else { return nil }
                while scanner.takeWord("AND") {
                    guard let term = scanner.term() else { return nil }
                    group.append(term)
                }
                scanner.skipSpaces()
                guard scanner.take(")") else { return nil }
                groups.append(group)
            } else {
                guard let term = scanner.term() else { return nil }
                groups.append([term])
            }
        } while scanner.takeWord("OR")
        scanner.skipSpaces()
        return scanner.atEnd ? groups : nil
    }

    private struct Scanner {
        let characters: [Character]
        var position = 0

        init(_ characters: [Character]) {
            self.characters = characters
        }

        var atEnd: Bool { position == characters.count }

        mutating func skipSpaces() {
            while !atEnd, characters[position] == " " { position += 1 }
        }

        mutating func take(_ character: Character) -> Bool {
            guard !atEnd, characters[position] == character else { return false }
            position += 1
            return true
        }

        /// Takes ` WORD ` (an operator between two terms).
        mutating func takeWord(_ word: String) -> Bool {
            let start = position
            skipSpaces()
            for character in word where !take(character) {
                position = start
                return false
            }
            return true
        }

        /// A term in double quotes, where `""` stands for one quote; nil when there is none.
        mutating func term() -> String? {
            skipSpaces()
            guard take("\"") else { return nil }
            var term = ""
            while !atEnd {
                if take("\"") {
                    guard take("\"") else { return term }
                    term.append("\"")
                } else {
                    term.append(characters[position])
                    position += 1
                }
            }
            return nil
        }
    }
}
