package fr.passerelle.scenario;

/**
 * A seat of a departmental commission, as the préfet's order names it.
 *
 * @param name the office that holds it
 * @param category whom it represents (decision-service's {@code MemberCategory})
 * @param association for an approved association's seat, its index in the year's associations
 *     ({@code null} otherwise)
 */
public record CommissionSeat(String name, String category, Integer association) {

  static CommissionSeat of(String name, String category) {
    return new CommissionSeat(name, category, null);
  }

  static CommissionSeat association(String name, int index) {
    return new CommissionSeat(name, "ASSOCIATIONS", index);
  }
}
