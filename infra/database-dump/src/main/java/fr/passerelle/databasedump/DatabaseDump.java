package fr.passerelle.databasedump;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * A plain-format dump of a whole database, made by {@code pg_dump} itself, as a backup holds it: a
 * test searches it for what must not be readable by someone holding a backup. Each table's rows are
 * in a {@code COPY schema.table (columns) FROM stdin;} block; each large object is written by
 * {@code pg_dump} as hexadecimal {@code lowrite} calls, which this decodes and appends as text
 * (what anyone restoring the dump would read), so a search finds a name kept in one; so is every
 * binary ({@code bytea}) value of the rows, written in hexadecimal too (the event stores' payloads
 * and metadata are such values).
 *
 * <p>Where {@code pg_dump} comes from: the embedded PostgreSQL bundle carries no client tools, and
 * a {@code pg_dump} older than the server refuses to dump it, so {@code infra/database-dump/
 * pg-dump.sh} builds one of the server's major version (or the next one Debian serves) from
 * Debian's source, once per machine, and keeps it in {@code ~/.cache/passerelle} (see ADR 42).
 */
public final class DatabaseDump {

  private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern LARGE_OBJECT_OPEN =
      Pattern.compile("SELECT pg_catalog\\.lo_open\\('(\\d+)', \\d+\\);");
  private static final Pattern LARGE_OBJECT_WRITE =
      Pattern.compile("SELECT pg_catalog\\.lowrite\\(0, '\\\\x([0-9a-fA-F]*)'\\);");
  private static final Pattern BINARY_VALUE = Pattern.compile("\\\\\\\\x((?:[0-9a-fA-F]{2})+)");
  private static final Map<Integer, Path> PG_DUMP_BY_MAJOR = new ConcurrentHashMap<>();

  private DatabaseDump() {}

  /** The dump of the database at {@code jdbcUrl}, read as {@code user} (its owner or more). */
  public static String of(String jdbcUrl, String user, String password) {
    Properties url = Driver.parseURL(jdbcUrl, null);
    if (url == null) {
      throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
    }
    Path pgDump =
        PG_DUMP_BY_MAJOR.computeIfAbsent(
            serverMajor(jdbcUrl, user, password), DatabaseDump::pgDump);
    String dump =
        run(
            List.of(
                pgDump.toString(),
                "--format=plain",
                "--no-password",
                "--host=" + url.getProperty("PGHOST"),
                "--port=" + url.getProperty("PGPORT"),
                "--username=" + user,
                "--dbname=" + url.getProperty("PGDBNAME")),
            Map.of("PGPASSWORD", password == null ? "" : password),
            DUMP_TIMEOUT,
            "pg_dump of " + jdbcUrl);
    return dump + largeObjectsAsText(dump) + binaryValuesAsText(dump);
  }

  private static int serverMajor(String jdbcUrl, String user, String password) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SHOW server_version_num")) {
      version.next();
      return Integer.parseInt(version.getString(1)) / 10000;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the server version of " + jdbcUrl, e);
    }
  }

  /** The {@code pg_dump} the project's script builds (or finds in its cache) for {@code major}. */
  private static Path pgDump(int major) {
    Path script = projectRoot().resolve("infra/database-dump/pg-dump.sh");
    String output =
        run(
            List.of("bash", script.toString(), Integer.toString(major)),
            Map.of(),
            SCRIPT_TIMEOUT,
            script + " (which builds pg_dump " + major + " on first use)");
    String[] lines = output.strip().split("\n");
    Path binary = Path.of(lines[lines.length - 1]);
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(script + " named no executable pg_dump: " + output);
    }
    return binary;
  }

  /**
   * The checkout: system property {@code passerelle.root} when the build sets it, else the first
   * directory holding {@code mvnw} from the working directory up (a test runs in its module's
   * directory, or in the checkout's).
   */
  private static Path projectRoot() {
    String root = System.getProperty("passerelle.root");
    if (root != null && !root.isBlank()) {
      return Path.of(root);
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path directory = start; directory != null; directory = directory.getParent()) {
      if (Files.isRegularFile(directory.resolve("mvnw"))
          && Files.isRegularFile(directory.resolve("infra/database-dump/pg-dump.sh"))) {
        return directory;
      }
    }
    throw new IllegalStateException(
        "No checkout of the project (a directory with mvnw) above " + start);
  }

  /**
   * Runs {@code command} and returns what it wrote on its standard output; its standard error goes
   * into the exception when it fails or runs too long.
   */
  private static String run(
      List<String> command, Map<String, String> environment, Duration timeout, String what) {
    Path output = null;
    Path errors = null;
    Process process = null;
    try {
      output = Files.createTempFile("passerelle-dump-", ".out");
      errors = Files.createTempFile("passerelle-dump-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(output.toFile())
              .redirectError(errors.toFile());
      builder.environment().putAll(environment);
      process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            what + " ran longer than " + timeout + ": " + Files.readString(errors));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            what + " failed (exit " + process.exitValue() + "): " + Files.readString(errors));
      }
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + what, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + what, e);
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      deleteQuietly(output);
      deleteQuietly(errors);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file left behind is no reason to fail the dump.
    }
  }

  /**
   * Each large object of the dump as text: {@code pg_dump} opens it ({@code lo_open('oid', ...)})
   * then writes its bytes in hexadecimal chunks ({@code lowrite(0, '\x...')}).
   */
  private static String largeObjectsAsText(String dump) {
    StringBuilder text = new StringBuilder();
    Matcher open = LARGE_OBJECT_OPEN.matcher(dump);
    while (open.find()) {
      int end = dump.indexOf("lo_close(0)", open.end());
      Matcher write =
          LARGE_OBJECT_WRITE.matcher(dump).region(open.end(), end < 0 ? dump.length() : end);
      StringBuilder hex = new StringBuilder();
      while (write.find()) {
        hex.append(write.group(1));
      }
      text.append("\n-- large object ")
          .append(open.group(1))
          .append(", as text\n")
          .append(new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8))
          .append('\n');
    }
    return text.toString();
  }

  /**
   * Each binary value of {@code rows} (a dump, or rows of one of its {@code COPY} blocks) as text:
   * a {@code COPY} block writes a {@code bytea} as {@code \\x} (the backslash doubled) and its
   * bytes in hexadecimal.
   */
  public static String binaryValuesAsText(String dump) {
    StringBuilder text = new StringBuilder("\n-- binary values, as text\n");
    Matcher value = BINARY_VALUE.matcher(dump);
    while (value.find()) {
      text.append(new String(HexFormat.of().parseHex(value.group(1)), StandardCharsets.UTF_8))
          .append('\n');
    }
    return text.toString();
  }
}
