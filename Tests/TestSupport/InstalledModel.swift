import Foundation
import TextEncoder

/// The installed default model, found as semfind finds it. Tests that need it fail (not skip)
/// when it is missing: CI installs it with scripts/install-model.
public enum InstalledModel {
    public static func folder() throws -> URL {
        try ModelLocator().locate(explicit: nil)
    }
}
