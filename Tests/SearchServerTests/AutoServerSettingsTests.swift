import SearchServer
import Testing

/// What the environment says of the warm servers searches start.
@Suite struct AutoServerSettingsTests {
    @Test("the environment's switch and idle period")
    func settings() {
        typealias Settings = AutoServer.Settings
        #expect(Settings(environment: [:]).isOn)
        #expect(Settings(environment: [:]).idleSeconds == AutoServer.defaultIdleSeconds)
        for off in ["0", "no", "OFF", "false"] { #expect(!Settings(environment: ["SEMFIND_AUTO_SERVER": off]).isOn) }
        #expect(Settings(environment: ["SEMFIND_AUTO_SERVER": "1"]).isOn)
        #expect(Settings(environment: ["SEMFIND_AUTO_SERVER_IDLE_EXIT": "2"]).idleSeconds == 2)
        #expect(Settings(environment: ["SEMFIND_AUTO_SERVER_IDLE_EXIT": "0"]).idleSeconds == 0)
        for bad in ["-1", "soon", ""] {
            let settings = Settings(environment: ["SEMFIND_AUTO_SERVER_IDLE_EXIT": bad])
            #expect(settings.idleSeconds == AutoServer.defaultIdleSeconds)
            #expect(settings.warning?.contains("SEMFIND_AUTO_SERVER_IDLE_EXIT=\(bad) is not a number") == true)
        }
        #expect(Settings(environment: ["SEMFIND_AUTO_SERVER_IDLE_EXIT": "2"]).warning == nil)
    }
}
