/// The links and words of the block being collected, to tell a block of links (a menu, a
/// "previous | next" bar, a list of related pages) from prose that mentions links.
struct LinkTally {
    private(set) var links = 0
    private(set) var words = 0
    private(set) var linkWords = 0

    mutating func addLink() {
        links += 1
    }

    /// Counts the words of a text node of the block, inside a link or not.
    mutating func addText(_ text: UnsafeBufferPointer<UInt8>, insideLink: Bool) {
        let count = WordCount.count(in: text)
        words += count
        if insideLink {
            linkWords += count
        }
    }

    /// Two or more links, and fewer than one word in ten outside them.
    var isLinkBlock: Bool {
        links >= 2 && (words - linkWords) * 10 < words
    }
}
