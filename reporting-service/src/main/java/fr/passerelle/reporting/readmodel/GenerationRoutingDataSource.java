package fr.passerelle.reporting.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Points every connection handed out at a read-model generation (its {@code search_path}), so
 * projections, the inbox and queries need no schema in their SQL: the generation a rebuild thread
 * fills, or else the active one, read from the database in the same statement that sets it. Two
 * instances therefore never disagree on the active generation for longer than a connection is
 * borrowed; writes are moreover checked again under a lock ({@link GenerationGate}).
 */
public class GenerationRoutingDataSource extends DelegatingDataSource {

  static final String ACTIVE =
      "SELECT set_config('search_path', schema_name || ', public', %s)"
          + " FROM public.read_model_generation WHERE status = 'ACTIVE'";

  private final SchemaSelector schemas;

  public GenerationRoutingDataSource(DataSource target, SchemaSelector schemas) {
    super(target);
    this.schemas = schemas;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return route(super.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return route(super.getConnection(username, password));
  }

  private Connection route(Connection connection) throws SQLException {
    try (var statement = connection.createStatement()) {
      String building = schemas.building();
      if (building != null) {
        statement.execute("SET search_path TO " + building + ", public");
      } else if (!schemas.registryReady()) {
        statement.execute("SET search_path TO public");
      } else {
        try (var active = statement.executeQuery(ACTIVE.formatted("false"))) {
          if (!active.next()) {
            throw new SQLException("No active read-model generation", "55000");
          }
        }
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
