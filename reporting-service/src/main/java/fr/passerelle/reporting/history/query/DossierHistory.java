package fr.passerelle.reporting.history.query;

import java.util.List;

/**
 * Everything that happened to one dossier, from every service, in the order it was recorded.
 *
 * @param erased whether the person's data was erased (the history's facts stay)
 * @param withAccessLog whether the access log's entries are in it (for auditors)
 */
public record DossierHistory(
    String departmentCode,
    String dossierId,
    boolean erased,
    boolean withAccessLog,
    List<HistoryEntry> entries) {

  public DossierHistory {
    entries = List.copyOf(entries);
  }
}
