package fr.passerelle.reporting.review.query;

import fr.passerelle.reporting.review.smallcells.CellTable;
import fr.passerelle.reporting.review.smallcells.SmallCells;
import fr.passerelle.reporting.review.smallcells.Suppression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every count that can leave the départements' staff for one period and instant, in one table: each
 * département's counts and breakdowns (what an analyst reads of it) and France's (the national
 * review), tied as a reader knows them: France's count is the sum of the départements', a breakdown
 * adds up to the count it splits (or, when a dossier holds several codes, each code is among the
 * count), victims are among the validated and jobs on a CDI among the jobs, and each département's
 * pathways in progress lie in the size band the national review publishes. Withholding cells on
 * this one table keeps every view of it consistent: a cell withheld in the national review is
 * withheld in the département's, and the other way round.
 */
final class ReviewCells {

  static final String FRANCE = "FR";

  private ReviewCells() {}

  /** The cell of a count of {@code place} (a département's code, or {@link #FRANCE}). */
  static String cell(String place, Count count) {
    return place + "." + count.field();
  }

  static String cell(String place, Breakdown breakdown, String code) {
    return place + "." + breakdown.field() + "." + code;
  }

  static Suppression suppress(
      Map<String, Figures> departements, Figures france, SmallCells smallCells) {
    return smallCells.suppress(table(departements, france));
  }

  static CellTable table(Map<String, Figures> departements, Figures france) {
    CellTable table = new CellTable();
    for (Count count : Count.values()) {
      List<String> parts = new ArrayList<>();
      departements.forEach(
          (code, figures) -> {
            table.cell(cell(code, count), figures.count(count));
            parts.add(cell(code, count));
          });
      table.cell(cell(FRANCE, count), france.count(count));
      table.sum(cell(FRANCE, count), parts);
    }
    // a breakdown is published for a département only (no review gives France's by code): its
    // codes add up to the count it splits
    for (Breakdown breakdown : Breakdown.values()) {
      departements.forEach(
          (place, figures) -> {
            List<String> parts = new ArrayList<>();
            figures
                .breakdown(breakdown)
                .forEach(
                    (code, value) -> {
                      table.cell(cell(place, breakdown, code), value);
                      parts.add(cell(place, breakdown, code));
                    });
            if (breakdown.splits() != null) {
              table.sum(cell(place, breakdown.splits()), parts);
            }
            if (breakdown.among() != null) {
              parts.forEach(part -> table.atMost(part, cell(place, breakdown.among())));
            }
          });
    }
    // a dossier's first unmet condition is among the conditions its refusal lists
    departements.forEach(
        (place, figures) ->
            figures
                .breakdown(Breakdown.AFIS_REFUSALS_BY_REASON)
                .keySet()
                .forEach(
                    code -> {
                      String first = cell(place, Breakdown.AFIS_REFUSALS_BY_REASON, code);
                      String listed = cell(place, Breakdown.AFIS_REFUSALS_BY_CONDITION, code);
                      if (table.has(listed)) {
                        table.atMost(first, listed);
                      }
                    }));
    for (Count count : Count.values()) {
      if (count.among() != null) {
        table.atMost(cell(FRANCE, count), cell(FRANCE, count.among()));
        departements
            .keySet()
            .forEach(place -> table.atMost(cell(place, count), cell(place, count.among())));
      }
    }
    departements.forEach(
        (place, figures) -> {
          SizeBands.Band band = SizeBands.bandOf(figures.count(Count.PATHWAYS_IN_PROGRESS));
          table.within(cell(place, Count.PATHWAYS_IN_PROGRESS), band.min(), band.max());
        });
    return table;
  }
}
