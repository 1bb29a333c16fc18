package dev.bulletin.store.jpa;

import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Bulletin's tables in the default datasource, the one the persistence unit uses: brought to this
 * version's schema by Flyway, from the SQL files in {@value #DIRECTORY}, with
 * a history table of Bulletin's own ({@code bulletin_schema_history}) beside any the application
 * keeps. A database that has Bulletin's tables but no history, as version 0.1 left them, is
 * baselined at version 1 and its data kept.
 */
@ApplicationScoped
public class Schema {

    /**
     * The migrations in {@link #DIRECTORY}, oldest first. Listed, not scanned for: Flyway's classpath
     * scan finds nothing in a packed WAR on Open Liberty ({@code wsjar:} URLs), and a scan of the
     * default location would also find the migrations of an application that embeds Bulletin.
     * {@code SchemaTest} checks the list against the directory.
     */
    static final List<String> MIGRATIONS = List.of("V1__streams_news_inboxes_tickets.sql", "V2__outbox.sql",
            "V3__ticket_login_end.sql");
    static final String DIRECTORY = "dev/bulletin/store/jpa/migration/";
    static final String HISTORY = "bulletin_schema_history";

    private static final System.Logger LOG = System.getLogger(Schema.class.getName());

    private volatile Database database;

    /** Migrates Bulletin's datasource (the default one), logs what Bulletin stores in, and remembers it for {@link #database()}. */
    public Database prepare(DataSource dataSource) {
        database = migrate(dataSource);
        LOG.log(System.Logger.Level.INFO, "Bulletin stores in {0}", database);
        return database;
    }

    /** What {@link #prepare} found, null before it ran. */
    public Database database() {
        return database;
    }

    static Database migrate(DataSource dataSource) {
        String product;
        String url;
        boolean adopt;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            url = withoutParameters(meta.getURL());
            adopt = hasTable(meta, "bulletin_stream") && !hasTable(meta, HISTORY);
        } catch (SQLException e) {
            throw new IllegalStateException("Bulletin cannot reach its database (java:comp/DefaultDataSource): "
                    + e.getMessage(), e);
        }
        Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
                .dataSource(dataSource)
                .resourceProvider(new Listed())
                .javaMigrationClassProvider(List::of)
                .table(HISTORY)
                .baselineVersion(adopt ? "1" : "0")
                .baselineDescription(adopt ? "tables Bulletin 0.1 made by itself" : "the tables of others")
                // a host application's tables and no history of Bulletin's: Bulletin's history starts
                // before its first migration, so that all of them are applied beside those tables
                .baselineOnMigrate(!adopt)
                .load();
        if (adopt) {
            try {
                flyway.baseline();
            } catch (FlywayException e) {
                // another node of the cluster adopted the same tables a moment ago: migrate finds its history
                LOG.log(System.Logger.Level.DEBUG, "The tables were adopted meanwhile: {0}", e.getMessage());
            }
            createInboxSequence(dataSource);
        }
        int applied = flyway.migrate().migrationsExecuted;
        return new Database(product, url, flyway.info().current().getVersion().getVersion(), adopt, applied);
    }

    /**
     * Tables as version 0.1 left them lack the inbox's id sequence where EclipseLink made them (it
     * kept its ids in a table of its own): made here so that its first block of 50 ids begins past
     * the highest id, and a no-op where Hibernate made it.
     */
    private static void createInboxSequence(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            long next;
            try (ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(id), 0) + 50 FROM bulletin_inbox")) {
                max.next();
                next = max.getLong(1);
            }
            statement.execute("CREATE SEQUENCE IF NOT EXISTS bulletin_inbox_seq START WITH " + next + " INCREMENT BY 50");
        } catch (SQLException e) {
            throw new IllegalStateException("Bulletin could not adopt the tables of version 0.1: " + e.getMessage(), e);
        }
    }

    /** The SQL files of {@link #MIGRATIONS}, read from Bulletin's own class loader. */
    private static final class Listed implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            return MIGRATIONS.contains(name) ? new Migration(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            return MIGRATIONS.stream()
                    .filter(name -> name.startsWith(prefix) && Arrays.stream(suffixes).anyMatch(name::endsWith))
                    .<LoadableResource>map(Migration::new).toList();
        }
    }

    private static final class Migration extends LoadableResource {

        private final String name;

        Migration(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = Schema.class.getClassLoader().getResourceAsStream(DIRECTORY + name);
            if (in == null) {
                throw new IllegalStateException("Bulletin's migration " + DIRECTORY + name + " is missing from its archive");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return DIRECTORY + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return DIRECTORY + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }

    /** Unquoted names are stored upper case by some databases (H2) and lower case by others (PostgreSQL). */
    private static boolean hasTable(DatabaseMetaData meta, String name) throws SQLException {
        for (String stored : new String[] {name, name.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(null, meta.getConnection().getSchema(), stored, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The URL without what may follow the database's name, a password among it. */
    static String withoutParameters(String url) {
        String kept = url == null ? "?" : url.split("[?;]", 2)[0];
        return kept.replaceFirst("//[^/@]*@", "//");
    }

    /**
     * The database Bulletin stores in, and its schema.
     *
     * @param adopted whether this start found version 0.1's tables and baselined them
     * @param applied how many migrations this start applied
     */
    public record Database(String product, String url, String schemaVersion, boolean adopted, int applied) {

        @Override
        public String toString() {
            return product + " at " + url + " (java:comp/DefaultDataSource), schema version " + schemaVersion
                    + (adopted ? ", adopted from the tables of version 0.1" : "")
                    + (applied > 0 ? ", " + applied + " migration(s) applied now" : "");
        }
    }
}
