package fr.passerelle.acceptance;

import fr.passerelle.localplatform.LocalPlatform;
import fr.passerelle.runtime.KafkaAccess;
import fr.passerelle.testsupport.DatabaseDump;
import java.util.Map;

/**
 * The whole platform ({@link LocalPlatform}) on the default ports shifted by 10000, and by {@code
 * PASSERELLE_TEST_PORT_OFFSET} more when set, so that two checkouts can run their acceptance tests
 * side by side; with what the acceptance tests read beside the gateway: the topics, as an operator,
 * and each database as a backup holds it.
 */
final class Platform extends LocalPlatform {

  private Platform() {
    super(10000);
  }

  /** The platform the build describes (see {@link LocalPlatform#LocalPlatform(int)}). */
  static Platform fromSystemProperties() {
    return new Platform();
  }

  /**
   * Settings of a Kafka client that signs in to the platform's broker as its super user, which
   * reads every topic: an operator's view, since no service may read them all under its own name
   * with a group of its own choosing.
   */
  Map<String, Object> kafkaOperator() {
    return KafkaAccess.brokerClient("127.0.0.1:" + ports().kafka(), secret("kafka", "broker"));
  }

  /**
   * The data of database {@code database} of the platform's PostgreSQL as a backup holds it (every
   * table, read as the cluster's superuser, whose password {@code passerelle up} keeps in the run
   * directory's secrets).
   */
  String dump(String database) {
    return DatabaseDump.of(jdbcUrl(database), "postgres", postgresPassword("postgres"));
  }
}
