package fr.passerelle.reporting.review;

import java.time.LocalDate;

/** Facts for the tests of other packages, published as the producers publish them. */
public final class TestReviews {

  private TestReviews() {}

  /**
   * Publishes {@code count} pathways validated in {@code departmentCode} during {@code year}, each
   * with its residence permit, and returns nothing: the review then shows them.
   */
  public static void validatedPathways(String departmentCode, int year, int count) {
    for (int i = 0; i < count; i++) {
      String dossier = ProducedEvents.aDossierId();
      LocalDate decided = LocalDate.of(year, 2, 1 + i % 27);
      ProducedEvents.validated(dossier, departmentCode, "MG", true, decided).send();
      ProducedEvents.permit(dossier, departmentCode, decided.plusMonths(1)).send();
    }
  }

  /** Publishes one pathway refused in {@code departmentCode} during {@code year}. */
  public static void refusedPathway(String departmentCode, int year) {
    ProducedEvents.refused(
            ProducedEvents.aDossierId(), departmentCode, "KM", false, LocalDate.of(year, 4, 2))
        .send();
  }
}
