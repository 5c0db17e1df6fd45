package fr.passerelle.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * One person of the scenario, as far as the figures go: who they are in the statistics, when their
 * dossier was submitted and studied, what the préfet decided, the renewals and the end of their
 * pathway, and the job or training they found.
 *
 * @param association the index, in the département's associations, of the one that accompanies them
 * @param submittedOn the day the association submitted the dossier
 * @param firstSession the index of the session that studied it, in the département's sessions
 * @param renewalSessions the sessions that studied the renewals the préfet granted, in order
 * @param renewalRefusedAt the session that studied a renewal the préfet refused (the pathway then
 *     ends at its term), or null
 * @param end an early end the préfet decided or the person asked for, or null
 * @param employment the contract type of the job recorded for them ({@code CDI}, {@code CDD}, ...),
 *     or null
 * @param employmentStart the first day of that job
 * @param trainingStart the first day of a training recorded for them (reported apart from jobs), or
 *     null
 */
public record Beneficiary(
    String nationality,
    boolean traffickingVictim,
    int children,
    boolean receivesAda,
    boolean validated,
    int association,
    LocalDate submittedOn,
    int firstSession,
    List<Integer> renewalSessions,
    Integer renewalRefusedAt,
    End end,
    String employment,
    LocalDate employmentStart,
    LocalDate trainingStart) {

  /**
   * An early end of the pathway.
   *
   * @param reason {@code PERSON_REQUEST}, {@code COMMITMENTS_NOT_KEPT} or {@code
   *     CONDITIONS_NO_LONGER_MET}
   * @param decidedOn the day of the préfet's decision, also the pathway's last day
   */
  public record End(String reason, LocalDate decidedOn) {}

  public Beneficiary {
    renewalSessions = List.copyOf(renewalSessions);
  }

  static Beneficiary validated(String nationality, boolean victim, int children) {
    return new Beneficiary(
        nationality,
        victim,
        children,
        false,
        true,
        0,
        null,
        0,
        List.of(),
        null,
        null,
        null,
        null,
        null);
  }

  static Beneficiary refused(String nationality, boolean victim) {
    return new Beneficiary(
        nationality, victim, 0, false, false, 0, null, 0, List.of(), null, null, null, null, null);
  }

  /** Submitted on {@code submittedOn} by the association of that index, for that session. */
  Beneficiary submitted(int associationIndex, LocalDate day, int session) {
    return new Beneficiary(
        nationality,
        traffickingVictim,
        children,
        receivesAda,
        validated,
        associationIndex,
        day,
        session,
        renewalSessions,
        renewalRefusedAt,
        end,
        employment,
        employmentStart,
        trainingStart);
  }

  Beneficiary renewedAt(List<Integer> sessions) {
    return new Beneficiary(
        nationality,
        traffickingVictim,
        children,
        receivesAda,
        validated,
        association,
        submittedOn,
        firstSession,
        sessions,
        renewalRefusedAt,
        end,
        employment,
        employmentStart,
        trainingStart);
  }

  Beneficiary renewalRefusedAt(int session) {
    return new Beneficiary(
        nationality,
        traffickingVictim,
        children,
        receivesAda,
        validated,
        association,
        submittedOn,
        firstSession,
        renewalSessions,
        session,
        end,
        employment,
        employmentStart,
        trainingStart);
  }

  Beneficiary endedEarly(String reason, LocalDate decidedOn) {
    return new Beneficiary(
        nationality,
        traffickingVictim,
        children,
        receivesAda,
        validated,
        association,
        submittedOn,
        firstSession,
        renewalSessions,
        renewalRefusedAt,
        new End(reason, decidedOn),
        employment,
        employmentStart,
        trainingStart);
  }

  Beneficiary employedOn(String contractType, LocalDate start) {
    return new Beneficiary(
        nationality,
        traffickingVictim,
        children,
        receivesAda,
        validated,
        association,
        submittedOn,
        firstSession,
        renewalSessions,
        renewalRefusedAt,
        end,
        contractType,
        start,
        trainingStart);
  }

  Beneficiary inTrainingFrom(LocalDate start) {
    return new Beneficiary(
        nationality,
        traffickingVictim,
        children,
        receivesAda,
        validated,
        association,
        submittedOn,
        firstSession,
        renewalSessions,
        renewalRefusedAt,
        end,
        employment,
        employmentStart,
        start);
  }

  Beneficiary receivingAda() {
    return new Beneficiary(
        nationality,
        traffickingVictim,
        children,
        true,
        validated,
        association,
        submittedOn,
        firstSession,
        renewalSessions,
        renewalRefusedAt,
        end,
        employment,
        employmentStart,
        trainingStart);
  }
}
