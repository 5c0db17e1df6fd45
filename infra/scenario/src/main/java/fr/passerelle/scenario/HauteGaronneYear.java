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

  /**
   * The 20 members the article lists: the State and its services, the procureur, the local
   * authorities, the ordre des médecins and the three approved associations.
   */
  static final List<CommissionSeat> HAUTE_GARONNE_COMMISSION =
      List.of(
          CommissionSeat.of("Le préfet de la Haute-Garonne", "STATE_SERVICES"),
          CommissionSeat.of("Le sous-préfet chargé de la politique de la ville", "STATE_SERVICES"),
          CommissionSeat.of(
              "La déléguée départementale aux droits des femmes et à l'égalité", "STATE_SERVICES"),
          CommissionSeat.of("Le directeur départemental de la cohésion sociale", "STATE_SERVICES"),
          CommissionSeat.of(
              "Le directeur de l'unité départementale de la DIRECCTE", "STATE_SERVICES"),
          CommissionSeat.of(
              "La cheffe du service des étrangers de la préfecture", "STATE_SERVICES"),
          CommissionSeat.of(
              "Le délégué départemental de l'agence régionale de santé", "STATE_SERVICES"),
          CommissionSeat.of(
              "Le directeur académique des services de l'Éducation nationale", "STATE_SERVICES"),
          CommissionSeat.of(
              "Le directeur départemental de la sécurité publique", "POLICE_GENDARMERIE"),
          CommissionSeat.of(
              "Le commandant du groupement de gendarmerie départementale", "POLICE_GENDARMERIE"),
          CommissionSeat.of(
              "Le procureur de la République près le tribunal de Toulouse", "JUSTICE"),
          CommissionSeat.of("Le président du conseil départemental", "LOCAL_AUTHORITIES"),
          CommissionSeat.of(
              "La vice-présidente du conseil départemental chargée des solidarités",
              "LOCAL_AUTHORITIES"),
          CommissionSeat.of("Le maire de Toulouse", "LOCAL_AUTHORITIES"),
          CommissionSeat.of("Le président de Toulouse Métropole", "LOCAL_AUTHORITIES"),
          CommissionSeat.of("La présidente de la région Occitanie", "LOCAL_AUTHORITIES"),
          CommissionSeat.of(
              "Le président du conseil départemental de l'ordre des médecins", "HEALTH"),
          CommissionSeat.association("L'Amicale du Nid 31", 0),
          CommissionSeat.association("L'Association Jeunes Errants", 1),
          CommissionSeat.association("Le Mouvement du Nid", 2));

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
        HAUTE_GARONNE_COMMISSION,
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
    List<CommissionSeat> commission = new ArrayList<>();
    commission.add(CommissionSeat.of("Le préfet", "STATE_SERVICES"));
    String[] categories = {
      "STATE_SERVICES", "JUSTICE", "POLICE_GENDARMERIE", "LOCAL_AUTHORITIES", "HEALTH"
    };
    for (int seat = 2; seat <= 17; seat++) {
      commission.add(CommissionSeat.of("Membre n° " + seat, categories[seat % categories.length]));
    }
    commission.add(CommissionSeat.association("L'association agréée", 0));
    return new DepartmentYear(
        department, commission, List.of("Association agréée " + department), dossiers);
  }
}
