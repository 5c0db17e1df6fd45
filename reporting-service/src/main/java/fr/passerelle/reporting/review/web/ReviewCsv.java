package fr.passerelle.reporting.review.web;

import fr.passerelle.reporting.review.query.DepartmentReview;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;

/**
 * A departmental review as a CSV file for spreadsheets set to French: {@code ;} between columns, a
 * comma before decimals, one line per figure (RFC 4180 line ends), labels in French. A review as
 * known at an instant says which first.
 */
final class ReviewCsv {

  static final MediaType MEDIA_TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private static final String SEPARATOR = ";";
  private static final String LINE_END = "\r\n";

  private ReviewCsv() {}

  static String fileName(DepartmentReview review) {
    return "bilan-" + review.departmentCode() + "-" + review.year() + ".csv";
  }

  static String of(DepartmentReview review) {
    List<String> lines = new ArrayList<>();
    lines.add(line("indicateur", "valeur"));
    if (review.asOf() != null) {
      lines.add(line("Données connues au", review.asOf().toString()));
    }
    lines.add(line("Dossiers étudiés", review.dossiersStudied()));
    lines.add(line("Parcours validés", review.validated()));
    lines.add(line("Parcours refusés", review.refused()));
    review
        .validatedByNationality()
        .forEach(
            (nationality, validated) ->
                lines.add(line("Parcours validés — nationalité " + nationality, validated)));
    lines.add(line("Victimes de traite (parcours validés)", review.validatedTraffickingVictims()));
    lines.add(line("APS délivrées", review.permitsIssued()));
    lines.add(line("Bénéficiaires de l'AFIS", review.afisRecipients()));
    lines.add(line("Montant mensuel de l'AFIS (€)", euros(review.afisMonthlyTotalCents())));
    lines.add(line("Bénéficiaires en emploi", review.beneficiariesInEmployment()));
    lines.add(line("dont en CDI", review.beneficiariesOnCdi()));
    lines.add(
        line(
            "Part des parcours validés en France (%)",
            decimal(review.nationalShareOfValidatedPercent())));
    return String.join(LINE_END, lines) + LINE_END;
  }

  /** Euros from cents, with two decimals after a comma: {@code 1026000} is {@code 10260,00}. */
  static String euros(long cents) {
    return decimal(BigDecimal.valueOf(cents, 2));
  }

  /** A decimal with a comma, or nothing when there is no value. */
  static String decimal(BigDecimal value) {
    return value == null ? "" : value.toPlainString().replace('.', ',');
  }

  private static String line(String label, long value) {
    return line(label, Long.toString(value));
  }

  private static String line(String label, String value) {
    return label + SEPARATOR + value;
  }
}
