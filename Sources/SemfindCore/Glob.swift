/// A gitignore wildcard pattern, compiled to tokens and matched against a "/"-separated path:
/// the one dialect of ignore files and of `search --glob`.
///
/// `*` and `?` and classes never match "/"; a `**` that fills a whole component matches across
/// components (`**/x`, `x/**/y`, `x/**`); any other run of asterisks is a single `*`.
public struct Glob: Sendable, Equatable {
    /// One step of the compiled pattern.
    public enum Token: Sendable, Equatable {
        /// Exactly this scalar (escapes already resolved).
        case literal(Unicode.Scalar)
        /// `?`: one scalar other than "/".
        case anyScalar
        /// `*`: any run of scalars without "/".
        case star
        /// Leading `**/` or the `**/` of `/**/`: zero or more whole components, each with its "/".
        case anyFolders
        /// Trailing `/**` (after its "/"): everything that is left, "/" included.
        case anything
        /// `[...]`: one scalar other than "/" that the class accepts.
        case set(GlobClass)
    }

    public let tokens: [Token]

    /// Compiles `pattern`, resolving backslash escapes; an unclosed `[` stands for itself.
    public init(_ pattern: [Unicode.Scalar]) {
        var tokens: [Token] = []
        var index = 0
        while index < pattern.count {
            let scalar = pattern[index]
            switch scalar {
            case "\\":
                tokens.append(.literal(index + 1 < pattern.count ? pattern[index + 1] : "\\"))
                index += 2
            case "?":
                tokens.append(.anyScalar)
                index += 1
            case "[":
                if let (set, next) = GlobClass.parse(pattern, from: index + 1) {
                    tokens.append(.set(set))
                    index = next
                } else {
                    tokens.append(.literal("["))
                    index += 1
                }
            case "*":
                var end = index
                while end < pattern.count && pattern[end] == "*" { end += 1 }
                let opensComponent = index == 0 || pattern[index - 1] == "/"
                let closesComponent = end == pattern.count || pattern[end] == "/"
                if end - index >= 2 && opensComponent && closesComponent {
                    tokens.append(end == pattern.count ? .anything : .anyFolders)
                    index = end == pattern.count ? end : end + 1
                } else {
                    if tokens.last != .star { tokens.append(.star) }
                    index = end
                }
            default:
                tokens.append(.literal(scalar))
                index += 1
            }
        }
        self.tokens = tokens
    }

    /// Whether the whole of `text` matches the pattern.
    public func matches(_ text: ArraySlice<Unicode.Scalar>) -> Bool {
        var failures = Set<Int>()
        return match(token: 0, at: text.startIndex, in: text, failures: &failures)
    }

    /// Matches `tokens[token...]` against `text[position...]`, remembering (token, position)
    /// pairs that failed so that patterns with many stars stay polynomial.
    private func match(
        token start: Int, at position: Int, in text: ArraySlice<Unicode.Scalar>, failures: inout Set<Int>
    ) -> Bool {
        var token = start
        var position = position
        while token < tokens.count {
            switch tokens[token] {
            case .literal(let scalar):
                guard position < text.endIndex, text[position] == scalar else { return false }
            case .anyScalar:
                guard position < text.endIndex, text[position] != "/" else { return false }
            case .set(let set):
                guard position < text.endIndex, text[position] != "/", set.contains(text[position]) else {
                    return false
                }
            case .star, .anyFolders, .anything:
                let key = token * (text.count + 1) + (position - text.startIndex)
                if failures.contains(key) { return false }
                for end in ends(of: tokens[token], from: position, in: text)
                where match(token: token + 1, at: end, in: text, failures: &failures) {
                    return true
                }
                failures.insert(key)
                return false
            }
            token += 1
            position += 1
        }
        return position == text.endIndex
    }

    /// The positions where a wildcard token that starts at `position` may end.
    private func ends(of token: Token, from position: Int, in text: ArraySlice<Unicode.Scalar>) -> [Int] {
        switch token {
        case .star:
            let stop = text[position...].firstIndex(of: "/") ?? text.endIndex
            return Array(position...stop)
        case .anyFolders:
            return [position] + (position..<text.endIndex).filter { text[$0] == "/" }.map { $0 + 1 }
        default:
            return Array(position...text.endIndex)
        }
    }
}

extension Glob {
    /// Compiles a pattern given as text.
    public init(_ pattern: String) { self.init(Array(pattern.unicodeScalars)) }

    /// Whether the whole of `text` matches.
    public func matches(_ text: String) -> Bool { matches(Array(text.unicodeScalars)[...]) }
}
