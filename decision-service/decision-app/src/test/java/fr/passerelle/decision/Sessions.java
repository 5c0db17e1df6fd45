package fr.passerelle.decision;

import fr.passerelle.decision.pathway.command.CommissionSessions;
import fr.passerelle.decision.pathway.command.CommissionSessions.Sitting;
import fr.passerelle.decision.session.api.CommissionSessionOpened;
import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test data: sessions of the commissions of Haute-Garonne and Paris. */
public final class Sessions {

  /** Haute-Garonne's commission, 11 April 2019. */
  public static final String APRIL_SESSION = "0f6d3c1a-2b4e-4d5f-8a9b-c0d1e2f3a4b5";

  /** Haute-Garonne's commission, 13 June 2019. */
  public static final String JUNE_SESSION = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  /** Paris's commission, 11 April 2019. */
  public static final String PARIS_SESSION = "d4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a";

  private static final Map<String, Sitting> SITTINGS = new ConcurrentHashMap<>();

  static {
    SITTINGS.put(APRIL_SESSION, new Sitting(APRIL_SESSION, "31", LocalDate.parse("2019-04-11")));
    SITTINGS.put(JUNE_SESSION, new Sitting(JUNE_SESSION, "31", LocalDate.parse("2019-06-13")));
    SITTINGS.put(PARIS_SESSION, new Sitting(PARIS_SESSION, "75", LocalDate.parse("2019-04-11")));
  }

  private Sessions() {}

  /** The sessions above and those of {@link #renewalSession}, as a pathway's rules see them. */
  public static CommissionSessions knownSessions() {
    return sessionId -> Optional.ofNullable(SITTINGS.get(sessionId));
  }

  /** A session of Haute-Garonne's commission on {@code date}, known to {@link #knownSessions}. */
  public static String renewalSession(LocalDate date) {
    String sessionId = "session-31-" + date;
    SITTINGS.putIfAbsent(sessionId, new Sitting(sessionId, "31", date));
    return sessionId;
  }

  public static Sitting sittingOf(String sessionId) {
    return SITTINGS.get(sessionId);
  }

  /** Haute-Garonne's 20 members, {@code present} present and {@code represented} represented. */
  public static OpenCommissionSessionCommand aFirstConvocation(int present, int represented) {
    return new OpenCommissionSessionCommand(
        APRIL_SESSION, "31", LocalDate.parse("2019-04-11"), 20, present, represented, false);
  }

  public static OpenCommissionSessionCommand aSecondConvocation(int present, int represented) {
    return new OpenCommissionSessionCommand(
        APRIL_SESSION, "31", LocalDate.parse("2019-04-11"), 20, present, represented, true);
  }

  public static CommissionSessionOpened opened(OpenCommissionSessionCommand command) {
    return new CommissionSessionOpened(
        command.sessionId(),
        command.departmentCode(),
        command.date(),
        command.membersTotal(),
        command.membersPresent(),
        command.membersRepresented(),
        command.secondConvocation());
  }

  /** A session body as the secretariat posts it: 14 present and 2 represented of 20. */
  public static String aSessionBody() {
    return """
        {"date":"2019-04-11","membersTotal":20,"membersPresent":14,"membersRepresented":2,\
        "secondConvocation":false}""";
  }
}
