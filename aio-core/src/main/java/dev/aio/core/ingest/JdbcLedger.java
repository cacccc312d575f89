package dev.aio.core.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A durable {@link Ledger} in an embedded SQLite database, spoken to through {@code java.sql}
 * only; the driver ({@code org.xerial:sqlite-jdbc}) is the host's runtime dependency.
 *
 * <p><b>Durability.</b> The database runs in WAL mode with {@code synchronous=FULL}: every
 * {@link #put} is one transaction whose commit is fsynced before it returns. WAL with
 * {@code NORMAL} would survive a killed process too (the log is in the OS cache), but after a
 * power loss it may roll back the last commits; the ingestion protocol would still converge on
 * the next run, yet an object could be briefly missing from the index in between, which is the
 * one thing incremental ingestion promises not to do. Three small fsyncs per object are cheap
 * next to parsing and embedding it. A busy timeout lets two processes share the file.
 *
 * <p><b>Schema.</b> One table, {@code aio_ledger}, keyed by (store, bucket, object_key), and a
 * {@code aio_ledger_meta} row with the schema version ({@value #SCHEMA_VERSION}). A database
 * written by a newer schema is refused rather than misread. Keys are compared as the database
 * compares text (SQLite: UTF-8 bytes), so a prefix's keys are one contiguous range.
 *
 * <p>Thread-safe: one connection, used under this object's lock.
 */
public final class JdbcLedger implements Ledger {

    /** The schema version this class writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    private static final String COLUMNS = "store, bucket, object_key, status, version_id, etag, fingerprint, "
            + "chunk_ids, pending_ids, stale_ids, sequencer, run_id, updated_ms";

    private final String url;
    private final Connection connection;
    private boolean closed;

    private JdbcLedger(String url, Connection connection) {
        this.url = url;
        this.connection = connection;
    }

    /**
     * Opens (creating if needed) a SQLite ledger in a file.
     *
     * @param file the database file; its directory must exist
     * @return the ledger, ready to use
     * @throws LedgerException if the database cannot be opened or has a newer schema
     */
    public static JdbcLedger sqlite(Path file) {
        Objects.requireNonNull(file, "file");
        return sqlite("jdbc:sqlite:" + file.toAbsolutePath());
    }

    /**
     * Opens (creating if needed) a SQLite ledger.
     *
     * @param jdbcUrl a {@code jdbc:sqlite:} URL
     * @return the ledger, ready to use
     * @throws IllegalArgumentException if the URL is not a SQLite one
     * @throws LedgerException if the database cannot be opened or has a newer schema
     */
    public static JdbcLedger sqlite(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("JdbcLedger.sqlite: '" + jdbcUrl + "' is not a jdbc:sqlite: URL");
        }
        Connection c;
        try {
            c = DriverManager.getConnection(jdbcUrl);
        } catch (SQLException e) {
            throw new LedgerException("JdbcLedger: cannot open " + jdbcUrl + ": " + e.getMessage()
                    + " (is org.xerial:sqlite-jdbc on the class path?)", e);
        }
        try {
            try (Statement s = c.createStatement()) {
                // journal_mode cannot change inside a transaction, so the pragmas come first.
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=10000");
            }
            c.setAutoCommit(false);
            createSchema(c, jdbcUrl);
            return new JdbcLedger(jdbcUrl, c);
        } catch (SQLException | RuntimeException e) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw new LedgerException("JdbcLedger: cannot prepare the schema in " + jdbcUrl + ": "
                    + e.getMessage(), e);
        }
    }

    private static void createSchema(Connection c, String url) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS aio_ledger_meta (name VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS aio_ledger (store TEXT NOT NULL, bucket TEXT NOT NULL, "
                    + "object_key TEXT NOT NULL, status VARCHAR(16) NOT NULL, version_id TEXT, etag TEXT, "
                    + "fingerprint TEXT, chunk_ids TEXT NOT NULL, pending_ids TEXT NOT NULL, stale_ids TEXT NOT NULL, "
                    + "sequencer TEXT, run_id TEXT, updated_ms BIGINT NOT NULL, "
                    + "PRIMARY KEY (store, bucket, object_key))");
            String version = null;
            try (ResultSet rs = s.executeQuery("SELECT value FROM aio_ledger_meta WHERE name = 'schema_version'")) {
                if (rs.next()) {
                    version = rs.getString(1);
                }
            }
            if (version == null) {
                s.execute("INSERT INTO aio_ledger_meta (name, value) VALUES ('schema_version', '" + SCHEMA_VERSION
                        + "')");
            } else if (Integer.parseInt(version) > SCHEMA_VERSION) {
                c.rollback();
                throw new IllegalStateException("JdbcLedger: " + url + " has ledger schema version " + version
                        + ", newer than this aio's " + SCHEMA_VERSION + "; upgrade aio to read it");
            }
            c.commit();
        }
    }

    @Override
    public synchronized Optional<LedgerEntry> get(String store, String bucket, String key) {
        ensureOpen();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM aio_ledger WHERE store = ? AND bucket = ? AND object_key = ?")) {
            ps.setString(1, store);
            ps.setString(2, bucket);
            ps.setString(3, key);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<LedgerEntry> entry = rs.next() ? Optional.of(read(rs)) : Optional.empty();
                connection.commit();
                return entry;
            }
        } catch (SQLException e) {
            throw failure("reading " + bucket + "/" + key, e);
        }
    }

    @Override
    public synchronized List<LedgerEntry> list(String store, String bucket, String prefix) {
        ensureOpen();
        Objects.requireNonNull(prefix, "prefix");
        List<LedgerEntry> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM aio_ledger "
                + "WHERE store = ? AND bucket = ? AND object_key >= ? ORDER BY object_key")) {
            ps.setString(1, store);
            ps.setString(2, bucket);
            ps.setString(3, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LedgerEntry e = read(rs);
                    if (!e.key().startsWith(prefix)) {
                        break; // keys with the prefix form one range in the database's order
                    }
                    out.add(e);
                }
            }
            connection.commit();
            return out;
        } catch (SQLException e) {
            throw failure("listing " + bucket + "/" + prefix, e);
        }
    }

    @Override
    public synchronized void put(LedgerEntry entry) {
        ensureOpen();
        try {
            try (PreparedStatement del = connection.prepareStatement(
                    "DELETE FROM aio_ledger WHERE store = ? AND bucket = ? AND object_key = ?");
                    PreparedStatement ins = connection.prepareStatement("INSERT INTO aio_ledger (" + COLUMNS
                            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                del.setString(1, entry.store());
                del.setString(2, entry.bucket());
                del.setString(3, entry.key());
                del.executeUpdate();
                ins.setString(1, entry.store());
                ins.setString(2, entry.bucket());
                ins.setString(3, entry.key());
                ins.setString(4, entry.status().name());
                ins.setString(5, entry.versionId());
                ins.setString(6, entry.etag());
                ins.setString(7, entry.fingerprint());
                ins.setString(8, String.join("\n", entry.chunkIds()));
                ins.setString(9, String.join("\n", entry.pendingChunkIds()));
                ins.setString(10, String.join("\n", entry.staleChunkIds()));
                ins.setString(11, entry.sequencer());
                ins.setString(12, entry.runId());
                ins.setLong(13, entry.updated().toEpochMilli());
                ins.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failure("writing " + entry.bucket() + "/" + entry.key(), e);
        }
    }

    @Override
    public synchronized boolean remove(String store, String bucket, String key) {
        ensureOpen();
        try (PreparedStatement ps = connection.prepareStatement(
                "DELETE FROM aio_ledger WHERE store = ? AND bucket = ? AND object_key = ?")) {
            ps.setString(1, store);
            ps.setString(2, bucket);
            ps.setString(3, key);
            boolean removed = ps.executeUpdate() > 0;
            connection.commit();
            return removed;
        } catch (SQLException e) {
            rollbackQuietly(e);
            throw failure("removing " + bucket + "/" + key, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        }
    }

    @Override
    public String toString() {
        return "JdbcLedger[" + url + "]";
    }

    private static LedgerEntry read(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                LedgerEntry.Status.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                ids(rs.getString(8)), ids(rs.getString(9)), ids(rs.getString(10)), rs.getString(11),
                rs.getString(12), Instant.ofEpochMilli(rs.getLong(13)));
    }

    private static List<String> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("JdbcLedger " + url + " is closed");
        }
    }

    private void rollbackQuietly(SQLException cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private LedgerException failure(String what, SQLException e) {
        return new LedgerException("JdbcLedger " + url + ": " + what + " failed: " + e.getMessage(), e);
    }
}
