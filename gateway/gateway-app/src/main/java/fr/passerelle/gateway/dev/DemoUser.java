package fr.passerelle.gateway.dev;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A demo user of the dev issuer: {@code analyst} and {@code admin} (national, {@code *}), {@code
 * monitoring} (a metrics scraper, no département), or {@code <role>-<département>} for the
 * departmental roles ({@code association-31}, {@code secretariat-75}, {@code paying-body-31}…).
 */
public record DemoUser(String name, String role, List<String> departements, String associationId) {

  private static final Pattern DEPARTEMENTAL =
      Pattern.compile(
          "(association|secretariat|prefecture|paying-body|auditor)-([0-9]{2,3}|2[ab])");
  private static final Pattern ASSOCIATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  /**
   * The demo user called {@code name}; an association user's association is {@code association} if
   * given, else the one configured for that user. Empty when the name or association is not valid.
   */
  public static Optional<DemoUser> of(
      String name, String association, Map<String, String> associations) {
    if (name == null) {
      return Optional.empty();
    }
    String user = name.toLowerCase(Locale.ROOT);
    if (user.equals("analyst") || user.equals("admin")) {
      return Optional.of(new DemoUser(user, user.toUpperCase(Locale.ROOT), List.of("*"), null));
    }
    if (user.equals("monitoring")) {
      return Optional.of(new DemoUser(user, "MONITORING", List.of(), null));
    }
    Matcher matcher = DEPARTEMENTAL.matcher(user);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String role = matcher.group(1).replace('-', '_').toUpperCase(Locale.ROOT);
    String departement = matcher.group(2).toUpperCase(Locale.ROOT);
    if (!role.equals("ASSOCIATION")) {
      return Optional.of(new DemoUser(user, role, List.of(departement), null));
    }
    String associationId = association != null ? association : associations.get(user);
    if (associationId == null || !ASSOCIATION_ID.matcher(associationId).matches()) {
      return Optional.empty();
    }
    return Optional.of(new DemoUser(user, role, List.of(departement), associationId));
  }
}
