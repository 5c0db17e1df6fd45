package fr.passerelle.reporting.review.query;

import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.reporting.review.smallcells.CellTable;
import fr.passerelle.reporting.review.smallcells.SmallCells;
import fr.passerelle.reporting.review.smallcells.Suppression;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers a département's series, month by month, within one snapshot of the read model. What
 * leaves the département's staff is withheld month by month on the table of every département's
 * figures of that month at once, as the reviews do for a period: a month's cells are the same
 * whichever range and whichever département is asked for, so no two requests give each other away.
 */
@Component
public class SeriesQueryHandler {

  private static final String PATHWAYS_IN_PROGRESS = "pathwaysInProgress";
  private static final String IN_EMPLOYMENT = "beneficiariesInEmployment";
  private static final String BY_CONTRACT = "employmentByContractType";
  private static final String AFIS_RECIPIENTS_PAID = "afisRecipientsPaid";
  private static final String AFIS_PAID_CENTS = "afisPaidCents";

  /** The contracts of a job, in their order; a training is not a job. */
  private static final List<String> JOB_CONTRACTS =
      Arrays.stream(ContractType.values())
          .filter(type -> type != ContractType.TRAINING)
          .map(Enum::name)
          .toList();

  private final SeriesFacts facts;
  private final SmallCells smallCells;

  SeriesQueryHandler(SeriesFacts facts, SmallCells smallCells) {
    this.facts = facts;
    this.smallCells = smallCells;
  }

  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public DepartmentSeries handle(FindDepartmentSeriesQuery query) {
    String code = query.departmentCode();
    // outside the staff, whole calendar years are read: what a month withholds depends on its year
    YearMonth first = query.exact() ? query.from() : YearMonth.of(query.from().getYear(), 1);
    YearMonth last = query.exact() ? query.to() : YearMonth.of(query.to().getYear(), 12);
    Map<YearMonth, Map<String, MonthFigures>> figures =
        facts.figures(first, last, query.exact() ? code : null);
    Map<YearMonth, View> views = new TreeMap<>();
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      Map<String, MonthFigures> departements = figures.getOrDefault(month, Map.of());
      Suppression secrecy =
          query.exact() ? Suppression.NONE : smallCells.suppress(table(departements));
      views.put(
          month,
          new View(code, departements.getOrDefault(code, new MonthFigures()), secrecy, false));
    }
    if (!query.exact()) {
      withholdASecondAmountOfEachYear(views);
    }
    List<DepartmentSeries.Month> months = new ArrayList<>();
    List<String> withheld = new ArrayList<>();
    for (YearMonth month = query.from(); !month.isAfter(query.to()); month = month.plusMonths(1)) {
      View view = views.get(month);
      MonthFigures own = view.figures();
      months.add(
          new DepartmentSeries.Month(
              month.toString(),
              view.count(PATHWAYS_IN_PROGRESS, own.pathwaysInProgress()),
              view.count(IN_EMPLOYMENT, own.employed()),
              view.byContract(),
              view.count(AFIS_RECIPIENTS_PAID, own.afisRecipientsPaid()),
              view.amountPaid()));
      String prefix = month + ".";
      view.withheld().forEach(field -> withheld.add(prefix + field));
    }
    return new DepartmentSeries(
        code,
        query.from().toString(),
        query.to().toString(),
        months,
        query.exact() ? null : smallCells.threshold(),
        withheld);
  }

  /**
   * The months' amounts add up to the year's, which the département's review of that year publishes
   * when enough people were paid over the year: a month's amount withheld alone in its year would
   * be that sum less the others. Another month's amount is withheld with it, the smallest one paid
   * (the earliest of equal ones).
   */
  private static void withholdASecondAmountOfEachYear(Map<YearMonth, View> views) {
    Map<Integer, List<YearMonth>> years = new TreeMap<>();
    views.keySet().forEach(m -> years.computeIfAbsent(m.getYear(), y -> new ArrayList<>()).add(m));
    years.forEach(
        (year, months) -> {
          long withheld = months.stream().filter(m -> views.get(m).amountPaid() == null).count();
          if (withheld != 1) {
            return;
          }
          months.stream()
              .filter(m -> views.get(m).amountPaid() != null)
              .filter(m -> views.get(m).figures().afisPaidCents() > 0)
              .min(
                  Comparator.comparingLong((YearMonth m) -> views.get(m).figures().afisPaidCents())
                      .thenComparing(Comparator.naturalOrder()))
              .ifPresent(m -> views.put(m, views.get(m).withAmountWithheld()));
        });
  }

  /**
   * Every count of one month that can leave the départements' staff, tied as a reader knows them:
   * France's counts are the sums of the départements' (the national review of a year publishes them
   * for December), each contract's count is among the people in a job, and pathways in progress lie
   * in the size band the national review publishes.
   */
  static CellTable table(Map<String, MonthFigures> departements) {
    CellTable table = new CellTable();
    Map<String, List<String>> parts = new LinkedHashMap<>();
    departements.forEach(
        (code, month) -> {
          cell(table, parts, code, PATHWAYS_IN_PROGRESS, month.pathwaysInProgress());
          cell(table, parts, code, IN_EMPLOYMENT, month.employed());
          cell(table, parts, code, AFIS_RECIPIENTS_PAID, month.afisRecipientsPaid());
          month
              .employedByContractType()
              .forEach(
                  (contract, count) -> {
                    String id = cell(code, BY_CONTRACT + "." + contract);
                    table.cell(id, count);
                    table.atMost(id, cell(code, IN_EMPLOYMENT));
                  });
          SizeBands.Band band = SizeBands.bandOf(month.pathwaysInProgress());
          table.within(cell(code, PATHWAYS_IN_PROGRESS), band.min(), band.max());
        });
    for (String field : List.of(PATHWAYS_IN_PROGRESS, IN_EMPLOYMENT, AFIS_RECIPIENTS_PAID)) {
      List<String> members = parts.getOrDefault(field, List.of());
      long total = members.stream().mapToLong(table::value).sum();
      String france = cell(ReviewCells.FRANCE, field);
      table.cell(france, total);
      table.sum(france, members);
    }
    return table;
  }

  private static void cell(
      CellTable table, Map<String, List<String>> parts, String code, String field, long value) {
    String id = cell(code, field);
    table.cell(id, value);
    parts.computeIfAbsent(field, f -> new ArrayList<>()).add(id);
  }

  private static String cell(String place, String field) {
    return place + "." + field;
  }

  /**
   * The département's figures of a month as published: withheld cells as null, and its amount too
   * when {@code amountWithheld} (withheld with another month's of its year).
   */
  private record View(
      String place, MonthFigures figures, Suppression secrecy, boolean amountWithheld) {

    View withAmountWithheld() {
      return new View(place, figures, secrecy, true);
    }

    Long count(String field, long value) {
      return secrecy.published(cell(place, field), value);
    }

    Map<String, Long> byContract() {
      Set<String> contracts = new LinkedHashSet<>(JOB_CONTRACTS);
      contracts.addAll(figures.employedByContractType().keySet());
      Map<String, Long> published = new LinkedHashMap<>();
      contracts.forEach(
          contract ->
              published.put(
                  contract, count(BY_CONTRACT + "." + contract, figures.employedOn(contract))));
      return published;
    }

    /** Withheld with the count of its recipients: one person's amount says what they receive. */
    Long amountPaid() {
      return amountWithheld || count(AFIS_RECIPIENTS_PAID, figures.afisRecipientsPaid()) == null
          ? null
          : figures.afisPaidCents();
    }

    /** The withheld figures of this place, by their names in a month. */
    List<String> withheld() {
      List<String> names = new ArrayList<>();
      String own = place + ".";
      for (String cell : secrecy.sorted()) {
        if (cell.startsWith(own)) {
          names.add(cell.substring(own.length()));
        }
      }
      if (amountPaid() == null) {
        names.add(AFIS_PAID_CENTS);
      }
      return names.stream().sorted().toList();
    }
  }
}
