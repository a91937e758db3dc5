/// When a search's arguments fail to parse because a word of the query starts with "-" (and so
/// was taken for an option), the way to search for it.
enum DashQueryHint {
    /// The hint line for `arguments` (the process's, program name first), or nil when no word
    /// before "--" is an option a search does not know.
    static func hint(for arguments: [String]) -> String? {
        guard let search = QueryClient.searchArguments(arguments) else { return nil }
        let help = SearchCommand.helpMessage(columns: 1000)
        let unknown = search.prefix { $0 != "--" }.first { word in
            guard word.count > 1, word.hasPrefix("-") else { return false }
            let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
            return ![" ", ",", "\n"].contains { help.contains(name + $0) }
        }
        guard let unknown else { return nil }
        return "to search for \"\(unknown)\", end the options with --: semfind search -- \(unknown)"
    }
}
