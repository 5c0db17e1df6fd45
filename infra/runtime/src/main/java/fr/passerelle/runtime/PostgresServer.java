package fr.passerelle.runtime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.postgresql.PGConnection;

/**
 * One embedded PostgreSQL server (real binaries, run by zonky's {@link EmbeddedPostgres}) as its
 * own process, holding one database per service. Data stays in the data directory: a restart reuses
 * it instead of running {@code initdb} again.
 *
 * <p>Every connection authenticates with SCRAM-SHA-256; nothing is trusted. The superuser's
 * password is for this launcher only. Each database {@code <db>} gets two roles: {@code <db>_owner}
 * owns the database and its schemas and runs the migrations, {@code <db>_app} is what the service
 * connects as: it may connect to its own database only, read and write the rows of the tables and
 * use the sequences its owner creates (default privileges of the owner, in every schema), and
 * create nothing. The passwords are generated on first use and kept in the secrets directory, one
 * file per role, readable by their owner only ({@link Secrets}).
 *
 * <p>A data directory made by an earlier runtime that trusted every local connection is upgraded in
 * place at its first start: roles created, every object of the service databases handed to its
 * owner, the application role granted what it needs on the existing tables, the superuser given its
 * password, and trust replaced by SCRAM.
 *
 * <p>Run it with {@code --data-dir=DIR [--secrets-dir=DIR] [--port=15432]
 * [--bind-address=127.0.0.1] [--databases=dossier,decision,benefits,reporting]}, or the same
 * settings as system properties {@code passerelle.postgres.data-dir}, {@code .secrets-dir}, {@code
 * .port}, {@code .bind-address}, {@code .databases}. The secrets directory defaults to {@code
 * secrets/postgres} beside the data directory. It prints {@code PostgreSQL ready on
 * <address>:<port>} once every database and role exists, then runs until the process is terminated;
 * a shutdown hook stops PostgreSQL.
 */
public final class PostgresServer implements AutoCloseable {

  /** The superuser {@code initdb} creates; only this launcher connects as it. */
  public static final String SUPERUSER = "postgres";

  private static final String USAGE =
      "usage: PostgresServer --data-dir=DIR [--secrets-dir=DIR] [--port=15432]"
          + " [--bind-address=127.0.0.1] [--databases=dossier,decision,benefits,reporting]";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
  // Short enough for the roles' suffixes to fit PostgreSQL's 63-character names.
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,52}");
  private static final String HBA =
      """
      # Written by Passerelle's PostgresServer at every start: every connection authenticates with
      # SCRAM-SHA-256 (the passwords are in the run directory's secrets); which database a role may
      # enter is its CONNECT privilege.
      local all all scram-sha-256
      host  all all all scram-sha-256
      """;

  /** The owner role of {@code database}: owns it and its schemas, runs its migrations. */
  public static String ownerOf(String database) {
    return database + "_owner";
  }

  /** The application role of {@code database}: what its service connects as. */
  public static String applicationRoleOf(String database) {
    return database + "_app";
  }

  /** Where and how the server runs. */
  public record Settings(
      Path dataDirectory,
      Path secretsDirectory,
      String bindAddress,
      int port,
      List<String> databases) {

    static final int DEFAULT_PORT = 15432;
    static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    static final List<String> DEFAULT_DATABASES =
        List.of("dossier", "decision", "benefits", "reporting");

    public Settings {
      if (dataDirectory == null) {
        throw new IllegalArgumentException("the data directory is required");
      }
      if (secretsDirectory == null) {
        secretsDirectory = defaultSecretsDirectory(dataDirectory);
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      databases = List.copyOf(databases);
      for (String database : databases) {
        if (!DATABASE_NAME.matcher(database).matches() || database.equals(SUPERUSER)) {
          throw new IllegalArgumentException("invalid database name: '" + database + "'");
        }
      }
    }

    /** {@code secrets/postgres} beside the data directory. */
    static Path defaultSecretsDirectory(Path dataDirectory) {
      Path parent = dataDirectory.toAbsolutePath().getParent();
      return parent.resolve("secrets").resolve("postgres");
    }

    /** Reads {@code --name=value} arguments, falling back on {@code passerelle.postgres.*}. */
    static Settings parse(String[] args, Properties systemProperties) {
      Map<String, String> values = new HashMap<>();
      systemProperties.stringPropertyNames().stream()
          .filter(name -> name.startsWith("passerelle.postgres."))
          .forEach(
              name ->
                  values.put(
                      name.substring("passerelle.postgres.".length()),
                      systemProperties.getProperty(name)));
      for (String arg : args) {
        int equals = arg.indexOf('=');
        if (!arg.startsWith("--") || equals < 0) {
          throw new IllegalArgumentException("unexpected argument: " + arg);
        }
        values.put(arg.substring(2, equals), arg.substring(equals + 1));
      }
      String dataDirectory = values.remove("data-dir");
      String secretsDirectory = values.remove("secrets-dir");
      String bindAddress = values.remove("bind-address");
      String port = values.remove("port");
      String databases = values.remove("databases");
      if (!values.isEmpty()) {
        throw new IllegalArgumentException("unknown setting(s): " + values.keySet());
      }
      return new Settings(
          dataDirectory == null ? null : Path.of(dataDirectory),
          secretsDirectory == null ? null : Path.of(secretsDirectory),
          bindAddress == null ? DEFAULT_BIND_ADDRESS : bindAddress,
          port == null ? DEFAULT_PORT : parsePort(port),
          databases == null ? DEFAULT_DATABASES : parseDatabases(databases));
    }

    private static int parsePort(String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("port is not a number: '" + value + "'", e);
      }
    }

    private static List<String> parseDatabases(String value) {
      return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
  }

  /** The port is taken by another process: nothing was started. */
  public static final class PortInUseException extends IOException {
    PortInUseException(String bindAddress, int port) {
      super(
          "PostgreSQL cannot start: port "
              + port
              + " on "
              + bindAddress
              + " is already in use (choose another port)");
    }
  }

  /** What a data directory holds when the server starts. */
  enum Cluster {
    /** Nothing yet: {@code initdb} makes it, with the superuser's password and SCRAM. */
    NEW,
    /** Made by an earlier runtime that trusted local connections: upgraded in place. */
    TRUSTING,
    /** Made by this launcher. */
    SECURED;

    static Cluster of(Path dataDirectory) throws IOException {
      if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
        return NEW;
      }
      Path hba = dataDirectory.resolve("pg_hba.conf");
      boolean trusting =
          Files.exists(hba)
              && Files.readAllLines(hba).stream()
                  .map(line -> line.replaceFirst("#.*", "").trim())
                  .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("trust"));
      return trusting ? TRUSTING : SECURED;
    }
  }

  private final EmbeddedPostgres postgres;
  private final Settings settings;
  private final Secrets secrets;
  private final String superuserPassword;

  private PostgresServer(
      EmbeddedPostgres postgres, Settings settings, Secrets secrets, String superuserPassword) {
    this.postgres = postgres;
    this.settings = settings;
    this.secrets = secrets;
    this.superuserPassword = superuserPassword;
  }

  /**
   * Starts PostgreSQL in {@code settings.dataDirectory()} ({@code initdb} only when the directory
   * holds no cluster yet), creates the missing databases and roles and secures them.
   *
   * @param output where PostgreSQL's own output goes
   */
  public static PostgresServer start(Settings settings, Redirect output) throws IOException {
    ensurePortFree(settings.bindAddress(), settings.port());
    ensureReusableDataDirectory(settings.dataDirectory());
    Cluster cluster = Cluster.of(settings.dataDirectory());
    Secrets secrets = new Secrets(settings.secretsDirectory());
    String superuserPassword =
        cluster == Cluster.SECURED
            ? secrets
                .read(SUPERUSER)
                .orElseThrow(
                    () ->
                        new IOException(
                            "the superuser's password of "
                                + settings.dataDirectory()
                                + " was kept in "
                                + secrets.file(SUPERUSER)
                                + ", which is missing: restore that file, or remove the data"
                                + " directory to start afresh (its data is lost)"))
            : secrets.readOrCreate(SUPERUSER);
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setDataDirectory(settings.dataDirectory())
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPort(settings.port())
            .setServerConfig("listen_addresses", settings.bindAddress())
            .setServerConfig("unix_socket_directories", "")
            // Committed means durable: zonky starts the postmaster with -F (fsync off) and
            // synchronous_commit off, which suit throw-away test servers, not data kept across
            // restarts. A -c setting comes after -F on the command line and wins.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("password_encryption", "scram-sha-256")
            // PostgreSQL's default, which initdb writes in postgresql.conf, instead of zonky's 300:
            // reloading the configuration (for pg_hba.conf) would otherwise log that file as
            // erroneous. Four services with pools of eight are far from it.
            .setServerConfig("max_connections", "100")
            // zonky's own readiness check connects as the superuser.
            .setConnectConfig("password", superuserPassword)
            .setPGStartupWait(STARTUP_WAIT)
            .setOutputRedirector(output)
            .setErrorRedirector(output);
    if (cluster == Cluster.NEW) {
      // zonky runs initdb with "-A trust" and appends these as "--name=value": the later
      // --auth wins, so the cluster trusts nobody from its very first start.
      builder
          .setLocaleConfig("auth", "scram-sha-256")
          .setLocaleConfig("pwfile", secrets.file(SUPERUSER).toString());
    }
    PostgresServer server =
        new PostgresServer(builder.start(), settings, secrets, superuserPassword);
    try {
      server.secure(cluster == Cluster.TRUSTING);
    } catch (SQLException | IOException | RuntimeException e) {
      server.close();
      throw new IOException("could not secure the databases: " + e.getMessage(), e);
    }
    return server;
  }

  /** A JDBC URL for one database of this server, as the services get it. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://%s:%d/%s"
        .formatted(settings.bindAddress(), settings.port(), database);
  }

  /** The operating-system process id of the postmaster, read from {@code postmaster.pid}. */
  public long postmasterPid() {
    try (Stream<String> lines = Files.lines(settings.dataDirectory().resolve("postmaster.pid"))) {
      return lines.findFirst().map(String::trim).map(Long::parseLong).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops PostgreSQL (fast shutdown); the data directory stays. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates what is missing and sets every privilege, at every start (each step can be run again).
   * An upgrade runs while the cluster still trusts local connections, and ends by giving the
   * superuser its password and replacing trust by SCRAM, so that an upgrade cut short is simply
   * done again at the next start.
   */
  private void secure(boolean upgrade) throws SQLException, IOException {
    try (Connection server = connectAsSuperuser("postgres")) {
      for (String database : settings.databases()) {
        ensureRole(server, ownerOf(database));
        ensureRole(server, applicationRoleOf(database));
        ensureDatabase(server, database);
      }
      closeEveryDatabaseToPublic(server);
    }
    for (String database : settings.databases()) {
      try (Connection connection = connectAsSuperuser(database)) {
        securePublicSchema(connection, database);
        if (upgrade) {
          adoptExistingObjects(connection, database);
        }
      }
    }
    try (Connection server = connectAsSuperuser("postgres")) {
      if (upgrade) {
        setPassword(server, SUPERUSER, superuserPassword);
      }
      Path hba = settings.dataDirectory().resolve("pg_hba.conf");
      if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
        Files.writeString(hba, HBA);
        execute(server, "SELECT pg_reload_conf()");
      }
    }
  }

  /** A login role with nothing more than its login, and its password from the secrets. */
  private void ensureRole(Connection server, String role) throws SQLException, IOException {
    if (!exists(server, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
      execute(server, "CREATE ROLE " + quote(role) + " LOGIN");
    }
    execute(
        server,
        "ALTER ROLE "
            + quote(role)
            + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
    setPassword(server, role, secrets.readOrCreate(role));
  }

  /** The database, owned by its owner role, open to its two roles only. */
  private static void ensureDatabase(Connection server, String database) throws SQLException {
    String owner = ownerOf(database);
    if (!exists(server, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
      execute(server, "CREATE DATABASE " + quote(database) + " OWNER " + quote(owner));
    } else {
      execute(server, "ALTER DATABASE " + quote(database) + " OWNER TO " + quote(owner));
    }
    execute(server, "REVOKE ALL ON DATABASE " + quote(database) + " FROM PUBLIC");
    execute(
        server,
        "GRANT CONNECT ON DATABASE "
            + quote(database)
            + " TO "
            + quote(applicationRoleOf(database)));
  }

  /** No database is open to every role, the maintenance ones included. */
  private static void closeEveryDatabaseToPublic(Connection server) throws SQLException {
    for (String database :
        strings(server, "SELECT datname FROM pg_database WHERE datallowconn ORDER BY datname")) {
      execute(server, "REVOKE ALL ON DATABASE " + quote(database) + " FROM PUBLIC");
    }
  }

  /**
   * The owner owns schema {@code public}; the application role may use it and create nothing; what
   * the owner creates later, in any schema (reporting makes one per read-model generation), gives
   * the application role row access to tables and use of sequences.
   */
  private static void securePublicSchema(Connection database, String name) throws SQLException {
    String owner = quote(ownerOf(name));
    String application = quote(applicationRoleOf(name));
    execute(database, "ALTER SCHEMA public OWNER TO " + owner);
    execute(database, "REVOKE ALL ON SCHEMA public FROM PUBLIC");
    execute(database, "GRANT USAGE ON SCHEMA public TO " + application);
    execute(
        database,
        "ALTER DEFAULT PRIVILEGES FOR ROLE "
            + owner
            + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "
            + application);
    execute(
        database,
        "ALTER DEFAULT PRIVILEGES FOR ROLE "
            + owner
            + " GRANT USAGE, SELECT ON SEQUENCES TO "
            + application);
  }

  /**
   * The upgrade of a database an earlier runtime filled as superuser: every object of its own
   * schemas goes to the owner (REASSIGN OWNED cannot move the superuser's objects: some belong to
   * the system), and the application role gets on the existing tables, sequences and schemas what
   * default privileges give it on new ones. Run once: at later starts the grants a migration
   * revoked (an append-only table) stay revoked.
   */
  private static void adoptExistingObjects(Connection database, String name) throws SQLException {
    String owner = ownerOf(name);
    String application = quote(applicationRoleOf(name));
    List<String> schemas =
        strings(
            database,
            "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
                + "AND nspname <> 'information_schema' ORDER BY nspname");
    for (String schema : schemas) {
      execute(database, "ALTER SCHEMA " + quote(schema) + " OWNER TO " + quote(owner));
    }
    // Sequences that belong to a column (serial, identity) follow their table.
    for (String alter :
        strings(
            database,
            """
            SELECT 'ALTER ' || CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                 WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE'
                                 ELSE 'TABLE' END
                   || ' ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' OWNER TO '
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
              AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND c.relowner <> to_regrole(?)
              AND NOT EXISTS (SELECT 1 FROM pg_depend d
                              WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                AND d.deptype IN ('a', 'i'))
            ORDER BY c.relkind, n.nspname, c.relname""",
            owner)) {
      execute(database, alter + quote(owner));
    }
    for (String routine :
        strings(
            database,
            """
            SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
              AND p.proowner <> to_regrole(?)""",
            owner)) {
      execute(database, "ALTER ROUTINE " + routine + " OWNER TO " + quote(owner));
    }
    for (String type :
        strings(
            database,
            """
            SELECT t.oid::regtype::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
              AND t.typtype IN ('e', 'd') AND t.typowner <> to_regrole(?)""",
            owner)) {
      execute(database, "ALTER TYPE " + type + " OWNER TO " + quote(owner));
    }
    for (String schema : schemas) {
      String quoted = quote(schema);
      execute(database, "GRANT USAGE ON SCHEMA " + quoted + " TO " + application);
      execute(
          database,
          "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "
              + quoted
              + " TO "
              + application);
      execute(
          database,
          "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + quoted + " TO " + application);
    }
  }

  /** Sets a password as a SCRAM verifier computed here: the password itself never reaches SQL. */
  private static void setPassword(Connection server, String role, String password)
      throws SQLException {
    server
        .unwrap(PGConnection.class)
        .alterUserPassword(role, password.toCharArray(), "scram-sha-256");
  }

  private Connection connectAsSuperuser(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
  }

  private static boolean exists(Connection connection, String sql, String parameter)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, parameter);
      try (ResultSet found = statement.executeQuery()) {
        return found.next();
      }
    }
  }

  private static List<String> strings(Connection connection, String sql, String... parameters)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
          values.add(rows.getString(1));
        }
        return values;
      }
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** A name quoted as an SQL identifier. */
  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static void ensurePortFree(String bindAddress, int port) throws IOException {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
    } catch (BindException e) {
      throw new PortInUseException(bindAddress, port);
    }
  }

  /**
   * zonky runs {@code initdb} whenever {@code postgresql.conf} is absent; on a directory with other
   * content that would fail with a confusing message, so say what is wrong instead.
   */
  private static void ensureReusableDataDirectory(Path dataDirectory) throws IOException {
    if (!Files.isDirectory(dataDirectory)
        || Files.exists(dataDirectory.resolve("postgresql.conf"))) {
      return;
    }
    try (Stream<Path> entries = Files.list(dataDirectory)) {
      if (entries.findAny().isPresent()) {
        throw new IOException(
            dataDirectory
                + " is neither empty nor a PostgreSQL data directory: remove it or choose another");
      }
    }
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.parse(args, System.getProperties());
    } catch (IllegalArgumentException e) {
      System.err.println("PostgresServer: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }

    AtomicReference<PostgresServer> running = new AtomicReference<>();
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  Optional.ofNullable(running.get()).ifPresent(PostgresServer::close);
                },
                "postgres-stop"));

    try {
      running.set(start(settings, Redirect.INHERIT));
    } catch (PortInUseException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    } catch (IOException | RuntimeException e) {
      System.err.println("PostgreSQL failed to start: " + describe(e));
      System.exit(1);
      return;
    }
    System.out.println("PostgreSQL ready on " + settings.bindAddress() + ":" + settings.port());
    System.out.flush();

    // Block until the postmaster exits: normally because the shutdown hook stopped it.
    ProcessHandle.of(running.get().postmasterPid())
        .ifPresent(postmaster -> postmaster.onExit().join());
    if (!stopping.get()) {
      System.err.println("PostgreSQL stopped unexpectedly");
      System.exit(1);
    }
  }

  private static String describe(Throwable failure) {
    StringBuilder description = new StringBuilder(String.valueOf(failure.getMessage()));
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      description.append(" (caused by: ").append(cause.getMessage()).append(')');
    }
    return description.toString();
  }
}
