package fr.passerelle.reporting.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work kept for the current transaction and done just before it commits, all of it at once, in the
 * order it was added; done at once outside a transaction. Work that fails fails the commit, and the
 * transaction rolls back with everything else it wrote. A transaction started inside another
 * (REQUIRES_NEW) keeps and does its own.
 *
 * @param <T> one piece of work
 */
public final class AtCommit<T> {

  private final Consumer<List<T>> work;

  /**
   * @param work does the pieces it is given, in their order, in the committing transaction
   */
  public AtCommit(Consumer<List<T>> work) {
    this.work = work;
  }

  /** Adds {@code piece}, done at the commit of the current transaction if there is one. */
  public void add(T piece) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      work.accept(List.of(piece));
      return;
    }
    @SuppressWarnings("unchecked")
    Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
    if (pending == null) {
      pending = new Pending();
      TransactionSynchronizationManager.bindResource(this, pending);
      TransactionSynchronizationManager.registerSynchronization(pending);
    }
    pending.pieces.add(piece);
  }

  /** The pieces of one transaction. */
  private final class Pending implements TransactionSynchronization {

    private final List<T> pieces = new ArrayList<>();

    @Override
    public void beforeCommit(boolean readOnly) {
      work.accept(List.copyOf(pieces));
      pieces.clear();
    }

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(AtCommit.this);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(AtCommit.this, this);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(AtCommit.this);
    }
  }
}
