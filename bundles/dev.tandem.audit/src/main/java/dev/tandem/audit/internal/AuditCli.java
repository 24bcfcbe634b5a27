package dev.tandem.audit.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;


/**
 * {@code tandem audit verify|export}: opens the audit database directly (the embedded H2 file through
 * the running engine's {@link AuditServer} when there is one) and never writes to it.
 */
public final class AuditCli {
    static final String USAGE = """
            usage: tandem audit verify [--data DIR] [--audit-url URL] [--user U] [--password P]
                   tandem audit export --from TIME --to TIME [--kind decisions|deployments] [--format csv|jsonl]
                                       [--data DIR] [--audit-url URL]
              TIME is an ISO-8601 instant (2025-01-31T12:00:00Z) or a date (2025-01-31, midnight UTC);
              --to is exclusive. --kind deployments exports deploys, refusals, rollbacks, uninstalls and
              the HTTP API's access attempts (default: decisions). The database is --audit-url, else $TANDEM_AUDIT_URL, else the H2 file in
              the data folder (--data, else $TANDEM_DATA, else ./var).""";
    private static final int EXPORT_PAGE = 1_000;

    private AuditCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** @return the process exit code: 0 fine, 1 a broken chain or a failure, 2 a usage error */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new IllegalArgumentException("name a command: verify or export");
            }
            Map<String, String> options = options(args);
            AuditDatabase database = database(options);
            return switch (args[0]) {
                case "verify" -> verify(database, out);
                case "export" -> export(database, options, out);
                default -> throw new IllegalArgumentException("unknown audit command " + args[0]);
            };
        } catch (IllegalArgumentException e) {
            err.println("tandem audit: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (SQLException e) {
            err.println("tandem audit: cannot read the audit database: " + e.getMessage());
            return 1;
        }
    }

    private static int verify(AuditDatabase database, PrintStream out) throws SQLException {
        out.println("Verifying the audit trail in " + database.describe());
        boolean intact = true;
        for (AuditTable table : AuditTable.values()) {
            ChainVerifier.Result result = ChainVerifier.verify(database, table);
            if (result.firstBreak().isPresent()) {
                out.println("BROKEN " + result.firstBreak().get());
                out.println("  " + result.checked() + " records before it are intact");
                intact = false;
            } else {
                out.println("OK " + table.table() + ": " + result.checked() + " records, hash chain intact");
            }
        }
        return intact ? 0 : 1;
    }

    private static int export(AuditDatabase database, Map<String, String> options, PrintStream out)
            throws SQLException {
        Instant from = time(options, "--from");
        Instant to = time(options, "--to");
        RecordFormat format = RecordFormat.of(options.getOrDefault("--format", "csv"));
        RecordKind<?> kind = RecordKind.of(options.getOrDefault("--kind", "decisions"));
        export(kind, new AuditQueries(database), from, to, format, out);
        out.flush();
        return 0;
    }

    private static <R> void export(RecordKind<R> kind, AuditQueries queries, Instant from, Instant to,
                                   RecordFormat format, PrintStream out) throws SQLException {
        format.header(kind, out);
        long after = 0;
        List<R> records;
        do {
            records = kind.page(queries, from, to, after, EXPORT_PAGE);
            records.forEach(record -> format.write(kind, record, out));
            if (!records.isEmpty()) {
                after = kind.sequence(records.get(records.size() - 1));
            }
        } while (records.size() == EXPORT_PAGE);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, not " + args[i]);
            }
            options.put(args[i], args[++i]);
        }
        return options;
    }

    private static AuditDatabase database(Map<String, String> options) {
        String url = options.getOrDefault("--audit-url", System.getenv("TANDEM_AUDIT_URL"));
        Path data = Path.of(options.getOrDefault("--data", System.getenv().getOrDefault("TANDEM_DATA", "var")));
        if (url == null || url.isBlank()) {
            return runningEngine(data).orElse(AuditDatabase.embedded(data));
        }
        return AuditDatabase.of(url, options.getOrDefault("--user", ""), options.getOrDefault("--password", ""), data);
    }

    /** The embedded database as a running engine serves it; none when no engine runs on this data folder. */
    private static Optional<AuditDatabase> runningEngine(Path data) {
        return AuditServer.url(AuditDatabase.embeddedFolder(data)).map(url -> new AuditDatabase(url, "", ""))
                .filter(AuditCli::answers);
    }

    private static boolean answers(AuditDatabase database) {
        try (Connection connection = database.connect()) {
            return connection.isValid(2);
        } catch (SQLException staleAfterACrash) {
            return false;
        }
    }

    private static Instant time(Map<String, String> options, String option) {
        String value = options.get(option);
        if (value == null) {
            throw new IllegalArgumentException("export needs " + option);
        }
        try {
            return value.contains("T") ? Instant.parse(value) : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be an ISO-8601 instant or date, not " + value);
        }
    }
}
