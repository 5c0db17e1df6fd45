package fr.passerelle.edge.route;

/** Whose data a route reaches, and so which départements the caller must act on. */
public enum Scope {
  /** One département's, named in the path ({@code {departmentCode}}): the caller must act on it. */
  DEPARTEMENT,
  /** Every département's at once: only callers who act on every département ({@code *}). */
  NATIONAL
}
