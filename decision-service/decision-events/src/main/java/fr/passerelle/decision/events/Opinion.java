package fr.passerelle.decision.events;

/** The commission's advisory opinion on a request. */
public enum Opinion {
  FAVOURABLE,
  UNFAVOURABLE,
  ADJOURNED
}
