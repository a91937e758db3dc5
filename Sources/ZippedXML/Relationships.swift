import SemfindCore

/// A part's relationships in an Open Packaging Conventions file (DOCX, PPTX): what
/// `_rels/<name>.rels` beside it says, its targets resolved to part names.
public struct Relationships: Sendable {
    /// A relationship: its id, type URI and target part.
    public struct Relationship: Sendable, Equatable {
        public var id: String
        public var type: String
        public var target: String
    }

    public private(set) var all: [Relationship] = []

    /// The relationships of `part` (the package's own for ""); none when it has no rels part.
    public init(of part: String, in package: ZipPackage) throws {
        let folder = PartName.folder(of: part)
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let bytes = try package.read(relsName) else { return }
        try XMLStream.read(bytes, part: relsName) { event in
            guard case .start(let element) = event, element.localName == "Relationship",
                element.attribute("TargetMode") != "External",
                let id = element.attribute("Id"), let type = element.attribute("Type"),
                let target = element.attribute("Target")
            else { return }
            all.append(Relationship(id: id, type: type, target: PartName.resolve(target, from: part)))
        }
    }

    /// The target of the relationship with `id`.
    public func target(id: String) -> String? {
        all.first { $0.id == id }?.target
    }

    /// The target of the first relationship whose type URI ends with "/" + `typeName`
    /// (e.g. "officeDocument", "styles"): transitional and strict OOXML differ only before it.
    public func target(ofType typeName: String) -> String? {
        all.first { $0.type.hasSuffix("/" + typeName) }?.target
    }
}
