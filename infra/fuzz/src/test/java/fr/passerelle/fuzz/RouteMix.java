package fr.passerelle.fuzz;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCases;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

/**
 * One of the routes' requests, each route as likely as the others, and each route given its share
 * of the edge cases (its generators' extremes) that jqwik mixes in.
 *
 * <p>jqwik's own {@code oneOf} takes the edge cases of its alternatives in order, up to a limit
 * that grows with the number of tries: in the fuzzer's short form, the first routes' edge cases
 * filled it, and a third of the 300 requests went to the first route of the table. Here each route
 * gives the same number of edge cases.
 *
 * <p>Generation is also capped at {@code maxGenerationSize} (see {@code FuzzIT}).
 */
final class RouteMix {

  private RouteMix() {}

  static <T> Arbitrary<T> of(List<Arbitrary<T>> byRoute, int maxGenerationSize) {
    Arbitrary<T> any = Arbitraries.oneOf(byRoute);
    return new ArbitraryDecorator<>() {
      @Override
      protected Arbitrary<T> arbitrary() {
        return any;
      }

      @Override
      public RandomGenerator<T> generator(int genSize) {
        return any.generator(Math.min(genSize, maxGenerationSize));
      }

      @Override
      public RandomGenerator<T> generatorWithEmbeddedEdgeCases(int genSize) {
        int size = Math.min(genSize, maxGenerationSize);
        return generator(size).withEdgeCases(size, edgeCases(size));
      }

      @Override
      public EdgeCases<T> edgeCases(int maxEdgeCases) {
        return spread(byRoute, Math.min(maxEdgeCases, maxGenerationSize));
      }
    };
  }

  /**
   * The routes' edge cases, an equal share of {@code maxEdgeCases} each, one route after another.
   */
  private static <T> EdgeCases<T> spread(List<Arbitrary<T>> byRoute, int maxEdgeCases) {
    int share = Math.max(1, maxEdgeCases / byRoute.size());
    List<Iterator<Supplier<Shrinkable<T>>>> routes =
        byRoute.stream().map(route -> route.edgeCases(share).suppliers().iterator()).toList();
    List<Supplier<Shrinkable<T>>> spread = new ArrayList<>();
    boolean more = true;
    while (more && spread.size() < maxEdgeCases) {
      more = false;
      for (Iterator<Supplier<Shrinkable<T>>> route : routes) {
        if (route.hasNext() && spread.size() < maxEdgeCases) {
          spread.add(route.next());
          more = true;
        }
      }
    }
    return EdgeCases.fromSuppliers(spread);
  }
}
