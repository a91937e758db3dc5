import IndexStorage
import TextEncoder

/// Everyday questions on subjects far apart, embedded with the index's own model to see what
/// a question unrelated to the indexed files scores against them (`IndexRecords.refreshRelevanceFloor`).
/// The floor takes the upper quartile of their best matches, so a corpus that happens to answer
/// a few of them (a cookbook, a travel diary) moves it little.
public enum RelevanceProbes {
    public static let questions = [
        "What should I pack for a week of camping in the mountains?",
        "How do I get red wine out of a white shirt?",
        "Which vegetables can I sow outdoors in early spring?",
        "How long should a turkey rest after roasting?",
        "What is the best way to learn to juggle three balls?",
        "Why do cats purr when they are stroked?",
        "How many bones are there in the human hand?",
        "Who wrote the novel Moby-Dick?",
        "What makes a rainbow appear after the rain?",
        "How do I ask my landlord to fix a leaking roof?",
        "When did the first humans walk on the moon?",
        "How do I choose running shoes for flat feet?",
        "What is the rule for a penalty kick in football?",
        "How should I store fresh strawberries so they last?",
        "What are the symptoms of a cold compared with hay fever?",
        "How do I write a thank-you letter after a job interview?",
        "Which countries border Switzerland?",
        "How do bees make honey from nectar?",
        "What is the difference between a violin and a viola?",
        "How can I help my toddler sleep through the night?",
        "What causes the seasons on Earth?",
        "How do I iron a shirt without leaving creases?",
        "Where is the oldest tree in the world?",
        "How much should I tip a taxi driver in New York?",
        "What did the ancient Egyptians eat every day?",
        "How do I teach a parrot to talk?",
        "What is the best time of year to visit Iceland?",
        "How do I remove rust from an old garden spade?",
        "Why do leaves change colour in autumn?",
        "How many calories does an hour of swimming burn?",
        "What is a good present for a grandmother's ninetieth birthday?",
        "How do I plan a budget for a family wedding?",
        "Which chess opening is good for beginners?",
        "How is cheese made from milk?",
        "What should I do if my car battery is flat in the cold?",
        "Who painted the Mona Lisa and when?",
        "How do I grow an avocado tree from a stone?",
        "What is the tallest mountain in Africa?",
        "How do I calm down before giving a speech at a wedding?",
        "Why is the Dead Sea so salty?",
        "How do I sew a button back onto a coat?",
        "What is the difference between a crocodile and an alligator?",
        "What is the capital city of Australia?",
        "Which board games are fun for six players?",
        "How do hurricanes get their names?",
        "How do I clean a cast-iron frying pan?",
        "What do koalas eat in the wild?",
        "How do I keep my houseplants alive while on holiday?",
    ]
}

extension IndexRecords {
    /// Measures the relevance floor with `encoder`'s vectors of `RelevanceProbes.questions`,
    /// when due (or always, with `force`).
    public func refreshRelevanceFloor(force: Bool = false, encoder: SentenceEncoder) throws {
        try refreshRelevanceFloor(force: force) { encoder.encode(RelevanceProbes.questions, as: .query) }
    }
}
