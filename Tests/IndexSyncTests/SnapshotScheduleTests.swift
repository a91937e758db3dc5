import IndexSync
import Testing

@Suite struct SnapshotScheduleTests {
    @Test("the first rewrite is at once; later ones wait ten times the last one's cost")
    func spacing() {
        var schedule = SnapshotSchedule()
        #expect(schedule.due == nil)
        schedule.changed()
        #expect(schedule.isDue(at: 0))
        schedule.rewrote(from: 1_000, to: 1_100)
        #expect(schedule.due == nil)
        schedule.changed()
        #expect(!schedule.isDue(at: 1_500))
        #expect(schedule.isDue(at: 2_100))
    }
}
