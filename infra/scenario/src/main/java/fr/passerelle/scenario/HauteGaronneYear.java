package fr.passerelle.scenario;

import fr.passerelle.scenario.DepartmentYear.ApprovedAssociation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The history of the seed article: the Haute-Garonne commission from its installation in 2018 to
 * its review of Thursday 23 January 2020. Since its installation it studied 30 dossiers and
 * validated 28 pathways, 27 of them for Nigerian nationals who are victims of trafficking; 11
 * beneficiaries are in employment, 7 of them on a permanent contract (CDI). The other départements'
 * validated pathways make Haute-Garonne's 28 a share just above 10 % of the country's (28 of 276).
 *
 * <p>The article gives the year of the installation, the members, the figures and the day of the
 * review; every other date here is chosen to be plausible and is written down:
 *
 * <ul>
 *   <li>The three associations' approvals (agréments, for three years): l'Amicale du Nid 31 from 10
 *       July 2017, l'Association Jeunes Errants from 20 November 2017, le Mouvement du Nid from 15
 *       January 2018.
 *   <li>The commission sits on Thursdays: its installation on 12 April 2018 (no dossier yet), then
 *       21 June and 18 October 2018, 24 January, 18 April, 4 July and 17 October 2019, and 23
 *       January 2020, the session of the review, which studies renewals only.
 *   <li>First requests, 30 in all: 4 studied in June 2018, 5 in October 2018 (the Romanian
 *       national's refused), 5 in January 2019 (the Brazilian national's among them), 6 in April
 *       2019 (the Bulgarian national's refused), 5 in July 2019 and 5 in October 2019. Each was
 *       submitted 3, 4 or 5 weeks before its session, the plan signed by the person a week before
 *       that.
 *   <li>Renewals: each pathway still running is renewed at the session before its term ends, up to
 *       24 months (a request three weeks before the session; see {@link ScenarioLoader} for the
 *       decisions' dates): the pathways of June 2018 in October 2018, April 2019 and October 2019;
 *       of October 2018 in January 2019, July 2019 and January 2020; of January 2019 in July 2019
 *       and January 2020; of April and July 2019 in October 2019. So 24 pathways run on 31 January
 *       2020.
 *   <li>Ends: one person of June 2018 asks to end her pathway on 16 November 2018; one of October
 *       2018 has her renewal refused in July 2019 (commitments not kept) and her pathway ends at
 *       its term, on 22 October 2019; the préfet ends one of January 2019 early on 14 May 2019
 *       (commitments not kept); one of April 2019 asks to end hers on 6 September 2019.
 *   <li>Jobs, 11 with 7 on a CDI, among people whose pathway runs in January 2020: started between
 *       December 2018 and January 2020, some five months or more into the pathway. Three trainings,
 *       counted apart, started in September and October 2019 and January 2020.
 *   <li>Two Nigerian beneficiaries of October 2019 receive the asylum seekers' allowance (ADA):
 *       their AFIS is refused.
 * </ul>
 */
public final class HauteGaronneYear {

  /** The days the Haute-Garonne commission sat; the first is its installation. */
  static final List<LocalDate> HAUTE_GARONNE_SESSIONS =
      List.of(
          LocalDate.of(2018, 4, 12),
          LocalDate.of(2018, 6, 21),
          LocalDate.of(2018, 10, 18),
          LocalDate.of(2019, 1, 24),
          LocalDate.of(2019, 4, 18),
          LocalDate.of(2019, 7, 4),
          LocalDate.of(2019, 10, 17),
          LocalDate.of(2020, 1, 23));

  /** The last day of the period the article reviews. */
  public static final LocalDate REVIEWED_UNTIL = LocalDate.of(2020, 1, 31);

  /** The day the other départements' commissions sat, for their validated pathways. */
  private static final LocalDate ELSEWHERE_SESSION = LocalDate.of(2019, 6, 13);

  /** Validated pathways elsewhere in the country, in June 2019, by département. */
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
    // June 2018: renewed in October 2018, April and October 2019; one ends at her request.
    cohort(dossiers, 1, List.of(2, 4, 6), ng(0), ng(1), ng(2), ng(0));
    dossiers.set(
        3, dossiers.get(3).renewedAt(List.of()).endedEarly("PERSON_REQUEST", day(2018, 11, 16)));
    employ(dossiers, 0, "CDI", day(2018, 12, 3));
    employ(dossiers, 1, "CDI", day(2019, 2, 4));
    employ(dossiers, 2, "CDI", day(2019, 5, 6));
    // October 2018: renewed in January 2019, July 2019 and January 2020; one renewal refused.
    cohort(
        dossiers,
        2,
        List.of(3, 5, 7),
        ng(1),
        ng(2),
        ng(0),
        ng(1),
        Beneficiary.refused("RO", false));
    dossiers.set(7, dossiers.get(7).renewedAt(List.of(3)).renewalRefusedAt(5));
    employ(dossiers, 4, "CDI", day(2019, 3, 4));
    employ(dossiers, 5, "CDI", day(2019, 6, 3));
    employ(dossiers, 6, "CDD", day(2019, 9, 2));
    // January 2019: renewed in July 2019 and January 2020; the préfet ends one early.
    cohort(
        dossiers,
        3,
        List.of(5, 7),
        ng(2),
        ng(0),
        ng(1),
        Beneficiary.validated("BR", false, 0),
        ng(2));
    dossiers.set(
        13,
        dossiers.get(13).renewedAt(List.of()).endedEarly("COMMITMENTS_NOT_KEPT", day(2019, 5, 14)));
    employ(dossiers, 9, "CDI", day(2019, 7, 1));
    employ(dossiers, 10, "CDD", day(2019, 10, 7));
    // April 2019: renewed in October 2019; one ends at her request.
    cohort(
        dossiers,
        4,
        List.of(6),
        ng(0),
        ng(1),
        ng(2),
        ng(0),
        ng(1),
        Beneficiary.refused("BG", false));
    dossiers.set(
        17, dossiers.get(17).renewedAt(List.of()).endedEarly("PERSON_REQUEST", day(2019, 9, 6)));
    employ(dossiers, 14, "CDI", day(2019, 11, 4));
    employ(dossiers, 15, "INTEGRATION_CONTRACT", day(2019, 12, 2));
    dossiers.set(16, dossiers.get(16).inTrainingFrom(day(2019, 9, 9)));
    // July 2019: renewed in October 2019.
    cohort(dossiers, 5, List.of(6), ng(2), ng(0), ng(1), ng(2), ng(0));
    employ(dossiers, 20, "APPRENTICESHIP", day(2020, 1, 6));
    dossiers.set(21, dossiers.get(21).inTrainingFrom(day(2019, 10, 7)));
    // October 2019: in their first term in January 2020.
    cohort(dossiers, 6, List.of(), ng(1), ng(2), ng(0), ng(1), ng(2));
    dossiers.set(25, dossiers.get(25).inTrainingFrom(day(2020, 1, 13)));
    dossiers.set(28, dossiers.get(28).receivingAda());
    dossiers.set(29, dossiers.get(29).receivingAda());
    return new DepartmentYear(
        "31",
        HAUTE_GARONNE_COMMISSION,
        List.of(
            new ApprovedAssociation("Amicale du Nid 31", day(2017, 7, 10), day(2020, 7, 9)),
            new ApprovedAssociation(
                "Association Jeunes Errants", day(2017, 11, 20), day(2020, 11, 19)),
            new ApprovedAssociation("Mouvement du Nid", day(2018, 1, 15), day(2021, 1, 14))),
        HAUTE_GARONNE_SESSIONS,
        dossiers);
  }

  /** A Nigerian national, victim of trafficking, with that many children. */
  private static Beneficiary ng(int children) {
    return Beneficiary.validated("NG", true, children);
  }

  /**
   * The first requests one session studied, each submitted 3, 4 or 5 weeks before it by the
   * associations in turn, the validated renewed at {@code renewals}.
   */
  private static void cohort(
      List<Beneficiary> dossiers, int session, List<Integer> renewals, Beneficiary... people) {
    LocalDate sitting = HAUTE_GARONNE_SESSIONS.get(session);
    for (Beneficiary person : people) {
      int number = dossiers.size();
      Beneficiary submitted =
          person.submitted(number % 3, sitting.minusWeeks(3 + number % 3), session);
      dossiers.add(person.validated() ? submitted.renewedAt(renewals) : submitted);
    }
  }

  private static void employ(List<Beneficiary> dossiers, int index, String contract, LocalDate on) {
    dossiers.set(index, dossiers.get(index).employedOn(contract, on));
  }

  private static LocalDate day(int year, int month, int dayOfMonth) {
    return LocalDate.of(year, month, dayOfMonth);
  }

  private static DepartmentYear elsewhere(String department, int validated, int refused) {
    String[] nationalities = {"NG", "CN", "RO", "BR", "CM"};
    List<Beneficiary> dossiers = new ArrayList<>();
    LocalDate submittedOn = ELSEWHERE_SESSION.minusWeeks(4);
    IntStream.range(0, validated)
        .forEach(
            i ->
                dossiers.add(
                    Beneficiary.validated(
                            nationalities[i % nationalities.length], i % 4 != 3, i % 2)
                        .submitted(0, submittedOn, 0)));
    IntStream.range(0, refused)
        .forEach(i -> dossiers.add(Beneficiary.refused("RO", false).submitted(0, submittedOn, 0)));
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
        department,
        commission,
        List.of(
            new ApprovedAssociation(
                "Association agréée " + department,
                LocalDate.of(2018, 9, 1),
                LocalDate.of(2021, 8, 31))),
        List.of(ELSEWHERE_SESSION),
        dossiers);
  }
}
