import Foundation
import Testing

@testable import semfind

@Suite struct JSONTextTests {
    @Test("what JSONText writes parses back to the same values, with hostile strings intact")
    func roundTrip() throws {
        let hostile = "quote \" backslash \\ newline \n tab \t bell \u{7} nul \u{0} é 日本 😀 </script>"
        let value: [String: Any] = [
            "b": [1, 2.5, -0.001, true, false, hostile] as [Any], "a": ["nested": ["x": 1]], "z": 1e-7,
            "n": Double.nan,
        ]
        let text = JSONText.encode(value)
        #expect(text.hasPrefix("{\"a\":"), "keys sorted")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let list = try #require(parsed["b"] as? [Any])
        #expect(list[5] as? String == hostile)
        #expect((list[1] as? NSNumber)?.doubleValue == 2.5 && (list[2] as? NSNumber)?.doubleValue == -0.001)
        #expect((parsed["z"] as? NSNumber)?.doubleValue == 1e-7)
        #expect(parsed["n"] is NSNull, "NaN has no JSON form")
        #expect(((parsed["a"] as? [String: Any])?["nested"] as? [String: Any])?["x"] as? Int == 1)
    }
}
