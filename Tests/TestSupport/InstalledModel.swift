import Foundation
import TextEncoder

/// An installed model (by default the default one), found as semfind finds it. Tests that need
/// it fail (not skip) when it is missing: CI installs both with scripts/install-model.
public enum InstalledModel {
    public static let mpnet = "all-mpnet-base-v2"

    public static func folder(_ name: String = ModelLocator.defaultModelName) throws -> URL {
        try ModelLocator().locate(explicit: nil, name: name)
    }
}
