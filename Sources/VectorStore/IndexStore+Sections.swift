extension IndexStore {
    /// The chunks that open a section inside their file: a section is a run of one file's
    /// chunks that the chunker packs together, under one heading. It opens where the chunker
    /// marked a chunk so (`opens_section`: a repeated heading, as a FAQ's questions, keeps the
    /// heading path) and wherever the heading path changes from one chunk of a file to the next
    /// (all an index stored before the mark has). A file's first chunk opens its first section
    /// and is not listed; a file without headings is one section.
    ///
    /// One pass over every chunk (a file's chunks have consecutive ids): read once per loaded
    /// index, and only by a ranking that weighs sections.
    public func sectionStarts() throws -> Set<Int64> {
        let statement = try database.prepare(
            """
            SELECT id FROM (
                SELECT id, file_id, heading_path, opens_section,
                    lag(file_id) OVER (ORDER BY id) AS previous_file,
                    lag(heading_path) OVER (ORDER BY id) AS previous_heading
                FROM chunks)
            WHERE file_id = previous_file AND (heading_path != previous_heading OR opens_section != 0)
            """)
        var starts: Set<Int64> = []
        while try statement.step() { starts.insert(statement.int64(0)) }
        return starts
    }
}
