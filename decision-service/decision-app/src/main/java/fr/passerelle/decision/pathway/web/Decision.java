package fr.passerelle.decision.pathway.web;

/** What the préfet decides on a pathway. */
public enum Decision {
  /** Authorise a first request: the pathway's first term. */
  AUTHORISE,
  /** Refuse a first request (motivated). */
  REFUSE,
  /** Renew a running pathway on its renewal request: a further term. */
  RENEW,
  /** Refuse a renewal (motivated): the current term is the last. */
  REFUSE_RENEWAL,
  /** End a running pathway before its term (motivated), or at the person's request. */
  END
}
