/// A bracket expression of a glob: `[abc]`, `[a-z]`, `[!a]` or `[^a]`, `[[:alpha:]]`.
public struct GlobClass: Sendable, Equatable {
    /// One member of the class.
    enum Item: Sendable, Equatable {
        case scalar(Unicode.Scalar)
        case range(Unicode.Scalar, Unicode.Scalar)
        /// A POSIX class name such as "alpha" or "digit" (ASCII meaning, as in git).
        case named(String)
    }

    let isNegated: Bool
    let items: [Item]

    /// Whether `scalar` belongs to the class.
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let member = items.contains { item in
            switch item {
            case .scalar(let single): scalar == single
            // As in git, a range's first member counts even when the range is reversed ("[z-a]").
            case .range(let low, let high): scalar == low || (low <= scalar && scalar <= high)
            case .named(let name): Self.isMember(scalar, of: name)
            }
        }
        return member != isNegated
    }

    /// Parses the class whose "[" sits just before `start`; returns it and the index after its "]",
    /// or `nil` when the class is never closed.
    static func parse(_ pattern: [Unicode.Scalar], from start: Int) -> (GlobClass, Int)? {
        var index = start
        var negated = false
        if index < pattern.count && (pattern[index] == "!" || pattern[index] == "^") {
            negated = true
            index += 1
        }
        var items: [Item] = []
        var first = true
        while index < pattern.count {
            if pattern[index] == "]" && !first { return (GlobClass(isNegated: negated, items: items), index + 1) }
            first = false
            if pattern[index] == "[", let (name, next) = className(pattern, from: index) {
                items.append(.named(name))
                index = next
                continue
            }
            let (low, afterLow) = member(pattern, at: index)
            if afterLow + 1 < pattern.count && pattern[afterLow] == "-" && pattern[afterLow + 1] != "]" {
                let (high, afterHigh) = member(pattern, at: afterLow + 1)
                items.append(.range(low, high))
                index = afterHigh
            } else {
                items.append(.scalar(low))
                index = afterLow
            }
        }
        return nil
    }

    /// The member at `index` (a backslash escapes the next scalar) and the index after it.
    private static func member(_ pattern: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int) {
        if pattern[index] == "\\" && index + 1 < pattern.count { return (pattern[index + 1], index + 2) }
        return (pattern[index], index + 1)
    }

    /// A known `[:name:]` starting at `index`, and the index after it.
    private static func className(_ pattern: [Unicode.Scalar], from index: Int) -> (String, Int)? {
        guard index + 1 < pattern.count, pattern[index + 1] == ":" else { return nil }
        var end = index + 2
        while end + 1 < pattern.count && !(pattern[end] == ":" && pattern[end + 1] == "]") { end += 1 }
        guard end + 1 < pattern.count else { return nil }
        var name = ""
        name.unicodeScalars.append(contentsOf: pattern[(index + 2)..<end])
        guard knownNames.contains(name) else { return nil }
        return (name, end + 2)
    }

    private static let knownNames: Set<String> = [
        "alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct", "space", "upper", "xdigit",
    ]

    private static func isMember(_ scalar: Unicode.Scalar, of name: String) -> Bool {
        guard scalar.isASCII else { return false }
        let value = scalar.value
        let isDigit = (0x30...0x39).contains(value)
        let isUpper = (0x41...0x5A).contains(value)
        let isLower = (0x61...0x7A).contains(value)
        let isGraph = (0x21...0x7E).contains(value)
        switch name {
        case "alnum": return isDigit || isUpper || isLower
        case "alpha": return isUpper || isLower
        case "blank": return value == 0x20 || value == 0x09
        case "cntrl": return value < 0x20 || value == 0x7F
        case "digit": return isDigit
        case "graph": return isGraph
        case "lower": return isLower
        case "print": return isGraph || value == 0x20
        case "punct": return isGraph && !(isDigit || isUpper || isLower)
        case "space": return (0x09...0x0D).contains(value) || value == 0x20
        case "upper": return isUpper
        case "xdigit": return isDigit || (0x41...0x46).contains(value) || (0x61...0x66).contains(value)
        default: return false
        }
    }
}
