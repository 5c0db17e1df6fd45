package fr.passerelle.reporting.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Points every connection handed out at the read-model generation of the asking thread (its {@code
 * search_path}), so projections, the inbox and queries need no schema in their SQL.
 */
public class GenerationRoutingDataSource extends DelegatingDataSource {

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
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO " + schemas.current() + ", public");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }
}
