package fr.passerelle.benefits.reminder.web;

import fr.passerelle.benefits.reminder.api.FindRightsTodoQuery;
import fr.passerelle.benefits.reminder.api.TodoItem;
import fr.passerelle.benefits.reminder.api.TodoKind;
import fr.passerelle.edge.DepartmentCode;
import fr.passerelle.edge.route.AccessRecorder;
import fr.passerelle.edge.security.PasserelleUser;
import fr.passerelle.edge.security.Role;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's to-do list of rights and payments in a département: the préfecture's permits and
 * AFIS requests to decide and permits about to expire, the paying body's months to pay. Each
 * beneficiary listed is an access logged.
 */
@RestController
class TodoController {

  private final QueryGateway queries;
  private final AccessRecorder accessLog;
  private final Clock clock;

  TodoController(QueryGateway queries, AccessRecorder accessLog, Clock clock) {
    this.queries = queries;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  @GetMapping("/api/departements/{departmentCode}/rights/todo")
  @Transactional
  List<TodoItem> todo(@PathVariable String departmentCode, PasserelleUser caller) {
    List<TodoItem> items =
        queries
            .query(
                new FindRightsTodoQuery(
                    departmentCode,
                    caller.roles().stream().map(Role::name).collect(Collectors.toSet()),
                    DepartmentCode.today(departmentCode, clock)),
                ResponseTypes.multipleInstancesOf(TodoItem.class))
            .join();
    items.stream()
        .filter(item -> item.kind() != TodoKind.PAYMENT_RUN_DUE)
        .forEach(item -> accessLog.read(item.subject()));
    return items;
  }
}
