package fr.passerelle.runtime;

import fr.passerelle.audit.events.ReportingEvents;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.dossier.events.DossierEvents;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the platform's Kafka: one SCRAM user per service, named after the service
 * ({@code spring.application.name}), allowed to create, describe and write its own topic, to read
 * the topics it consumes, and to use the consumer groups whose id starts with its name. Anything
 * else is refused: the broker denies what no ACL allows.
 *
 * <p>{@code passerelle up} runs it against its local broker once the broker listens: {@code
 * KafkaAccess --bootstrap-servers=HOST:PORT --secrets-dir=DIR}. It signs in as the broker's own
 * super user (SASL/PLAIN, the password in {@code DIR/broker}), then creates or updates each
 * service's SCRAM-SHA-512 credential (its password in {@code DIR/<service>}) and ACLs. Both steps
 * can run again: the credentials are overwritten with the same passwords, existing ACLs are kept.
 */
public final class KafkaAccess {

  /** What the services authenticate with. */
  public static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_512;

  /**
   * The iterations of each service's SCRAM credential: 4,096, the least Kafka accepts for
   * SCRAM-SHA-512. Iterations slow down guessing a password from its stored salted hash, which
   * nothing can do with 256 random bits ({@link Secrets}); they also cost every new connection as
   * many HMAC rounds on both sides, and a service opens several per consumer. With 8,192, signing
   * in took 10 to 13 % of reporting-service's CPU in benchmark runs that rebuilt its read models.
   */
  static final int SCRAM_ITERATIONS = 4096;

  /** The broker's own user: super user, authenticated with SASL/PLAIN. */
  public static final String BROKER = "broker";

  private static final Duration BROKER_WAIT = Duration.ofSeconds(60);

  /** What one service may do, by its principal {@code User:<service>}. */
  public record ServiceAccess(String service, Optional<String> writes, List<String> reads) {

    public ServiceAccess {
      reads = List.copyOf(reads);
    }

    /**
     * Its ACLs: its topic (create, write; describe is implied), the topics it reads (read; describe
     * implied), its consumer groups by prefix (read, and delete for the groups of retired rebuilds;
     * describe implied).
     */
    public List<AclBinding> bindings() {
      List<AclBinding> bindings = new ArrayList<>();
      writes.ifPresent(
          topic -> {
            bindings.add(
                allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.CREATE));
            bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.WRITE));
          });
      for (String topic : reads) {
        bindings.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
      }
      if (!reads.isEmpty()) {
        bindings.add(allow(ResourceType.GROUP, service, PatternType.PREFIXED, AclOperation.READ));
        bindings.add(allow(ResourceType.GROUP, service, PatternType.PREFIXED, AclOperation.DELETE));
      }
      return bindings;
    }

    private AclBinding allow(
        ResourceType type, String name, PatternType pattern, AclOperation operation) {
      return new AclBinding(
          new ResourcePattern(type, name, pattern),
          new AccessControlEntry("User:" + service, "*", operation, AclPermissionType.ALLOW));
    }
  }

  /** The platform's services and their topics. */
  public static final List<ServiceAccess> SERVICES =
      List.of(
          new ServiceAccess(
              "dossier-service",
              Optional.of(DossierEvents.TOPIC),
              List.of(DecisionEvents.TOPIC, BenefitsEvents.TOPIC)),
          new ServiceAccess(
              "decision-service", Optional.of(DecisionEvents.TOPIC), List.of(DossierEvents.TOPIC)),
          new ServiceAccess(
              "benefits-service", Optional.of(BenefitsEvents.TOPIC), List.of(DecisionEvents.TOPIC)),
          // reporting-service reads back its own seals to check its ledger against them
          new ServiceAccess(
              "reporting-service",
              Optional.of(ReportingEvents.TOPIC),
              List.of(
                  DossierEvents.TOPIC,
                  DecisionEvents.TOPIC,
                  BenefitsEvents.TOPIC,
                  ReportingEvents.TOPIC)));

  private KafkaAccess() {}

  /** Client settings of a service signing in as {@code user} with SCRAM. */
  public static Map<String, Object> scramClient(
      String bootstrapServers, String user, String password) {
    return client(
        bootstrapServers,
        MECHANISM.mechanismName(),
        "org.apache.kafka.common.security.scram.ScramLoginModule",
        user,
        password);
  }

  /** Client settings of the broker's super user. */
  public static Map<String, Object> brokerClient(String bootstrapServers, String password) {
    return client(
        bootstrapServers,
        "PLAIN",
        "org.apache.kafka.common.security.plain.PlainLoginModule",
        BROKER,
        password);
  }

  /**
   * Gives every service of {@code services} its credential (the passwords by service) and ACLs,
   * through {@code admin}, signed in as a super user.
   */
  public static void grant(Admin admin, List<ServiceAccess> services, Map<String, String> passwords)
      throws InterruptedException, ExecutionException {
    List<UserScramCredentialUpsertion> credentials = new ArrayList<>();
    List<AclBinding> bindings = new ArrayList<>();
    for (ServiceAccess access : services) {
      String password = passwords.get(access.service());
      if (password == null) {
        throw new IllegalArgumentException("no password for " + access.service());
      }
      credentials.add(
          new UserScramCredentialUpsertion(
              access.service(), new ScramCredentialInfo(MECHANISM, SCRAM_ITERATIONS), password));
      bindings.addAll(access.bindings());
    }
    admin.alterUserScramCredentials(List.copyOf(credentials)).all().get();
    admin.createAcls(bindings).all().get();
  }

  public static void main(String[] args) {
    Map<String, String> settings = new HashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (!arg.startsWith("--") || equals < 0) {
        fail("unexpected argument: " + arg);
      }
      settings.put(arg.substring(2, equals), arg.substring(equals + 1));
    }
    String bootstrapServers = settings.remove("bootstrap-servers");
    String secretsDirectory = settings.remove("secrets-dir");
    if (bootstrapServers == null || secretsDirectory == null || !settings.isEmpty()) {
      fail("usage: KafkaAccess --bootstrap-servers=HOST:PORT --secrets-dir=DIR");
    }
    try {
      grant(bootstrapServers, Path.of(secretsDirectory));
      System.out.println(
          "Kafka access granted to " + SERVICES.stream().map(ServiceAccess::service).toList());
    } catch (IOException | ExecutionException | RuntimeException e) {
      fail("could not grant the services their Kafka access: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted");
    }
  }

  /**
   * What {@code passerelle up} runs: signs in as the broker (its password in {@code
   * secretsDirectory/broker}), gives every service of {@link #SERVICES} its credential (its
   * password in {@code secretsDirectory/<service>}, generated on first use) and ACLs, and returns
   * once the broker applies them: each service can sign in, every ACL is in force.
   */
  public static void grant(String bootstrapServers, Path secretsDirectory)
      throws IOException, InterruptedException, ExecutionException {
    Secrets secrets = new Secrets(secretsDirectory);
    Map<String, String> passwords = new HashMap<>();
    for (ServiceAccess access : SERVICES) {
      passwords.put(access.service(), secrets.readOrCreate(access.service()));
    }
    String brokerPassword = secrets.read(BROKER).orElseThrow(() -> missing(BROKER));
    try (Admin admin = Admin.create(brokerClient(bootstrapServers, brokerPassword))) {
      awaitBroker(admin);
      grant(admin, SERVICES, passwords);
      List<AclBinding> expected = SERVICES.stream().flatMap(a -> a.bindings().stream()).toList();
      awaitApplied(
          () -> admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(expected));
    }
    for (ServiceAccess access : SERVICES) {
      Map<String, Object> client =
          scramClient(bootstrapServers, access.service(), passwords.get(access.service()));
      try (Admin admin = Admin.create(client)) {
        awaitApplied(
            () -> {
              try {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return true;
              } catch (ExecutionException e) {
                if (e.getCause() instanceof AuthenticationException) {
                  return false; // its credential is not in force yet
                }
                throw e;
              }
            });
      }
    }
  }

  /** What the broker applies after the controller has committed it, within a few seconds. */
  private interface Check {
    boolean holds() throws InterruptedException, ExecutionException, TimeoutException;
  }

  private static void awaitApplied(Check check) throws InterruptedException, ExecutionException {
    Instant deadline = Instant.now().plus(BROKER_WAIT);
    try {
      while (!check.holds()) {
        if (Instant.now().isAfter(deadline)) {
          throw new ExecutionException(
              new IllegalStateException("the broker did not apply them within " + BROKER_WAIT));
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    } catch (TimeoutException e) {
      throw new ExecutionException(e);
    }
  }

  /**
   * The broker listens before it serves: waits until it answers an authenticated request. A refused
   * sign-in is final.
   */
  private static void awaitBroker(Admin admin) throws InterruptedException, ExecutionException {
    Instant deadline = Instant.now().plus(BROKER_WAIT);
    while (true) {
      try {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException e) {
        if (e.getCause() instanceof AuthenticationException || Instant.now().isAfter(deadline)) {
          throw e;
        }
      } catch (TimeoutException e) {
        if (Instant.now().isAfter(deadline)) {
          throw new ExecutionException("the broker did not answer within " + BROKER_WAIT, e);
        }
      }
    }
  }

  private static Map<String, Object> client(
      String bootstrapServers, String mechanism, String loginModule, String user, String password) {
    Map<String, Object> client = new HashMap<>();
    client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    client.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    client.put(SaslConfigs.SASL_MECHANISM, mechanism);
    client.put(SaslConfigs.SASL_JAAS_CONFIG, jaas(loginModule, user, password));
    return client;
  }

  /** A JAAS line; the generated passwords are URL-safe Base64, nothing to escape. */
  static String jaas(String loginModule, String user, String password) {
    return "%s required username=\"%s\" password=\"%s\";".formatted(loginModule, user, password);
  }

  private static IOException missing(String secret) {
    return new IOException("the secret '" + secret + "' is missing");
  }

  private static void fail(String message) {
    System.err.println("KafkaAccess: " + message);
    System.exit(1);
  }
}
