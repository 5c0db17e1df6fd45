package fr.passerelle.edge;

import fr.passerelle.edge.refusal.FieldError;
import fr.passerelle.edge.refusal.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * The code of a French département, to which every resource belongs: "01" to "95" with "2A" and
 * "2B" for Corsica (no "20"), "971" to "976" overseas.
 */
public final class DepartmentCode {

  public static final String PATTERN = "^(0[1-9]|1[0-9]|2[1-9AB]|[3-8][0-9]|9[0-5]|97[1-6])$";
  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private DepartmentCode() {}

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
