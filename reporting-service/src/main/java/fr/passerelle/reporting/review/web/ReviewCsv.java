package fr.passerelle.reporting.review.web;

import fr.passerelle.reporting.review.query.DepartmentReview;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * A departmental review as a CSV file for spreadsheets set to French: {@code ;} between columns, a
 * comma before decimals, one line per figure (RFC 4180 line ends), labels in French. A review as
 * known at an instant says which first. A withheld figure reads {@code s} (secret statistique), as
 * in the national statistics' tables, and a last line says why.
 */
final class ReviewCsv {

  static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

  static final String SECRET = "s";

  private static final String SEPARATOR = ";";
  private static final String LINE_END = "\r\n";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ReviewCsv() {}

  static String fileName(DepartmentReview review) {
    String period =
        review.year() != null
            ? review.year().toString()
            : (review.from() == null ? "installation" : review.from().toString())
                + "-"
                + review.to();
    return "bilan-" + review.departmentCode() + "-" + period + ".csv";
  }

  static String of(DepartmentReview review) {
    String end = day(review.to());
    List<String> lines = new ArrayList<>();
    lines.add(line("indicateur", "valeur"));
    if (review.asOf() != null) {
      lines.add(line("Données connues au", review.asOf().toString()));
    }
    lines.add(
        line(
            "Période",
            review.from() == null
                ? "de l'installation de la commission au " + end
                : "du " + day(review.from()) + " au " + end));
    lines.add(line("Dossiers étudiés", review.dossiersStudied()));
    lines.add(line("Parcours validés", review.validated()));
    lines.add(line("Parcours refusés", review.refused()));
    lines.add(
        line("Taux de refus (%)", rate(review, review.refusalRatePercent(), "refusalRatePercent")));
    review
        .validatedByNationality()
        .forEach(
            (nationality, validated) ->
                lines.add(line("Parcours validés — nationalité " + nationality, validated)));
    lines.add(line("Victimes de traite (parcours validés)", review.validatedTraffickingVictims()));
    lines.add(line("Premières demandes enregistrées", review.firstRequestsRegistered()));
    lines.add(line("Demandes de renouvellement enregistrées", review.renewalRequestsRegistered()));
    lines.add(line("Renouvellements accordés", review.pathwaysRenewed()));
    lines.add(line("Renouvellements refusés", review.renewalsRefused()));
    lines.add(
        line(
            "Taux de refus des renouvellements (%)",
            rate(review, review.renewalRefusalRatePercent(), "renewalRefusalRatePercent")));
    lines.add(line("Parcours en cours au " + end, review.pathwaysInProgress()));
    lines.add(line("Personnes accompagnées sur la période", review.peopleAccompanied()));
    lines.add(line("Parcours terminés sur la période", review.pathwaysEnded()));
    lines.add(line("APS délivrées", review.permitsIssued()));
    lines.add(line("dont renouvelées", review.permitsRenewed()));
    lines.add(line("APS en cours de validité au " + end, review.permitsInForce()));
    lines.add(line("Bénéficiaires de l'AFIS", review.afisRecipients()));
    lines.add(
        line(
            "Montant mensuel de l'AFIS (€)",
            review.afisMonthlyTotalCents() == null
                ? SECRET
                : euros(review.afisMonthlyTotalCents())));
    lines.add(line("Bénéficiaires de l'AFIS au " + end, review.afisRecipientsAtEnd()));
    lines.add(line("Personnes payées de l'AFIS sur la période", review.afisRecipientsPaid()));
    lines.add(
        line(
            "AFIS versée pour les mois de la période (€)",
            review.afisPaidCents() == null ? SECRET : euros(review.afisPaidCents())));
    lines.add(line("AFIS refusées", review.afisRefusals()));
    review
        .afisRefusalsByReason()
        .forEach((reason, refused) -> lines.add(line("AFIS refusées — motif " + reason, refused)));
    review
        .afisRefusalsByCondition()
        .forEach(
            (condition, refused) ->
                lines.add(line("AFIS refusées — condition non remplie " + condition, refused)));
    lines.add(line("Bénéficiaires en emploi au " + end, review.beneficiariesInEmployment()));
    lines.add(line("dont en CDI", review.beneficiariesOnCdi()));
    lines.add(line("Bénéficiaires en formation au " + end, review.beneficiariesInTraining()));
    lines.add(line("Bénéficiaires logés ou hébergés au " + end, review.beneficiariesWithHousing()));
    review
        .beneficiariesByHousingStep()
        .forEach((step, housed) -> lines.add(line("Logement au " + end + " — " + step, housed)));
    lines.add(
        line(
            "Part des parcours validés en France (%)",
            rate(
                review,
                review.nationalShareOfValidatedPercent(),
                "nationalShareOfValidatedPercent")));
    if (!review.withheld().isEmpty()) {
      lines.add(
          line(
              SECRET,
              "secret statistique : effectif de 1 à %d, ou qui permettrait d'en retrouver un"
                  .formatted(review.secrecyThreshold() - 1)));
    }
    return String.join(LINE_END, lines) + LINE_END;
  }

  /**
   * A share, {@code s} when it is withheld (a share of withheld counts is withheld with them),
   * empty when there is none (nothing to share).
   */
  private static String rate(DepartmentReview review, BigDecimal share, String name) {
    return review.withheld().contains(name) ? SECRET : decimal(share);
  }

  /** Euros from cents, with two decimals after a comma: {@code 1026000} is {@code 10260,00}. */
  static String euros(long cents) {
    return decimal(BigDecimal.valueOf(cents, 2));
  }

  /** A decimal with a comma, or nothing when there is no value. */
  static String decimal(BigDecimal value) {
    return value == null ? "" : value.toPlainString().replace('.', ',');
  }

  private static String day(LocalDate day) {
    return DAY.format(day);
  }

  /** A count, or {@code s} when it is withheld. */
  private static String line(String label, Long value) {
    return line(label, value == null ? SECRET : Long.toString(value));
  }

  private static String line(String label, String value) {
    return label + SEPARATOR + value;
  }
}
