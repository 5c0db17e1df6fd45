package fr.passerelle.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The year of the seed article (the Haute-Garonne commission's second year): 30 dossiers studied,
 * 28 validated, 27 of them Nigerian nationals who are victims of trafficking; 11 beneficiaries in
 * employment, 7 of them on a permanent contract. The other départements' validated pathways make
 * Haute-Garonne's 28 a share just above 10 % of the country's (28 of 276).
 */
public final class HauteGaronneYear {

  /** Validated pathways elsewhere in the country that year, by département. */
  private static final List<Object[]> ELSEWHERE =
      List.of(
          new Object[] {"75", 60, 4},
          new Object[] {"69", 45, 2},
          new Object[] {"13", 30, 1},
          new Object[] {"38", 25, 0},
          new Object[] {"33", 20, 1},
          new Object[] {"59", 18, 0},
          new Object[] {"44", 15, 0},
          new Object[] {"67", 12, 1},
          new Object[] {"34", 10, 0},
          new Object[] {"06", 8, 0},
          new Object[] {"93", 5, 0});

  private HauteGaronneYear() {}

  public static List<DepartmentYear> scenario() {
    List<DepartmentYear> years = new ArrayList<>();
    years.add(hauteGaronne());
    for (Object[] elsewhere : ELSEWHERE) {
      years.add(elsewhere((String) elsewhere[0], (int) elsewhere[1], (int) elsewhere[2]));
    }
    return years;
  }

  static DepartmentYear hauteGaronne() {
    List<Beneficiary> dossiers = new ArrayList<>();
    String[] jobs = {
      "CDI",
      "CDI",
      "CDI",
      "CDI",
      "CDI",
      "CDI",
      "CDI",
      "CDD",
      "CDD",
      "INTEGRATION_CONTRACT",
      "APPRENTICESHIP"
    };
    for (int i = 0; i < 27; i++) {
      Beneficiary nigerian = Beneficiary.validated("NG", true, i % 3);
      if (i < jobs.length) {
        nigerian = nigerian.employedOn(jobs[i]);
      } else if (i >= 25) {
        nigerian = nigerian.receivingAda();
      }
      dossiers.add(nigerian);
    }
    dossiers.add(Beneficiary.validated("BR", false, 0));
    dossiers.add(Beneficiary.refused("RO", false));
    dossiers.add(Beneficiary.refused("BG", false));
    return new DepartmentYear(
        "31",
        20,
        List.of("Amicale du Nid 31", "Association Jeunes Errants", "Mouvement du Nid"),
        dossiers);
  }

  private static DepartmentYear elsewhere(String department, int validated, int refused) {
    String[] nationalities = {"NG", "CN", "RO", "BR", "CM"};
    List<Beneficiary> dossiers = new ArrayList<>();
    IntStream.range(0, validated)
        .forEach(
            i ->
                dossiers.add(
                    Beneficiary.validated(
                        nationalities[i % nationalities.length], i % 4 != 3, i % 2)));
    IntStream.range(0, refused).forEach(i -> dossiers.add(Beneficiary.refused("RO", false)));
    return new DepartmentYear(
        department, 18, List.of("Association agréée " + department), dossiers);
  }
}
