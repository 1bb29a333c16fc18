package dev.bulletin.store.jpa;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrations on a real database: H2 always, and PostgreSQL when {@code BULLETIN_DB_URL} names
 * one (as {@code .ci/run} does), in a schema of the test's own that it drops. An empty database
 * gets the whole schema; the tables version 0.1 made (Hibernate's, or EclipseLink's without the
 * inbox sequence) are adopted with their rows kept and go on taking new ones.
 */
class SchemaTest {

    private static final List<String> SCRATCH = new ArrayList<>();
    private static PGSimpleDataSource postgresql;

    @BeforeAll
    static void databases() throws SQLException {
        String url = System.getenv("BULLETIN_DB_URL");
        if (url != null && !url.isBlank()) {
            postgresql = new PGSimpleDataSource();
            postgresql.setUrl(url);
            postgresql.setUser(System.getenv("BULLETIN_DB_USER"));
            postgresql.setPassword(System.getenv("BULLETIN_DB_PASSWORD"));
        }
    }

    @AfterAll
    static void dropScratchSchemas() throws SQLException {
        for (String schema : SCRATCH) {
            execute(postgresql, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    /** A new empty database on H2, and one on PostgreSQL where there is one. */
    private static List<DataSource> emptyDatabases() throws SQLException {
        List<DataSource> empty = new ArrayList<>();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        empty.add(h2);
        if (postgresql != null) {
            String schema = "schema_test_" + UUID.randomUUID().toString().replace("-", "");
            execute(postgresql, "CREATE SCHEMA " + schema);
            SCRATCH.add(schema);
            PGSimpleDataSource scratch = new PGSimpleDataSource();
            scratch.setUrl(postgresql.getUrl());
            scratch.setUser(postgresql.getUser());
            scratch.setPassword(postgresql.getPassword());
            scratch.setCurrentSchema(schema);
            empty.add(scratch);
        }
        return empty;
    }

    @Test
    void anEmptyDatabaseGetsTheWholeSchemaOnce() throws SQLException {
        for (DataSource database : emptyDatabases()) {
            Schema.Database first = Schema.migrate(database);
            assertFalse(first.adopted());
            assertEquals("3", first.schemaVersion());
            assertEquals(Schema.MIGRATIONS.size(), first.applied());
            insertRows(database, "n-1");
            assertEquals(0, Schema.migrate(database).applied(), "a second start applies nothing");
            assertEquals(1, count(database, "SELECT COUNT(*) FROM bulletin_news"));
        }
    }

    @Test
    void aDatabaseWithTheHostApplicationsTablesGetsBulletinsBesideThem() throws SQLException {
        for (DataSource database : emptyDatabases()) {
            execute(database, "CREATE TABLE shop_order (id VARCHAR(36) PRIMARY KEY)"); // made first, by the host's unit
            execute(database, "INSERT INTO shop_order VALUES ('o-1')");

            Schema.Database migrated = Schema.migrate(database);
            assertFalse(migrated.adopted());
            assertEquals(Schema.MIGRATIONS.size(), migrated.applied());
            insertRows(database, "n-1");
            assertEquals(1, count(database, "SELECT COUNT(*) FROM shop_order"), "the host's rows are left alone");
        }
    }

    @Test
    void theTablesVersionZeroOneMadeAreAdoptedWithTheirRows() throws Exception {
        for (DataSource database : emptyDatabases()) {
            for (String statement : legacySchema()) {
                execute(database, statement);
            }
            insertRows(database, "old-1");

            Schema.Database adopted = Schema.migrate(database);
            assertTrue(adopted.adopted(), adopted.toString());
            assertEquals("3", adopted.schemaVersion());
            assertEquals(2, adopted.applied(), "version 1 is what the tables are already; the outbox and the login end are new");
            insertRows(database, "new-1");
            assertEquals(2, count(database, "SELECT COUNT(*) FROM bulletin_inbox"));
            assertFalse(Schema.migrate(database).adopted(), "adopted once, then migrated as any other");
        }
    }

    @Test
    void tablesEclipseLinkMadeGetTheInboxSequencePastTheirHighestId() throws Exception {
        for (DataSource database : emptyDatabases()) {
            for (String statement : legacySchema()) {
                if (!statement.startsWith("CREATE SEQUENCE")) {
                    execute(database, statement);
                }
            }
            execute(database, "INSERT INTO bulletin_notification (id, title, created_ms) VALUES ('old', 'Old', 1)");
            execute(database, "INSERT INTO bulletin_inbox (id, is_read, seq, user_name, notification_id)"
                    + " VALUES (151, FALSE, 1, 'alice', 'old')");

            assertTrue(Schema.migrate(database).adopted());
            long blockEnd = count(database, "SELECT " + nextInboxId(database));
            assertTrue(blockEnd - 49 > 151, "the first block of 50 ids ends at " + blockEnd);
        }
    }

    @Test
    void everyMigrationInTheDirectoryIsListed() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources", Schema.DIRECTORY))) {
            assertEquals(files.map(file -> file.getFileName().toString()).collect(Collectors.toSet()),
                    Set.copyOf(Schema.MIGRATIONS));
        }
    }

    /** A news item, a notification in an inbox whose id comes from the inbox sequence, and their streams. */
    private static void insertRows(DataSource database, String id) throws SQLException {
        execute(database, "INSERT INTO bulletin_stream (name, last_seq) VALUES ('news:" + id + "', 1)");
        execute(database, "INSERT INTO bulletin_news (id, priority, published_ms, seq, tags, title, topic)"
                + " VALUES ('" + id + "', 'normal', 1, 1, '[]', 'Title', '" + id + "')");
        execute(database, "INSERT INTO bulletin_notification (id, title, created_ms) VALUES ('" + id + "', 'T', 1)");
        execute(database, "INSERT INTO bulletin_inbox (id, is_read, seq, user_name, notification_id)"
                + " VALUES (" + nextInboxId(database) + ", FALSE, 1, '" + id + "', '" + id + "')");
    }

    private static String nextInboxId(DataSource database) {
        return database instanceof PGSimpleDataSource ? "nextval('bulletin_inbox_seq')" : "NEXT VALUE FOR bulletin_inbox_seq";
    }

    private static List<String> legacySchema() throws IOException {
        try (InputStream in = SchemaTest.class.getResourceAsStream("schema-0.1-hibernate.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return Arrays.stream(script.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }

    private static long count(DataSource database, String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
