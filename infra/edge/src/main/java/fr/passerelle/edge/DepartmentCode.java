package fr.passerelle.edge;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The code of a French département, to which every resource belongs: "01" to "95" with "2A" and
 * "2B" for Corsica (no "20"), "971" to "976" overseas; and the zone its days are counted in.
 */
public final class DepartmentCode {

  public static final String PATTERN = "^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$";
  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  /** Metropolitan France, Corsica included. */
  public static final ZoneId METROPOLE = ZoneId.of("Europe/Paris");

  /**
   * The zones of the overseas départements (and of Saint-Pierre-et-Miquelon, code 975): their days
   * begin and end 3 to 6 hours away from Paris's.
   */
  private static final Map<String, ZoneId> OVERSEAS =
      Map.of(
          "971", ZoneId.of("America/Guadeloupe"),
          "972", ZoneId.of("America/Martinique"),
          "973", ZoneId.of("America/Cayenne"),
          "974", ZoneId.of("Indian/Reunion"),
          "975", ZoneId.of("America/Miquelon"),
          "976", ZoneId.of("Indian/Mayotte"));

  private DepartmentCode() {}

  /**
   * The zone in which a département's days are counted: its "today", the dates its agents enter,
   * the day its reminders fall due. {@link #METROPOLE} for a metropolitan département, and for a
   * code that is not one (checked elsewhere).
   */
  public static ZoneId zone(String code) {
    return code == null ? METROPOLE : OVERSEAS.getOrDefault(code, METROPOLE);
  }

  /**
   * The latest of the départements' todays, by {@code clock}: a date after it is in the future in
   * every département.
   */
  public static LocalDate latestToday(Clock clock) {
    LocalDate latest = LocalDate.now(clock.withZone(METROPOLE));
    for (ZoneId zone : OVERSEAS.values()) {
      LocalDate today = LocalDate.now(clock.withZone(zone));
      if (today.isAfter(latest)) {
        latest = today;
      }
    }
    return latest;
  }

  /** Today in département {@code code}, by {@code clock}. */
  public static LocalDate today(String code, Clock clock) {
    return LocalDate.now(clock.withZone(zone(code)));
  }

  public static boolean isValid(String code) {
    return code != null && COMPILED.matcher(code).matches();
  }

  /**
   * Returns {@code code} when it is a département code.
   *
   * @throws InvalidRequestException naming the field {@code departmentCode} otherwise
   */
  public static String require(String code) {
    if (!isValid(code)) {
      throw new InvalidRequestException(
          FieldError.of("departmentCode", "code de département inconnu"));
    }
    return code;
  }
}
