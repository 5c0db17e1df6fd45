package fr.passerelle.edge.route;

/**
 * What an association may reach on a route besides its role and département: associations work on
 * the dossiers they accompany, never on another association's.
 */
public enum Ownership {
  /** No further limit. */
  NONE,
  /**
   * The dossier named in the path ({@code {dossierId}}) must be the caller's association's: the
   * service says whose it is ({@link DossierOwnership}), the guard refuses another's before the
   * body is read.
   */
  OWN_DOSSIER,
  /**
   * The route creates or lists for an association: the service acts for the caller's own
   * association only (a body naming another is refused, a list holds the caller's only).
   */
  OWN_ASSOCIATION
}
