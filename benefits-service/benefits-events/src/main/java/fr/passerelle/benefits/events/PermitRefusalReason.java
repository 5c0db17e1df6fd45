package fr.passerelle.benefits.events;

/** Why the préfecture refused to issue or renew a residence permit (APS). */
public enum PermitRefusalReason {
  /** French, EU, EEA or Swiss national: no permit is needed, none can be issued. */
  FREE_MOVEMENT_NATIONAL,
  /** Neither a victim of trafficking nor of procuring. */
  NOT_A_VICTIM,
  /** The person has not ceased prostitution. */
  PROSTITUTION_NOT_CEASED,
  /** No authorised pathway in force. */
  PATHWAY_NOT_AUTHORISED,
  /** The person's presence is a threat to public order. */
  PUBLIC_ORDER
}
