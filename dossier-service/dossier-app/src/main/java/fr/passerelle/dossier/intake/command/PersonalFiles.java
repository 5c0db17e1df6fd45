package fr.passerelle.dossier.intake.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** What the dossier's rules need to know of the person's file, kept in the vault. */
public interface PersonalFiles {

  /** The identity fields still missing, named as in the request ({@code person.lastName}). */
  List<String> missingFields(String personId);

  Optional<LocalDate> birthDate(String personId);

  /**
   * The pseudonym under which the person appears, in {@code dossierId} only, outside the service;
   * empty once their data is erased.
   */
  Optional<String> pseudonym(String personId, String dossierId);
}
