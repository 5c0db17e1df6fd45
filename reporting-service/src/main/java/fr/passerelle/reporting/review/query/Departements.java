package fr.passerelle.reporting.review.query;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The 101 French départements national figures are counted over: 01 to 19, 2A and 2B (no 20), 21 to
 * 95, then 971 to 974 and 976 overseas (Mayotte is 976; there is no 975 département).
 */
public final class Departements {

  /** Every département code, in the official order. */
  public static final List<String> ALL = all();

  private Departements() {}

  private static List<String> all() {
    List<String> codes = new ArrayList<>();
    IntStream.rangeClosed(1, 19).mapToObj(Departements::twoDigits).forEach(codes::add);
    codes.add("2A");
    codes.add("2B");
    IntStream.rangeClosed(21, 95).mapToObj(Departements::twoDigits).forEach(codes::add);
    codes.addAll(List.of("971", "972", "973", "974", "976"));
    return List.copyOf(codes);
  }

  private static String twoDigits(int number) {
    return "%02d".formatted(number);
  }
}
