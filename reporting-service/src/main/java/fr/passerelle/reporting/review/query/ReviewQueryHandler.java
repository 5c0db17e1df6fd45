package fr.passerelle.reporting.review.query;

import fr.passerelle.reporting.review.smallcells.SmallCells;
import fr.passerelle.reporting.review.smallcells.Suppression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the departmental and national reviews. Every figure is computed from the projected facts
 * when asked, within one snapshot of the read model, so that the figures of a review agree; what
 * leaves the département's staff is withheld on the table of every département's figures at once
 * ({@link ReviewCells}), so that no two views of the same period give each other away.
 */
@Component
public class ReviewQueryHandler {

  private static final int LARGEST = 5;

  private final ReviewFacts facts;
  private final SmallCells smallCells;

  ReviewQueryHandler(ReviewFacts facts, SmallCells smallCells) {
    this.facts = facts;
    this.smallCells = smallCells;
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public DepartmentReview handle(FindDepartmentReviewQuery query) {
    Map<String, Figures> departements = facts.figures(query.period(), query.asOf(), null);
    Figures france = Figures.sum(departements.values());
    Suppression secrecy =
        query.exact() ? Suppression.NONE : ReviewCells.suppress(departements, france, smallCells);
    String code = query.departmentCode();
    Figures figures = departements.getOrDefault(code, new Figures());
    View view = new View(code, figures, secrecy);
    boolean shareWithheld =
        secrecy.anySuppressed(
            ReviewCells.cell(code, Count.VALIDATED),
            ReviewCells.cell(ReviewCells.FRANCE, Count.VALIDATED));
    List<String> withheld = new ArrayList<>(view.withheld(""));
    if (shareWithheld) {
      withheld.add("nationalShareOfValidatedPercent");
    }
    return new DepartmentReview(
        code,
        query.period().calendarYear(),
        query.period().from(),
        query.period().to(),
        query.asOf(),
        view.studied(),
        view.count(Count.VALIDATED),
        view.count(Count.REFUSED),
        view.refusalRate(),
        view.breakdown(Breakdown.VALIDATED_BY_NATIONALITY),
        view.count(Count.VALIDATED_TRAFFICKING_VICTIMS),
        view.count(Count.FIRST_REQUESTS_REGISTERED),
        view.count(Count.RENEWAL_REQUESTS_REGISTERED),
        view.count(Count.PATHWAYS_RENEWED),
        view.count(Count.RENEWALS_REFUSED),
        view.renewalRefusalRate(),
        view.count(Count.PATHWAYS_IN_PROGRESS),
        view.count(Count.PEOPLE_ACCOMPANIED),
        view.count(Count.PATHWAYS_ENDED),
        view.count(Count.PERMITS_ISSUED),
        view.count(Count.PERMITS_RENEWED),
        view.count(Count.PERMITS_IN_FORCE),
        view.count(Count.AFIS_RECIPIENTS),
        view.amount(Amount.AFIS_MONTHLY_TOTAL_CENTS),
        view.count(Count.AFIS_RECIPIENTS_AT_END),
        view.count(Count.AFIS_RECIPIENTS_PAID),
        view.amount(Amount.AFIS_PAID_CENTS),
        view.count(Count.AFIS_REFUSALS),
        view.breakdown(Breakdown.AFIS_REFUSALS_BY_REASON),
        view.breakdown(Breakdown.AFIS_REFUSALS_BY_CONDITION),
        view.count(Count.BENEFICIARIES_IN_EMPLOYMENT),
        view.count(Count.BENEFICIARIES_ON_CDI),
        view.count(Count.BENEFICIARIES_IN_TRAINING),
        view.count(Count.BENEFICIARIES_WITH_HOUSING),
        view.breakdown(Breakdown.BENEFICIARIES_BY_HOUSING_STEP),
        shareWithheld
            ? null
            : Percentages.of(figures.count(Count.VALIDATED), france.count(Count.VALIDATED)),
        query.exact() ? null : secrecy.threshold(),
        withheld.stream().sorted().toList());
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public NationalReview handle(FindNationalReviewQuery query) {
    ReviewPeriod year = ReviewPeriod.year(query.year());
    Map<String, Figures> departements = facts.figures(year, query.asOf(), null);
    Figures france = Figures.sum(departements.values());
    Suppression secrecy = ReviewCells.suppress(departements, france, smallCells);
    View view = new View(ReviewCells.FRANCE, france, secrecy);
    List<String> withheld = new ArrayList<>(view.withheld(""));
    for (String code : departements.keySet()) {
      for (Count listed : List.of(Count.PATHWAYS_IN_PROGRESS, Count.VALIDATED)) {
        if (secrecy.isSuppressed(ReviewCells.cell(code, listed))) {
          withheld.add("departments." + code + "." + listed.field());
        }
      }
    }
    BigDecimal fiveLargestShare = fiveLargestShare(departements, france, secrecy);
    if (fiveLargestShare == null && france.count(Count.PATHWAYS_IN_PROGRESS) > 0) {
      withheld.add("fiveLargestSharePercent");
    }
    return new NationalReview(
        query.year(),
        query.asOf(),
        view.studied(),
        view.count(Count.VALIDATED),
        view.count(Count.REFUSED),
        view.refusalRate(),
        view.count(Count.VALIDATED_TRAFFICKING_VICTIMS),
        view.count(Count.FIRST_REQUESTS_REGISTERED),
        view.count(Count.RENEWAL_REQUESTS_REGISTERED),
        view.count(Count.PATHWAYS_RENEWED),
        view.count(Count.RENEWALS_REFUSED),
        view.renewalRefusalRate(),
        view.count(Count.PATHWAYS_IN_PROGRESS),
        view.count(Count.PEOPLE_ACCOMPANIED),
        view.count(Count.PATHWAYS_ENDED),
        view.count(Count.PERMITS_ISSUED),
        view.count(Count.PERMITS_RENEWED),
        view.count(Count.PERMITS_IN_FORCE),
        view.count(Count.AFIS_RECIPIENTS),
        view.amount(Amount.AFIS_MONTHLY_TOTAL_CENTS),
        view.count(Count.AFIS_RECIPIENTS_AT_END),
        view.count(Count.AFIS_RECIPIENTS_PAID),
        view.amount(Amount.AFIS_PAID_CENTS),
        view.count(Count.AFIS_REFUSALS),
        view.count(Count.BENEFICIARIES_IN_EMPLOYMENT),
        view.count(Count.BENEFICIARIES_ON_CDI),
        view.count(Count.BENEFICIARIES_IN_TRAINING),
        view.count(Count.BENEFICIARIES_WITH_HOUSING),
        departments(departements, france, secrecy),
        SizeBands.of(inProgress(departements)),
        fiveLargestShare,
        secrecy.threshold(),
        withheld.stream().sorted().toList());
  }

  /** Published lines by pathways in progress, most first; withheld ones after, by code. */
  private static List<NationalReview.DepartmentLine> departments(
      Map<String, Figures> departements, Figures france, Suppression secrecy) {
    long total = france.count(Count.PATHWAYS_IN_PROGRESS);
    boolean totalWithheld =
        secrecy.isSuppressed(ReviewCells.cell(ReviewCells.FRANCE, Count.PATHWAYS_IN_PROGRESS));
    List<NationalReview.DepartmentLine> lines = new ArrayList<>();
    departements.forEach(
        (code, figures) -> {
          if (figures.count(Count.PATHWAYS_IN_PROGRESS) == 0
              && figures.count(Count.VALIDATED) == 0) {
            return;
          }
          View view = new View(code, figures, secrecy);
          Long inProgress = view.count(Count.PATHWAYS_IN_PROGRESS);
          lines.add(
              new NationalReview.DepartmentLine(
                  code,
                  inProgress,
                  inProgress == null || totalWithheld ? null : Percentages.of(inProgress, total),
                  view.count(Count.VALIDATED)));
        });
    lines.sort(
        Comparator.comparing(
                (NationalReview.DepartmentLine line) -> line.pathwaysInProgress() == null)
            .thenComparing(
                line -> line.pathwaysInProgress() == null ? 0 : -line.pathwaysInProgress())
            .thenComparing(NationalReview.DepartmentLine::departmentCode));
    return lines;
  }

  private static Map<String, Long> inProgress(Map<String, Figures> departements) {
    Map<String, Long> inProgress = new LinkedHashMap<>();
    departements.forEach(
        (code, figures) -> inProgress.put(code, figures.count(Count.PATHWAYS_IN_PROGRESS)));
    return inProgress;
  }

  /** Null when one of the five (or France's total) is withheld: their sum would give it away. */
  private static BigDecimal fiveLargestShare(
      Map<String, Figures> departements, Figures france, Suppression secrecy) {
    List<String> largest =
        departements.entrySet().stream()
            .sorted(
                Comparator.comparingLong(
                        (Map.Entry<String, Figures> e) ->
                            -e.getValue().count(Count.PATHWAYS_IN_PROGRESS))
                    .thenComparing(Map.Entry::getKey))
            .limit(LARGEST)
            .map(Map.Entry::getKey)
            .toList();
    List<String> cells = new ArrayList<>();
    largest.forEach(code -> cells.add(ReviewCells.cell(code, Count.PATHWAYS_IN_PROGRESS)));
    cells.add(ReviewCells.cell(ReviewCells.FRANCE, Count.PATHWAYS_IN_PROGRESS));
    if (secrecy.anySuppressed(cells.toArray(String[]::new))) {
      return null;
    }
    long five =
        largest.stream()
            .mapToLong(code -> departements.get(code).count(Count.PATHWAYS_IN_PROGRESS))
            .sum();
    return Percentages.of(five, france.count(Count.PATHWAYS_IN_PROGRESS));
  }

  /** A place's figures as published: withheld cells as null. */
  private record View(String place, Figures figures, Suppression secrecy) {

    Long count(Count count) {
      return secrecy.published(ReviewCells.cell(place, count), figures.count(count));
    }

    Long amount(Amount amount) {
      return secrecy.isSuppressed(ReviewCells.cell(place, amount.recipients()))
          ? null
          : figures.amount(amount);
    }

    /** Validated and refused, when both are published. */
    Long studied() {
      return count(Count.VALIDATED) == null || count(Count.REFUSED) == null
          ? null
          : figures.studied();
    }

    BigDecimal refusalRate() {
      return studied() == null
          ? null
          : Percentages.of(figures.count(Count.REFUSED), figures.studied());
    }

    /** Renewals refused out of renewals decided, when both counts are published. */
    BigDecimal renewalRefusalRate() {
      Long renewed = count(Count.PATHWAYS_RENEWED);
      Long refused = count(Count.RENEWALS_REFUSED);
      return renewed == null || refused == null ? null : Percentages.of(refused, renewed + refused);
    }

    /** Published codes by count (most first, then code); withheld ones after, by code. */
    Map<String, Long> breakdown(Breakdown breakdown) {
      Map<String, Long> published = new LinkedHashMap<>();
      List<String> withheld = new ArrayList<>();
      figures.breakdown(breakdown).entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .forEach(
              entry -> {
                if (secrecy.isSuppressed(ReviewCells.cell(place, breakdown, entry.getKey()))) {
                  withheld.add(entry.getKey());
                } else {
                  published.put(entry.getKey(), entry.getValue());
                }
              });
      withheld.stream().sorted().forEach(code -> published.put(code, null));
      return published;
    }

    /** The withheld figures of this place, named as in its review, with {@code prefix}. */
    List<String> withheld(String prefix) {
      TreeSet<String> names = new TreeSet<>();
      String own = place + ".";
      for (String cell : secrecy.suppressed()) {
        if (cell.startsWith(own)) {
          names.add(prefix + cell.substring(own.length()));
        }
      }
      if (studied() == null) {
        names.add(prefix + "dossiersStudied");
        names.add(prefix + "refusalRatePercent");
      }
      if (count(Count.PATHWAYS_RENEWED) == null || count(Count.RENEWALS_REFUSED) == null) {
        names.add(prefix + "renewalRefusalRatePercent");
      }
      for (Amount amount : Amount.values()) {
        if (amount(amount) == null) {
          names.add(prefix + amount.field());
        }
      }
      return List.copyOf(names);
    }
  }
}
