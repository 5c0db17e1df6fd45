package fr.passerelle.decision.pathway.web;

/** What the préfet decides on a request for a pathway. */
public enum Decision {
  AUTHORISE,
  REFUSE
}
