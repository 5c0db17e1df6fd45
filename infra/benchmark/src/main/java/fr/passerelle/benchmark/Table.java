package fr.passerelle.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's figures: each printed as soon as it is measured (a run that fails half-way still
 * shows what it measured), then all together as a Markdown table for the issue and the README.
 */
final class Table {

  private final List<String[]> rows = new ArrayList<>();

  void row(String what, String figure, String goal, String ratio) {
    rows.add(new String[] {what, figure, goal, ratio});
    System.out.printf("%s: %s%n", what, figure);
  }

  void print() {
    System.out.println();
    System.out.println("| what | measured | goal (issue 14) | ratio |");
    System.out.println("| --- | --- | --- | --- |");
    for (String[] row : rows) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
  }

  static String ratio(double value, double limit) {
    return "%.3g".formatted(value / limit);
  }
}
