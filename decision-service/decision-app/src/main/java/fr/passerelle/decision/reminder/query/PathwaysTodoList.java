package fr.passerelle.decision.reminder.query;

import fr.passerelle.decision.reminder.api.FindPathwaysTodoQuery;
import fr.passerelle.decision.reminder.api.TodoItem;
import fr.passerelle.decision.reminder.api.TodoKind;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The to-do lists of the pathways: what {@link PathwaysTodoProjection} keeps, shown from the day it
 * is due to be seen until it is done (or, for a renewal, until the term's last day), for the roles
 * it concerns; an association sees the pathways it accompanies only.
 */
@Component
class PathwaysTodoList {

  private final JdbcTemplate jdbc;

  PathwaysTodoList(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @QueryHandler
  List<TodoItem> handle(FindPathwaysTodoQuery query) {
    List<String> kinds =
        Arrays.stream(TodoKind.values())
            .filter(kind -> kind.roles().stream().anyMatch(query.roles()::contains))
            .map(Enum::name)
            .toList();
    if (kinds.isEmpty()) {
      return List.of();
    }
    Date today = Date.valueOf(query.today());
    return jdbc.query(
        """
        SELECT t.kind, t.subject, t.due_on, t.visible_from
        FROM pathways_todo t JOIN pathways_todo_dossier d ON d.dossier_id = t.subject
        WHERE t.department_code = ? AND NOT t.closed AND t.kind = ANY (?)
          AND t.visible_from <= ? AND (t.visible_until IS NULL OR t.visible_until >= ?)
          AND (CAST(? AS VARCHAR) IS NULL OR d.association_id = ?)
        ORDER BY t.due_on, t.kind, t.subject
        """,
        (row, n) ->
            new TodoItem(
                TodoKind.valueOf(row.getString("kind")),
                row.getString("subject"),
                row.getDate("due_on").toLocalDate(),
                row.getDate("visible_from").toLocalDate()),
        query.departmentCode(),
        kinds.toArray(String[]::new),
        today,
        today,
        query.associationId(),
        query.associationId());
  }
}
