package fr.passerelle.reporting.audit.verify;

import java.time.Instant;
import java.util.List;

/**
 * What recomputing the ledger's chains found.
 *
 * @param departmentCode the département verified, or null for the whole ledger
 * @param intact whether every link holds (and, for the whole ledger, every published seal)
 * @param links the ledger's rows checked
 * @param subjects the dossiers (and other subjects) whose chains were checked
 * @param globalBreak the first broken link of the global chain, if any
 * @param subjectBreaks the first broken link of each broken subject chain, the first {@value
 *     ChainVerifier#MAX_SUBJECT_BREAKS} of them by subject
 * @param brokenSubjects how many subject chains are broken
 * @param sealsChecked the published daily seals compared with the ledger (whole ledger only)
 * @param sealBreak the first seal that does not match, if any
 */
public record Verification(
    Instant verifiedAt,
    String departmentCode,
    boolean intact,
    long links,
    long subjects,
    ChainBreak globalBreak,
    List<ChainBreak> subjectBreaks,
    long brokenSubjects,
    long sealsChecked,
    ChainBreak sealBreak) {

  public Verification {
    subjectBreaks = List.copyOf(subjectBreaks);
  }
}
