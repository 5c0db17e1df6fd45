package fr.passerelle.chaos;

/**
 * One place a command must reach: a count there of what it left, for its subject (its dossier, or
 * its payment run).
 */
record Effect(String where, String database, String sql) {

  /** Where the read models of the current generation are: replaced once the schema is known. */
  private static final String GENERATION = "{generation}";

  /** The command's event of {@code type} in {@code database}'s event store. */
  static Effect stored(String database, String type) {
    return new Effect(
        database + " " + type,
        database,
        "select count(*) from domain_event_entry where aggregate_identifier = ?"
            + " and payload_type like '%."
            + type
            + "'");
  }

  /** The event of a request's study, for the pathway's first request (1) or its renewal (2). */
  static Effect storedForTerm(String database, String type, int term) {
    return new Effect(
        database + " " + type + " of term " + term,
        database,
        "select count(*) from domain_event_entry where aggregate_identifier = ?"
            + " and payload_type like '%."
            + type
            + "'"
            + " and convert_from(payload, 'UTF8') ~ '\"termNumber\":"
            + term
            + "[,}]'");
  }

  /** The command's row in one of reporting's read models. */
  static Effect readModel(String table) {
    return new Effect(
        "reporting " + table,
        "reporting",
        "select count(*) from " + GENERATION + "." + table + " where dossier_id = ?");
  }

  /** The command's entry in reporting's audit chain. */
  static Effect audited(String type) {
    return new Effect(
        "audit chain " + type,
        "reporting",
        "select count(*) from audit_event where subject = ? and event_type = 'passerelle."
            + type
            + ".v1'");
  }

  /** How many times it is found for {@code subject}, read models in {@code generation}. */
  long foundFor(String subject, Databases databases, String generation) {
    return databases.count(database, sql.replace(GENERATION, generation), subject);
  }
}
