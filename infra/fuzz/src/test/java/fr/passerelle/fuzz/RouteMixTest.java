package fr.passerelle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;

/**
 * The edge cases jqwik mixes into the short form's few hundred requests come from every route, not
 * from the first of the table alone.
 */
class RouteMixTest {

  private static final int ROUTES = 60;
  private static final int SHORT_FORM = 300;

  /**
   * Routes whose requests, like the fuzzer's, combine several generators: their edge cases are the
   * combinations of each one's extremes, hundreds a route.
   */
  private static final List<Arbitrary<Integer>> BY_ROUTE =
      IntStream.range(0, ROUTES)
          .mapToObj(
              route ->
                  Combinators.combine(
                          Arbitraries.strings().ofMaxLength(300),
                          Arbitraries.integers(),
                          Arbitraries.strings().withChars("aé\u0000"))
                      .as((path, number, body) -> route))
          .toList();

  @Example
  void theEdgeCasesMixedInAreSharedAmongTheRoutes() {
    Map<Integer, Long> edgeCases =
        count(
            RouteMix.of(BY_ROUTE, 10_000).edgeCases(SHORT_FORM).suppliers().stream()
                .map(edgeCase -> edgeCase.get().value()));

    assertThat(edgeCases).hasSize(ROUTES);
    assertThat(edgeCases.values()).allMatch(n -> n == SHORT_FORM / ROUTES);
  }

  private static Map<Integer, Long> count(Stream<Integer> routes) {
    return routes.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
