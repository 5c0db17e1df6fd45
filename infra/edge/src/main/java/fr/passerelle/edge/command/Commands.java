package fr.passerelle.edge.command;

import fr.passerelle.edge.refusal.ConflictException;
import fr.passerelle.edge.refusal.NotFoundException;
import fr.passerelle.edge.refusal.RefusedException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * The one way a controller or use case sends a command and waits for its result: what the domain
 * refused comes back as the domain's own refusal (a problem with its status), and Axon's own
 * exceptions as what they mean to the caller:
 *
 * <ul>
 *   <li>no aggregate of that id, or an aggregate of another kind under it (a session's id sent
 *       where a dossier's is expected): 404;
 *   <li>two commands that changed the same aggregate at the same time: the first wins, the other is
 *       a 409 and changed nothing.
 * </ul>
 *
 * Anything else is a failure of the platform and propagates as such.
 */
public class Commands {

  private static final String NOT_FOUND = "Aucune ressource de ce numéro dans ce département.";
  private static final String CONCURRENT =
      "Cette ressource vient d'être modifiée par une autre opération ; rien n'a été fait, réessayez.";

  private final CommandGateway gateway;

  public Commands(CommandGateway gateway) {
    this.gateway = gateway;
  }

  /** Sends {@code command}, waits for it to be handled, and returns the handler's result. */
  public <R> R send(Object command) {
    return send(command, () -> new NotFoundException(NOT_FOUND));
  }

  /**
   * Sends {@code command} to an aggregate that may not exist: {@code unknown} says what the caller
   * is told then (a dossier, a session…), the same way the domain says it.
   */
  public <R> R send(Object command, Supplier<? extends RefusedException> unknown) {
    try {
      return gateway.sendAndWait(command);
    } catch (CommandExecutionException e) {
      throw translate(e.getCause() == null ? e : e.getCause(), unknown);
    } catch (RuntimeException e) {
      throw translate(e, unknown);
    }
  }

  private static RuntimeException translate(
      Throwable failure, Supplier<? extends RefusedException> unknown) {
    if (failure instanceof AggregateNotFoundException
        || failure instanceof IncompatibleAggregateException
        || failure instanceof AggregateDeletedException) {
      return unknown.get();
    }
    if (failure instanceof ConcurrencyException) {
      return new ConflictException(CONCURRENT);
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException("A command failed", failure);
  }
}
