/// The index database's tables, as an ordered list of migrations. `PRAGMA user_version` holds
/// how many have been applied; a database newer than this build is refused.
enum IndexSchema {
    /// Marks a SQLite file as a semfind index (`PRAGMA application_id`): "SEMF".
    static let applicationID: Int32 = 0x5345_4D46

    static let migrations: [String] = [
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE roots(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, added_at INTEGER NOT NULL);
        CREATE TABLE files(
            id INTEGER PRIMARY KEY,
            root_id INTEGER NOT NULL REFERENCES roots(id),
            path TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL,
            mtime_ns INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            plugin TEXT NOT NULL,
            plugin_version INTEGER NOT NULL,
            indexed_at INTEGER NOT NULL
        );
        CREATE INDEX files_root ON files(root_id);
        CREATE TABLE chunks(
            id INTEGER PRIMARY KEY,
            file_id INTEGER NOT NULL REFERENCES files(id),
            ordinal INTEGER NOT NULL,
            text TEXT NOT NULL,
            heading_path TEXT NOT NULL,
            first_line INTEGER NOT NULL,
            last_line INTEGER NOT NULL,
            first_byte INTEGER NOT NULL,
            end_byte INTEGER NOT NULL,
            chunk_hash TEXT NOT NULL
        );
        CREATE INDEX chunks_file ON chunks(file_id);
        CREATE INDEX chunks_hash ON chunks(chunk_hash);
        CREATE TABLE vectors(chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id), vector BLOB NOT NULL);
        CREATE VIRTUAL TABLE chunks_fts USING fts5(
            text, heading_path, content='chunks', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER chunks_fts_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_fts(rowid, text, heading_path) VALUES (new.id, new.text, new.heading_path);
        END;
        CREATE TRIGGER chunks_fts_delete AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, text, heading_path)
                VALUES ('delete', old.id, old.text, old.heading_path);
        END;
        """,
        // Keyword search for text without spaces between words (Chinese, Japanese) and for
        // substrings; the queries each shell session asked, for short-query context; a
        // generation counter that every change of the stored vectors advances (starting at random,
        // so that a vector snapshot left by a deleted index never matches a new one).
        """
        CREATE VIRTUAL TABLE chunks_trigram USING fts5(text, content='chunks', content_rowid='id', tokenize='trigram');
        INSERT INTO chunks_trigram(chunks_trigram) VALUES ('rebuild');
        CREATE TRIGGER chunks_trigram_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_trigram(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER chunks_trigram_delete AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_trigram(chunks_trigram, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TABLE session_queries(session TEXT NOT NULL, query TEXT NOT NULL, asked_at INTEGER NOT NULL);
        CREATE INDEX session_queries_by_session ON session_queries(session, asked_at);
        INSERT OR IGNORE INTO meta(key, value) VALUES ('generation', abs(random() % 1000000000000));
        """,
        // How many chunks hold each word: a keyword query leaves its commonest words out of the
        // OR, whose cost grows with every chunk that matches.
        """
        CREATE VIRTUAL TABLE chunks_fts_terms USING fts5vocab(chunks_fts, 'row');
        """,
        // IVF: the list each vector is filed under and the lists' centroids. Lists are a table of
        // their own rather than a column of `vectors`: a vector row is 1.5 KB, so filing every row
        // anew at training would rewrite the whole vector table through the WAL, where this
        // table's rows are a few bytes. Deleting a vector takes it out of its list.
        """
        CREATE TABLE vector_lists(
            chunk_id INTEGER PRIMARY KEY REFERENCES vectors(chunk_id) ON DELETE CASCADE,
            list INTEGER NOT NULL
        );
        CREATE INDEX vector_lists_by_list ON vector_lists(list);
        CREATE TABLE centroids(list INTEGER PRIMARY KEY, vector BLOB NOT NULL);
        """,
        // Chunks stored before their vectors: a run writes every changed file's chunks first
        // (keyword search finds them at once), then embeds these and deletes their rows.
        // Deleting a chunk takes it out.
        """
        CREATE TABLE unembedded_chunks(chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE);
        """,
        // The pages a chunk of a paged format (PDF) runs over, 1-based and inclusive; NULL for
        // text formats, whose rows stay as they were.
        """
        ALTER TABLE chunks ADD COLUMN page_start INTEGER;
        ALTER TABLE chunks ADD COLUMN page_end INTEGER;
        """,
        // The trigram index keeps only each chunk's runs of Chinese and Japanese
        // (`spaceless_runs`, SpacelessRunsFunction), the only text a trigram query searches:
        // every three characters of all text were most of the index's size and a third of the
        // time spent writing it. Contentless, since a chunk's runs are not one of its columns.
        // Each subquery's LIMIT keeps SQLite from flattening it, which would copy the call into
        // the WHERE and run it twice for every chunk with runs.
        """
        DROP TRIGGER chunks_trigram_insert;
        DROP TRIGGER chunks_trigram_delete;
        DROP TABLE chunks_trigram;
        CREATE VIRTUAL TABLE chunks_trigram USING fts5(text, content='', tokenize='trigram');
        INSERT INTO chunks_trigram(rowid, text)
            SELECT id, runs FROM (SELECT id, spaceless_runs(text) AS runs FROM chunks LIMIT -1)
            WHERE runs IS NOT NULL;
        CREATE TRIGGER chunks_trigram_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_trigram(rowid, text)
                SELECT new.id, runs FROM (SELECT spaceless_runs(new.text) AS runs LIMIT 1) WHERE runs IS NOT NULL;
        END;
        CREATE TRIGGER chunks_trigram_delete AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_trigram(chunks_trigram, rowid, text)
                SELECT 'delete', old.id, runs FROM (SELECT spaceless_runs(old.text) AS runs LIMIT 1)
                WHERE runs IS NOT NULL;
        END;
        """,
        // The chunks that open a section (`Chunk.opensSection`): where a repeated heading starts
        // one, the heading path does not change. 0 in chunks stored before, whose sections are
        // told by their heading paths alone.
        """
        ALTER TABLE chunks ADD COLUMN opens_section INTEGER NOT NULL DEFAULT 0;
        """,
    ]
}
