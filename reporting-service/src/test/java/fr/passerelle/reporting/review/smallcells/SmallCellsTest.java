package fr.passerelle.reporting.review.smallcells;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Statistical secrecy tried on tables shaped like the reviews that leave a département: for each
 * figure, France's count is the sum of the départements'; a département's validated pathways are
 * the sum of its nationalities'; victims are among the validated, jobs on a CDI among the jobs;
 * each département's pathways in progress lie in a published size band. Every withheld cell is then
 * attacked from every published cell and relation, by search.
 */
class SmallCellsTest {

  /** One département's counts. */
  record Departement(
      List<Integer> validatedByNationality,
      int refused,
      int victims,
      int employed,
      int onCdi,
      int inProgress) {

    int validated() {
      return validatedByNationality.stream().mapToInt(Integer::intValue).sum();
    }
  }

  @Property(tries = 300)
  void everyCountUnderTheThresholdIsWithheldAndNoZeroIs(
      @ForAll("departements") List<Departement> departements,
      @ForAll @IntRange(min = 2, max = 11) int k) {
    CellTable table = table(departements);

    Suppression suppression = new SmallCells(k).suppress(table);

    table
        .cells()
        .forEach(
            (cell, value) -> {
              if (value > 0 && value < k) {
                assertThat(suppression.primary()).contains(cell);
              }
              if (value == 0) {
                assertThat(suppression.suppressed()).doesNotContain(cell);
              }
            });
  }

  // The attacker searches every assignment the published cells allow: exponential in the cells
  // withheld, so its tables hold at most two départements (every shape of tie still occurs).
  @Property(tries = 100)
  void noWithheldCellCanBeRecoveredFromWhatIsPublished(
      @ForAll("twoDepartements") List<Departement> departements,
      @ForAll @IntRange(min = 2, max = 11) int k) {
    CellTable table = table(departements);
    Suppression suppression = new SmallCells(k).suppress(table);
    long ceiling =
        2 * table.cells().values().stream().mapToLong(Long::longValue).max().orElse(0) + 2;
    Attacker attacker = new Attacker(table, suppression.suppressed(), ceiling);

    for (String cell : suppression.sorted()) {
      assertThat(attacker.cannotTell(cell))
          .as("%s = %d recovered, withheld %s", cell, table.value(cell), suppression.sorted())
          .isTrue();
    }
  }

  @Example
  void twoSmallCellsOfOneSumAreNotGivenAwayByTheirTotal() {
    // 1 + 1 = 2: withholding both alone would give them away, a withheld cell being at least one
    CellTable table =
        new CellTable()
            .cell("a", 1)
            .cell("b", 1)
            .cell("c", 30)
            .cell("total", 32)
            .sum("total", List.of("a", "b", "c"));

    Suppression suppression = new SmallCells(11).suppress(table);

    assertThat(suppression.suppressed()).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(new Attacker(table, suppression.suppressed(), 70).cannotTell("a")).isTrue();
  }

  @Example
  void aSingleSmallCellTakesTheSmallestOtherPartWithIt() {
    CellTable table =
        new CellTable()
            .cell("NG", 27)
            .cell("RO", 1)
            .cell("CM", 14)
            .cell("validated", 42)
            .sum("validated", List.of("NG", "RO", "CM"));

    Suppression suppression = new SmallCells(11).suppress(table);

    assertThat(suppression.primary()).containsExactly("RO");
    assertThat(suppression.sorted()).containsExactly("CM", "RO");
  }

  @Provide
  Arbitrary<List<Departement>> departements() {
    Arbitrary<Integer> small = Arbitraries.integers().between(0, 14);
    Arbitrary<Departement> departement =
        Combinators.combine(
                small.list().ofMinSize(1).ofMaxSize(2),
                small,
                Arbitraries.integers().between(0, 100),
                small,
                Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(0, 25))
            .as(
                (nationalities, refused, victimShare, employed, cdiShare, inProgress) -> {
                  int validated = nationalities.stream().mapToInt(Integer::intValue).sum();
                  return new Departement(
                      nationalities,
                      refused,
                      validated * victimShare / 100,
                      employed,
                      employed * cdiShare / 100,
                      inProgress);
                });
    return departement.list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<Departement>> twoDepartements() {
    return departements().filter(departements -> departements.size() <= 2);
  }

  /** The review's shape: see the class comment. */
  static CellTable table(List<Departement> departements) {
    CellTable table = new CellTable();
    Map<String, List<String>> byFigure =
        Map.of(
            "validated", new ArrayList<>(),
            "refused", new ArrayList<>(),
            "victims", new ArrayList<>(),
            "employed", new ArrayList<>(),
            "onCdi", new ArrayList<>(),
            "inProgress", new ArrayList<>());
    long[] national = new long[6];
    for (int d = 0; d < departements.size(); d++) {
      Departement departement = departements.get(d);
      String prefix = "d" + d + ".";
      List<String> nationalities = new ArrayList<>();
      for (int n = 0; n < departement.validatedByNationality().size(); n++) {
        String cell = prefix + "validated.n" + n;
        table.cell(cell, departement.validatedByNationality().get(n));
        nationalities.add(cell);
      }
      table.cell(prefix + "validated", departement.validated());
      table.sum(prefix + "validated", nationalities);
      table.cell(prefix + "refused", departement.refused());
      table.cell(prefix + "victims", departement.victims());
      table.atMost(prefix + "victims", prefix + "validated");
      table.cell(prefix + "employed", departement.employed());
      table.cell(prefix + "onCdi", departement.onCdi());
      table.atMost(prefix + "onCdi", prefix + "employed");
      table.cell(prefix + "inProgress", departement.inProgress());
      long[] band = band(departement.inProgress());
      table.within(prefix + "inProgress", band[0], band[1]);
      long[] values = {
        departement.validated(),
        departement.refused(),
        departement.victims(),
        departement.employed(),
        departement.onCdi(),
        departement.inProgress()
      };
      int f = 0;
      for (String figure :
          List.of("validated", "refused", "victims", "employed", "onCdi", "inProgress")) {
        byFigure.get(figure).add(prefix + figure);
        national[f] += values[f];
        f++;
      }
    }
    int f = 0;
    for (String figure :
        List.of("validated", "refused", "victims", "employed", "onCdi", "inProgress")) {
      table.cell("france." + figure, national[f++]);
      table.sum("france." + figure, byFigure.get(figure));
    }
    table.atMost("france.victims", "france.validated");
    table.atMost("france.onCdi", "france.employed");
    return table;
  }

  /** The ministry's size bands: 0, 1-5, 6-10, 11-20, more than 20. */
  static long[] band(long count) {
    if (count == 0) {
      return new long[] {0, 0};
    }
    if (count <= 5) {
      return new long[] {1, 5};
    }
    if (count <= 10) {
      return new long[] {6, 10};
    }
    return count <= 20 ? new long[] {11, 20} : new long[] {21, Long.MAX_VALUE / 4};
  }
}
