package fr.passerelle.dossier.retention;

import fr.passerelle.dossier.events.ErasureReason;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * How long a person's data is kept (domain.md, data protection; durations configurable): a draft
 * never submitted, {@code draft} after its last change (3 months); the data of a person whose
 * pathway ended or was refused, {@code afterLastContact} after the last contact recorded in the
 * dossier (2 years, the CNIL's reference for social support). The association is told {@code
 * warning} before (30 days), and the data is never erased sooner than {@code warning} after it was
 * told, even when the period ended long ago (a history entered late, a platform upgraded).
 */
public record RetentionPolicy(Period draft, Period afterLastContact, Period warning) {

  private static final int MONTH_END_MARGIN_DAYS = 4;

  public RetentionPolicy {
    Objects.requireNonNull(draft, "draft");
    Objects.requireNonNull(afterLastContact, "afterLastContact");
    Objects.requireNonNull(warning, "warning");
    if (draft.isNegative() || afterLastContact.isNegative() || warning.isNegative()) {
      throw new IllegalArgumentException("Retention periods cannot be negative");
    }
  }

  /** Where a dossier stands for retention. */
  public enum Stage {
    /** Drafted, never submitted: the draft's period runs from its last change. */
    DRAFT,
    /** Submitted, its pathway not over: kept. */
    SUBMITTED,
    /** Its pathway ended, or was refused: the period after the last contact runs. */
    CLOSED,
    /** Its person's data is erased. */
    ERASED;

    /** Why a dossier at this stage is erased when its period ends. */
    public ErasureReason erasureReason() {
      return this == DRAFT
          ? ErasureReason.DRAFT_NOT_SUBMITTED
          : ErasureReason.RETENTION_AFTER_LAST_CONTACT;
    }
  }

  /**
   * What retention knows of a dossier.
   *
   * @param lastContact the last day something happened with the person in the dossier
   * @param announcedErasureOn the erasure day the association was last told, if any
   */
  public record Facts(Stage stage, LocalDate lastContact, LocalDate announcedErasureOn) {}

  /** What is to be done today. */
  public sealed interface Next {}

  /** Nothing yet. */
  public record Wait() implements Next {}

  /** Tell the association the data will be erased on {@code erasureOn}. */
  public record Warn(LocalDate erasureOn, ErasureReason reason) implements Next {}

  /** Erase the data now. */
  public record Erase(ErasureReason reason) implements Next {}

  /** The first day the data may be erased, for a dossier at {@code stage}; null when kept. */
  public LocalDate due(Stage stage, LocalDate lastContact) {
    return switch (stage) {
      case DRAFT -> lastContact.plus(draft);
      case CLOSED -> lastContact.plus(afterLastContact);
      case SUBMITTED, ERASED -> null;
    };
  }

  /**
   * The last contact up to which a dossier at {@code stage} may need a step on {@code today}: a
   * filter for the database, a few days generous since months do not subtract back exactly (the
   * 30th plus 3 months is the 28th of February); {@link #next} decides.
   */
  public LocalDate lookBefore(Stage stage, LocalDate today) {
    return switch (stage) {
      case DRAFT -> today.plus(warning).minus(draft).plusDays(MONTH_END_MARGIN_DAYS);
      case CLOSED -> today.plus(warning).minus(afterLastContact).plusDays(MONTH_END_MARGIN_DAYS);
      case SUBMITTED, ERASED -> LocalDate.MIN;
    };
  }

  /**
   * Today's step for a dossier: a warning once the due day is {@code warning} away (announcing the
   * due day, or a later one when the warning comes late), the erasure once the announced day has
   * come, nothing otherwise. A contact after a warning moves the due day: the old warning no longer
   * counts and a new one is given when its time comes.
   */
  public Next next(Facts facts, LocalDate today) {
    LocalDate due = due(facts.stage(), facts.lastContact());
    if (due == null) {
      return new Wait();
    }
    ErasureReason reason = facts.stage().erasureReason();
    LocalDate announced = facts.announcedErasureOn();
    if (announced != null && !announced.isBefore(due)) {
      return today.isBefore(announced) ? new Wait() : new Erase(reason);
    }
    if (today.isBefore(due.minus(warning))) {
      return new Wait();
    }
    LocalDate earliest = today.plus(warning);
    return new Warn(due.isBefore(earliest) ? earliest : due, reason);
  }
}
