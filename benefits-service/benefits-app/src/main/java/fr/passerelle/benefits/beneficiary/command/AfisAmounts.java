package fr.passerelle.benefits.beneficiary.command;

import java.util.List;

/**
 * The monthly AFIS amounts of one territory, in cents.
 *
 * @param byNumberOfChildren the amount for a household of one person with 0, 1, 2… children
 * @param eachFurtherChild what each child beyond the listed ones adds
 */
public record AfisAmounts(List<Long> byNumberOfChildren, long eachFurtherChild) {

  public AfisAmounts {
    byNumberOfChildren = List.copyOf(byNumberOfChildren);
    if (byNumberOfChildren.isEmpty()) {
      throw new IllegalArgumentException("at least the amount for a single person is needed");
    }
    if (byNumberOfChildren.stream().anyMatch(amount -> amount < 0) || eachFurtherChild < 0) {
      throw new IllegalArgumentException("AFIS amounts must not be negative");
    }
  }

  /** The monthly amount, in cents, for a household with {@code children} children. */
  public long forChildren(int children) {
    if (children < 0) {
      throw new IllegalArgumentException("children must not be negative");
    }
    int lastListed = byNumberOfChildren.size() - 1;
    if (children <= lastListed) {
      return byNumberOfChildren.get(children);
    }
    return byNumberOfChildren.get(lastListed) + (children - lastListed) * eachFurtherChild;
  }
}
