package fr.passerelle.edge.route;

import java.util.Optional;

/**
 * Whose dossier a path names, for the routes that limit associations to their own ({@link
 * Ownership#OWN_DOSSIER}): a service that has such routes declares one as a bean.
 */
@FunctionalInterface
public interface DossierOwnership {

  /**
   * The association that accompanies {@code dossierId} in {@code departmentCode}, empty when this
   * service knows no such dossier there (the caller then gets a 404, whoever they are).
   */
  Optional<String> associationOf(String departmentCode, String dossierId);
}
