package fr.passerelle.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What a test reads of the persistent scheduler's table (db-scheduler's {@code scheduled_tasks}).
 */
public final class ScheduledTasks {

  private ScheduledTasks() {}

  /**
   * Whether an instance holds an execution of {@code task} now. A test that moves its clock a day
   * on must wait until no instance does: db-scheduler reschedules a recurring task from the time
   * its execution completed, so an execution completed after the clock moved is rescheduled from
   * the new day, and the day in between never runs. A task writes what it did before its execution
   * is completed: a test that sees the day's work done must still wait until this is false.
   */
  public static boolean picked(DataSource database, String task) {
    try (Connection connection = database.getConnection();
        PreparedStatement query =
            connection.prepareStatement("SELECT picked FROM scheduled_tasks WHERE task_name = ?")) {
      query.setString(1, task);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("No scheduled task named " + task);
        }
        return row.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the scheduled task " + task, e);
    }
  }
}
