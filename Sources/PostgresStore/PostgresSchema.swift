/// The tables of a PostgreSQL index, in its own schema, as an ordered list of migrations. The
/// table `schema_version` holds how many have been applied; an index newer than this build is
/// refused. Statements name no schema: the connection's `search_path` is the index's schema,
/// then `public`, where the `vector` and `pg_trgm` extensions live.
enum PostgresSchema {
    /// Made with the schema, before any migration: it is what marks a schema as a semfind index.
    static let versionTable =
        "CREATE TABLE schema_version(version integer NOT NULL); INSERT INTO schema_version VALUES (0)"

    /// The extensions the tables use, made in `public` when the database lacks them (which takes
    /// a role allowed to: pgvector is not a trusted extension).
    static let extensions = """
        CREATE EXTENSION IF NOT EXISTS vector WITH SCHEMA public;
        CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public
        """

    static let migrations: [String] = [
        // Roots record the machine that added them. Chunk ids come from a sequence, which never
        // gives a number out twice, even to a transaction that rolled back. `words` is the
        // keyword index's document: heading path (weight A) and text (weight D), split by the
        // `simple` configuration (lowercased, no stemming, no stop words); text without spaces
        // (Chinese, Japanese) is found through its trigrams (`pg_trgm`). The vector column is
        // sized to the model when one is bound (`PostgresStore.bindModel`). The generation is a
        // meta row, changed inside each writing transaction, so that no reader sees a new
        // generation with old chunks.
        """
        CREATE TABLE meta(key text PRIMARY KEY, value text NOT NULL);
        CREATE TABLE roots(
            id bigserial PRIMARY KEY, path text NOT NULL UNIQUE, machine text NOT NULL, added_at bigint NOT NULL
        );
        CREATE TABLE files(
            id bigserial PRIMARY KEY,
            root_id bigint NOT NULL REFERENCES roots(id),
            path text NOT NULL UNIQUE,
            size bigint NOT NULL,
            mtime_ns bigint NOT NULL,
            content_hash text NOT NULL,
            plugin text NOT NULL,
            plugin_version integer NOT NULL,
            indexed_at bigint NOT NULL
        );
        CREATE INDEX files_root ON files(root_id);
        CREATE INDEX files_path_pattern ON files(path text_pattern_ops);
        CREATE SEQUENCE chunk_ids;
        CREATE TABLE chunks(
            id bigint PRIMARY KEY DEFAULT nextval('chunk_ids'),
            file_id bigint NOT NULL REFERENCES files(id) ON DELETE CASCADE,
            ordinal integer NOT NULL,
            text text NOT NULL,
            heading_path text NOT NULL,
            first_line integer NOT NULL,
            last_line integer NOT NULL,
            first_byte bigint NOT NULL,
            end_byte bigint NOT NULL,
            page_start integer,
            page_end integer,
            chunk_hash text NOT NULL,
            words tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('simple', heading_path), 'A') || setweight(to_tsvector('simple', text), 'D')
            ) STORED
        );
        CREATE INDEX chunks_file ON chunks(file_id);
        CREATE INDEX chunks_hash ON chunks(chunk_hash);
        CREATE INDEX chunks_words ON chunks USING gin(words);
        CREATE INDEX chunks_trigrams ON chunks USING gin(text gin_trgm_ops);
        CREATE TABLE vectors(
            chunk_id bigint PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE, embedding vector NOT NULL
        );
        CREATE TABLE unembedded_chunks(chunk_id bigint PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE);
        CREATE TABLE session_queries(
            id bigserial PRIMARY KEY, session text NOT NULL, query text NOT NULL, asked_at bigint NOT NULL
        );
        CREATE INDEX session_queries_by_session ON session_queries(session, asked_at);
        INSERT INTO meta(key, value) VALUES ('generation', (floor(random() * 1000000000000))::bigint::text);
        """,
        // Keyword search reads words as SQLite's FTS5 (`unicode61`) does, runs of letters and
        // digits, so `words` is made again from the text with every other character a space
        // (PostgreSQL's parser alone keeps paths, addresses and compound words whole). BM25
        // divides a term's frequency by the chunk's length against the average: its word count,
        // heading path and text (`regexp_count`: PostgreSQL 15 or later).
        """
        ALTER TABLE chunks DROP COLUMN words;
        ALTER TABLE chunks ADD COLUMN words tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple', regexp_replace(heading_path, '[^[:alnum:]]+', ' ', 'g')), 'A')
            || setweight(to_tsvector('simple', regexp_replace(text, '[^[:alnum:]]+', ' ', 'g')), 'D')
        ) STORED;
        CREATE INDEX chunks_words ON chunks USING gin(words);
        ALTER TABLE chunks ADD COLUMN word_count integer GENERATED ALWAYS AS (
            regexp_count(heading_path, '[[:alnum:]]+') + regexp_count(text, '[[:alnum:]]+')
        ) STORED;
        """,
        // Runs embedding one index at once claim waiting chunks until a time (`claimUnembedded`).
        "ALTER TABLE unembedded_chunks ADD COLUMN claimed_until timestamptz",
        // The chunk count and their word total, which BM25 reads on every query (counting them
        // read every chunk: a third of a second at a million), kept by statement triggers as
        // chunks come and go (deleted files' chunks too). Every write already updates the one
        // generation row, so the one totals row adds no waiting between writers.
        """
        CREATE TABLE chunk_totals(chunks bigint NOT NULL, words bigint NOT NULL);
        INSERT INTO chunk_totals SELECT count(*), coalesce(sum(word_count), 0) FROM chunks;
        CREATE FUNCTION count_added_chunks() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            UPDATE chunk_totals SET chunks = chunks + (SELECT count(*) FROM added),
                words = words + (SELECT coalesce(sum(word_count), 0) FROM added);
            RETURN NULL;
        END $$;
        CREATE FUNCTION count_removed_chunks() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
        BEGIN
            UPDATE chunk_totals SET chunks = chunks - (SELECT count(*) FROM removed),
                words = words - (SELECT coalesce(sum(word_count), 0) FROM removed);
            RETURN NULL;
        END $$;
        CREATE TRIGGER chunks_added AFTER INSERT ON chunks REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION count_added_chunks();
        CREATE TRIGGER chunks_removed AFTER DELETE ON chunks REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION count_removed_chunks();
        """,
    ]
}
