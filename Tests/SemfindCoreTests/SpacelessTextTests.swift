import SemfindCore
import Testing

@Suite("Spaceless text")
struct SpacelessTextTests {
    @Test("a text's runs of Chinese and Japanese, whole and in order, joined by spaces")
    func runs() {
        #expect(SpacelessText.runs(of: "see 日志轮转的配置 daily, then とうきょう!") == "日志轮转的配置 とうきょう")
        #expect(SpacelessText.runs(of: "東京タワー") == "東京タワー")
        #expect(SpacelessText.runs(of: "a𠀋b") == "𠀋", "a scalar beyond the Basic Multilingual Plane")
    }

    @Test("text without them has none: ASCII, Latin, Greek, Korean, emoji")
    func noRuns() {
        for text in ["", "plain words", "naïve café — “quoted”", "λόγος", "한국어", "😀 ok"] {
            #expect(SpacelessText.runs(of: text) == nil, "\(text)")
        }
    }
}
