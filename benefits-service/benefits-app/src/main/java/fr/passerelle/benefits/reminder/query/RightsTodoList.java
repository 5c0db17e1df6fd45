package fr.passerelle.benefits.reminder.query;

import fr.passerelle.benefits.reminder.api.FindRightsTodoQuery;
import fr.passerelle.benefits.reminder.api.TodoItem;
import fr.passerelle.benefits.reminder.api.TodoKind;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The to-do lists of rights and payments: what {@link RightsTodoProjection} keeps, shown from the
 * day it is due to be seen, for the roles it concerns; and the months' payment runs due, opened by
 * the persistent scheduler.
 */
@Component
public class RightsTodoList {

  private final JdbcTemplate jdbc;

  RightsTodoList(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @QueryHandler
  List<TodoItem> handle(FindRightsTodoQuery query) {
    List<String> kinds =
        Arrays.stream(TodoKind.values())
            .filter(kind -> query.roles().contains(kind.role()))
            .map(Enum::name)
            .toList();
    if (kinds.isEmpty()) {
      return List.of();
    }
    return jdbc.query(
        """
        SELECT kind, subject, due_on, visible_from FROM rights_todo
        WHERE department_code = ? AND NOT closed AND visible_from <= ? AND kind = ANY (?)
        ORDER BY due_on, kind, subject
        """,
        (row, n) ->
            new TodoItem(
                TodoKind.valueOf(row.getString("kind")),
                row.getString("subject"),
                row.getDate("due_on").toLocalDate(),
                row.getDate("visible_from").toLocalDate()),
        query.departmentCode(),
        Date.valueOf(query.today()),
        kinds.toArray(String[]::new));
  }

  /**
   * The daily pass of {@code today} (Paris's day, the scheduling zone's): opens the month's payment
   * run, and on the month's last day the next month's too: each département sees a run from the 1st
   * of its own days, and La Réunion and Mayotte reach it 2 or 3 hours before Paris, before the next
   * pass. Opening twice changes nothing.
   */
  public void openPaymentRunsDue(LocalDate today) {
    YearMonth month = YearMonth.from(today);
    open(month);
    if (today.equals(month.atEndOfMonth())) {
      open(month.plusMonths(1));
    }
  }

  /**
   * Opens the payment run of {@code month} in every département where an AFIS reaches it and no run
   * of the month was confirmed.
   */
  private void open(YearMonth month) {
    jdbc.update(
        """
        INSERT INTO rights_todo (department_code, kind, subject, due_on, visible_from, closed)
        SELECT DISTINCT r.department_code, CAST(? AS VARCHAR), CAST(? AS VARCHAR),
          CAST(? AS DATE), CAST(? AS DATE), FALSE
        FROM beneficiary_rights r
        WHERE r.afis_from IS NOT NULL AND r.afis_from <= ?
          AND COALESCE(LEAST(r.afis_ended_on, r.afis_until), r.afis_until) >= ?
        ON CONFLICT (department_code, kind, subject) DO NOTHING
        """,
        TodoKind.PAYMENT_RUN_DUE.name(),
        month.toString(),
        Date.valueOf(month.atEndOfMonth()),
        Date.valueOf(month.atDay(1)),
        Date.valueOf(month.atEndOfMonth()),
        Date.valueOf(month.atDay(1)));
  }
}
