/// What a search process reads of its own command line before anything parses it, to find the
/// warm server of its index: whether the command is a search, and `--index`.
public enum SearchArguments {
    /// The arguments of a search (`semfind QUERY…` or `semfind SEARCH QUERY…`, program name
    /// first; `search` is the search command's name), or nil for another command (one of
    /// `otherCommands`, or `help`) or a request for help or the version.
    public static func of(_ arguments: [String], search: String, otherCommands: [String]) -> [String]? {
        let given = Array(arguments.dropFirst())
        guard let first = given.first else { return nil }
        if first == search { return Array(given.dropFirst()) }
        guard !(otherCommands + ["help"]).contains(first), !["-h", "--help", "--version"].contains(first) else {
            return nil
        }
        return given
    }

    /// The value of `--index` among search arguments: nil when absent, `.some(nil)` when it
    /// has no value (the parser will say so).
    public static func indexOption(_ search: [String]) -> String?? {
        var found: String?? = nil
        var position = 0
        while position < search.count, search[position] != "--" {
            let argument = search[position]
            if argument == "--index" {
                found = position + 1 < search.count ? .some(search[position + 1]) : .some(nil)
                position += 1
            } else if argument.hasPrefix("--index=") {
                found = .some(String(argument.dropFirst("--index=".count)))
            }
            position += 1
        }
        return found
    }
}
