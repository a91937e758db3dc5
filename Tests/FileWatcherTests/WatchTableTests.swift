import Testing

@testable import FileWatcher

@Suite struct WatchTableTests {
    @Test("a moved folder's watches follow it, its namesakes' do not")
    func move() {
        var table = WatchTable()
        table.set(1, "/r/a")
        table.set(2, "/r/a/b")
        table.set(3, "/r/ab")
        table.move("/r/a", to: "/r/x/a")
        #expect(table[1] == "/r/x/a")
        #expect(table[2] == "/r/x/a/b")
        #expect(table[3] == "/r/ab")
        #expect(Set(table.descriptors(atOrUnder: "/r/x")) == [1, 2])
    }
}
