package fr.passerelle.k8s;

import static fr.passerelle.k8s.Kustomization.list;
import static fr.passerelle.k8s.Kustomization.map;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.edge.tracing.OtlpEndpointFromEnvironment;
import fr.passerelle.eventbus.config.EventBusProperties;
import fr.passerelle.runtime.KafkaAccess;
import fr.passerelle.runtime.KafkaAccess.ServiceAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclBinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The production overlay, rendered as Kustomize renders it, checked against what each service and
 * the gateway read: their ports, the environment variables they take, their images' names, their
 * health groups, the Kafka topics and ACLs of {@link KafkaAccess}, the database roles of ADR 13. A
 * manifest that would start a service with a wrong port, a misspelt variable or a missing
 * permission fails here rather than in a cluster.
 */
class ManifestTest {

  private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
  private static final Path OVERLAY = ROOT.resolve("infra/k8s/overlays/production");
  private static final Path SERVICE_DEFAULTS =
      ROOT.resolve("infra/event-bus/src/main/resources/passerelle-service-defaults.yml");

  /** An application: its module, its configuration files, and whether it is a service. */
  private record Application(String name, String module, boolean service) {

    Path pom() {
      return ROOT.resolve(module).resolve("pom.xml");
    }

    List<Path> configuration() {
      List<Path> files = new ArrayList<>();
      files.add(ROOT.resolve(module).resolve("src/main/resources/application.yml"));
      if (service) {
        files.add(SERVICE_DEFAULTS);
      }
      return files;
    }
  }

  private static final List<Application> APPLICATIONS =
      List.of(
          new Application("gateway", "gateway/gateway-app", false),
          new Application("dossier-service", "dossier-service/dossier-app", true),
          new Application("decision-service", "decision-service/decision-app", true),
          new Application("benefits-service", "benefits-service/benefits-app", true),
          new Application("reporting-service", "reporting-service", true));

  private static List<Map<String, Object>> objects;

  @BeforeAll
  static void render() {
    objects = Kustomization.render(OVERLAY);
  }

  @Test
  void everyApplicationRunsItsOwnImageOnItsOwnPortWithItsHealthProbes() {
    for (Application application : APPLICATIONS) {
      Map<String, Object> configuration = configuration(application);
      int port = (Integer) property(configuration, "server.port");
      String pom = read(application.pom());
      assertThat(pomProperty(pom, "image.name"))
          .as(application.name())
          .isEqualTo(application.name());
      assertThat(pomProperty(pom, "image.port")).as(application.name()).isEqualTo("" + port);
      assertThat(pomProperty(pom, "jib.skip")).as(application.name()).isEqualTo("false");

      Map<String, Object> container = container(application.name());
      assertThat((String) container.get("image"))
          .as("%s's image: the one the build names, moved by the overlay", application.name())
          .isEqualTo(overlayImage("passerelle/" + application.name()));
      Map<String, Object> http = map(list(container.get("ports")).get(0));
      assertThat(http).containsEntry("name", "http").containsEntry("containerPort", port);

      Map<String, Object> service = object("Service", application.name());
      Map<String, Object> servicePort = map(list(map(service.get("spec")).get("ports")).get(0));
      assertThat(servicePort).containsEntry("port", port).containsEntry("targetPort", "http");
      assertThat(map(map(service.get("spec")).get("selector")))
          .isEqualTo(
              map(
                  map(map(deployment(application.name()).get("spec")).get("selector"))
                      .get("matchLabels")));

      assertThat(property(configuration, "management.endpoint.health.probes.enabled"))
          .as("%s exposes its liveness and readiness groups", application.name())
          .isEqualTo(true);
      assertThat(probe(container, "readinessProbe")).isEqualTo("/actuator/health/readiness");
      assertThat(probe(container, "livenessProbe")).isEqualTo("/actuator/health/liveness");
      assertThat(probe(container, "startupProbe")).isEqualTo("/actuator/health/liveness");

      Map<String, Object> resources = map(container.get("resources"));
      assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
      assertThat(map(resources.get("limits"))).containsKey("memory");
    }
  }

  @Test
  void theImagesListenBeyondTheLoopbackAddress() {
    String pom = read(ROOT.resolve("pom.xml"));
    assertThat(pom).contains("<SERVER_ADDRESS>0.0.0.0</SERVER_ADDRESS>");
    for (Application application : APPLICATIONS) {
      assertThat(read(application.configuration().get(0)) + read(SERVICE_DEFAULTS))
          .as("%s binds to SERVER_ADDRESS", application.name())
          .contains("address: ${SERVER_ADDRESS:");
    }
  }

  @Test
  void everyVariableIsOneTheApplicationReads() {
    Set<String> springProperties = springConfigurationProperties();
    Set<String> launcherVariables = launcherVariables();
    for (Application application : APPLICATIONS) {
      Set<String> read = new HashSet<>(launcherVariables);
      // read by the edge itself, as OpenTelemetry's tools name it, not through a property
      read.add(OtlpEndpointFromEnvironment.BASE_ENDPOINT);
      for (Path file : application.configuration()) {
        read.addAll(placeholders(read(file)));
      }
      flatten("", configuration(application)).keySet().forEach(p -> read.addAll(variables(p)));
      springProperties.forEach(p -> read.addAll(variables(p)));

      assertThat(variables(container(application.name())))
          .as("variables of %s that nothing in it reads", application.name())
          .isSubsetOf(read);
    }
  }

  @Test
  void everyApplicationGetsWhatTheLauncherHandsIt() {
    Set<String> launched = launcherVariables();
    // Where the container differs from the launcher: the port is the image's own (its
    // application.yml), the address and the update check are the image's environment, and the
    // dev issuer's profile is for local demos only.
    Set<String> notFromTheManifest =
        Set.of(
            "SERVER_PORT",
            "SERVER_ADDRESS",
            "AXONIQ_UPDATE_CHECKER_DISABLED",
            "SPRING_PROFILES_ACTIVE");
    for (Application application : APPLICATIONS) {
      Set<String> expected = new TreeSet<>();
      for (String variable : launched) {
        boolean gatewayOnly =
            variable.endsWith("_SERVICE_URL") || variable.equals("PASSERELLE_GATEWAY_INSTANCES");
        boolean dossierOnly = variable.equals("PASSERELLE_VAULT_KEYSTORE");
        boolean serviceOnly =
            variable.startsWith("SPRING_DATASOURCE_")
                || variable.startsWith("SPRING_FLYWAY_")
                || variable.startsWith("SPRING_KAFKA_");
        if (notFromTheManifest.contains(variable)
            || (gatewayOnly && application.service())
            || (dossierOnly && !application.name().equals("dossier-service"))
            || (serviceOnly && !application.service())) {
          continue;
        }
        expected.add(variable);
      }
      if (!application.service()) {
        for (Application service : APPLICATIONS) {
          if (service.service()) {
            String prefix = service.name().substring(0, service.name().indexOf('-'));
            expected.add(prefix.toUpperCase() + "_SERVICE_URL");
          }
        }
      }
      assertThat(variables(container(application.name())))
          .as("what %s is given", application.name())
          .containsAll(expected);
    }
  }

  @Test
  void everyApplicationSendsItsTracesWhereTheTelemetryConfigMapSays() {
    Map<String, Object> telemetry = map(object("ConfigMap", "passerelle-telemetry").get("data"));
    assertThat(telemetry).containsKeys("otlp-endpoint", "sampling-probability");
    assertThat(Double.parseDouble((String) telemetry.get("sampling-probability")))
        .isBetween(0.0, 1.0);
    for (Application application : APPLICATIONS) {
      Map<String, Object> container = container(application.name());
      assertThat(configMapRef(container, OtlpEndpointFromEnvironment.BASE_ENDPOINT))
          .as("where %s sends its traces", application.name())
          .isEqualTo("passerelle-telemetry/otlp-endpoint");
      assertThat(configMapRef(container, "MANAGEMENT_TRACING_SAMPLING_PROBABILITY"))
          .as("the share of %s's requests traced", application.name())
          .isEqualTo("passerelle-telemetry/sampling-probability");
    }
  }

  @Test
  void eachGatewayReplicaKnowsHowManyShareTheRateLimits() {
    assertThat(values(container("gateway")))
        .containsEntry(
            "PASSERELLE_GATEWAY_INSTANCES",
            String.valueOf(map(deployment("gateway").get("spec")).get("replicas")));
  }

  @Test
  void theGatewayReachesEachServiceByItsKubernetesService() {
    Map<String, String> env = values(container("gateway"));
    for (Application service : APPLICATIONS) {
      if (service.service()) {
        String variable = service.name().substring(0, service.name().indexOf('-')).toUpperCase();
        int port = (Integer) property(configuration(service), "server.port");
        assertThat(env)
            .containsEntry(variable + "_SERVICE_URL", "http://" + service.name() + ":" + port);
      }
    }
  }

  @Test
  void eachServiceUsesItsDatabaseAsItsTwoRoles() {
    Map<String, Object> cluster = object("Cluster", "passerelle-db");
    Map<String, String> roleSecrets = new LinkedHashMap<>();
    for (Object role : list(map(map(cluster.get("spec")).get("managed")).get("roles"))) {
      Map<String, Object> r = map(role);
      assertThat(r).containsEntry("login", true).containsEntry("ensure", "present");
      roleSecrets.put((String) r.get("name"), (String) map(r.get("passwordSecret")).get("name"));
    }
    for (Application application : APPLICATIONS) {
      if (!application.service()) {
        continue;
      }
      String url = (String) property(configuration(application), "spring.datasource.url");
      String database = URI.create(url.substring("jdbc:".length())).getPath().substring(1);
      Map<String, Object> databaseObject = object("Database", "passerelle-db-" + database);
      assertThat(map(databaseObject.get("spec")))
          .containsEntry("name", database)
          .containsEntry("owner", database + "_owner");

      Map<String, Object> container = container(application.name());
      assertThat(values(container).get("SPRING_DATASOURCE_URL"))
          .startsWith("jdbc:postgresql://passerelle-db-rw:5432/" + database + "?");
      assertThat(secretRef(container, "SPRING_DATASOURCE_USERNAME"))
          .isEqualTo(roleSecrets.get(database + "_app") + "/username");
      assertThat(secretRef(container, "SPRING_DATASOURCE_PASSWORD"))
          .isEqualTo(roleSecrets.get(database + "_app") + "/password");
      assertThat(secretRef(container, "SPRING_FLYWAY_USER"))
          .isEqualTo(roleSecrets.get(database + "_owner") + "/username");
      assertThat(secretRef(container, "SPRING_FLYWAY_PASSWORD"))
          .isEqualTo(roleSecrets.get(database + "_owner") + "/password");
    }
  }

  @Test
  void kafkaKeepsEveryWriteOnThreeBrokersTwoInSync() {
    Map<String, Object> kafka = map(map(object("Kafka", "passerelle").get("spec")).get("kafka"));
    Map<String, Object> config = map(kafka.get("config"));
    assertThat(config)
        .containsEntry("default.replication.factor", 3)
        .containsEntry("min.insync.replicas", 2)
        .containsEntry("auto.create.topics.enable", false);
    assertThat(map(kafka.get("authorization"))).containsEntry("type", "simple");
    Map<String, Object> listener = map(list(kafka.get("listeners")).get(0));
    assertThat(listener).containsEntry("tls", true).containsEntry("port", 9093);
    assertThat(map(listener.get("authentication")))
        .containsEntry("type", KafkaAccess.MECHANISM.mechanismName().toLowerCase());
    Map<String, Object> nodes = map(objectsOf("KafkaNodePool").get(0).get("spec"));
    assertThat(nodes.get("replicas")).isEqualTo(3);
    assertThat(list(nodes.get("roles"))).contains("broker");
  }

  @Test
  void everyTopicIsDeclaredAsTheOutboxWouldCreateIt() throws NoSuchMethodException {
    int partitions =
        Integer.parseInt(
            EventBusProperties.Outbox.class
                .getDeclaredConstructor(
                    java.util.Arrays.stream(EventBusProperties.Outbox.class.getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getType)
                        .toArray(Class<?>[]::new))
                .getParameters()[1]
                .getAnnotation(DefaultValue.class)
                .value()[0]);
    Set<String> topics = new TreeSet<>();
    for (ServiceAccess access : KafkaAccess.SERVICES) {
      access.writes().ifPresent(topics::add);
      topics.addAll(access.reads());
    }
    for (Application application : APPLICATIONS) {
      if (application.service()) {
        Object outbox = property(configuration(application), "passerelle.event-bus.outbox.topic");
        if (outbox != null) {
          assertThat(topics).contains((String) outbox);
        }
      }
    }
    Map<String, Map<String, Object>> declared = new LinkedHashMap<>();
    for (Map<String, Object> topic : objectsOf("KafkaTopic")) {
      Map<String, Object> spec = map(topic.get("spec"));
      declared.put((String) spec.get("topicName"), spec);
      assertThat(map(map(topic.get("metadata")).get("labels")))
          .containsEntry("strimzi.io/cluster", "passerelle");
    }
    assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(topics);
    for (Map<String, Object> spec : declared.values()) {
      assertThat(spec).containsEntry("partitions", partitions).containsEntry("replicas", 3);
      assertThat(map(spec.get("config")))
          .containsEntry("min.insync.replicas", 2)
          .containsEntry("retention.ms", -1)
          .containsEntry("retention.bytes", -1);
    }
  }

  @Test
  void eachServiceSignsInAsItsOwnUserWithTheAclsOfKafkaAccess() {
    for (ServiceAccess access : KafkaAccess.SERVICES) {
      Map<String, Object> user = object("KafkaUser", access.service());
      Map<String, Object> spec = map(user.get("spec"));
      assertThat(map(spec.get("authentication"))).containsEntry("type", "scram-sha-512");
      assertThat(map(spec.get("authorization"))).containsEntry("type", "simple");

      Set<String> granted = new TreeSet<>();
      for (Object acl : list(map(spec.get("authorization")).get("acls"))) {
        Map<String, Object> resource = map(map(acl).get("resource"));
        String pattern = "prefix".equals(resource.get("patternType")) ? "PREFIXED" : "LITERAL";
        for (Object operation : list(map(acl).get("operations"))) {
          granted.add(
              String.join(
                  " ",
                  ((String) resource.get("type")).toUpperCase(),
                  (String) resource.get("name"),
                  pattern,
                  ((String) operation).toUpperCase()));
        }
      }
      Set<String> expected = new TreeSet<>();
      for (AclBinding binding : access.bindings()) {
        expected.add(
            String.join(
                " ",
                binding.pattern().resourceType().name(),
                binding.pattern().name(),
                binding.pattern().patternType().name(),
                binding.entry().operation().name()));
      }
      assertThat(granted).as(access.service()).isEqualTo(expected);
    }
    for (Application application : APPLICATIONS) {
      if (!application.service()) {
        continue;
      }
      Map<String, Object> configuration = configuration(application);
      String name = (String) property(configuration, "spring.application.name");
      assertThat(name).isEqualTo(application.name());
      object("KafkaUser", name);
      Object group = property(configuration, "spring.kafka.consumer.group-id");
      if (group != null) {
        assertThat((String) group).startsWith(name);
      }
      Map<String, Object> container = container(application.name());
      assertThat(secretRef(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
          .isEqualTo(name + "/sasl.jaas.config");
      assertThat(values(container))
          .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "passerelle-kafka-bootstrap:9093")
          .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
          .containsEntry(
              "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", KafkaAccess.MECHANISM.mechanismName());
    }
  }

  @Test
  void everySecretIsMadeByAnOperatorOrListedInTheDeploymentGuide() {
    Set<String> made = new HashSet<>();
    objectsOf("KafkaUser").forEach(u -> made.add(name(u)));
    objectsOf("Kafka").forEach(k -> made.add(name(k) + "-cluster-ca-cert"));
    objectsOf("Cluster").forEach(c -> made.add(name(c) + "-ca"));
    String readme = read(ROOT.resolve("README.md"));
    Set<String> referenced = new TreeSet<>();
    for (Map<String, Object> object : objects) {
      collectSecrets(object, referenced);
    }
    assertThat(referenced).isNotEmpty();
    for (String secret : referenced) {
      assertThat(made.contains(secret) || readme.contains("`" + secret + "`"))
          .as(
              "Secret %s: made by Strimzi or CloudNativePG, or in the README's deployment guide",
              secret)
          .isTrue();
    }
  }

  @Test
  void theOverlayNamesEveryImageItDeploys() {
    for (Map<String, Object> object : objects) {
      assertThat(map(object.get("metadata"))).containsEntry("namespace", "passerelle");
      for (Map<String, Object> container : Kustomization.containers(object)) {
        assertThat((String) container.get("image"))
            .as("%s's image is pinned", container.get("name"))
            .doesNotStartWith("passerelle/")
            .doesNotEndWith(":latest")
            .contains(":");
      }
    }
  }

  // --- what the manifests say

  private static List<Map<String, Object>> objectsOf(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  private static Map<String, Object> object(String kind, String name) {
    return objectsOf(kind).stream()
        .filter(o -> name.equals(name(o)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
  }

  private static String name(Map<String, Object> object) {
    return (String) map(object.get("metadata")).get("name");
  }

  private static Map<String, Object> deployment(String name) {
    return object("Deployment", name);
  }

  private static Map<String, Object> container(String name) {
    Map<String, Object> pod =
        map(map(map(deployment(name).get("spec")).get("template")).get("spec"));
    List<Object> containers = list(pod.get("containers"));
    assertThat(containers).as("%s's containers", name).hasSize(1);
    return map(containers.get(0));
  }

  private static String probe(Map<String, Object> container, String probe) {
    Map<String, Object> get = map(map(container.get(probe)).get("httpGet"));
    assertThat(get).containsEntry("port", "http");
    return (String) get.get("path");
  }

  private static List<String> variables(Map<String, Object> container) {
    return list(container.get("env")).stream().map(e -> (String) map(e).get("name")).toList();
  }

  private static Map<String, String> values(Map<String, Object> container) {
    Map<String, String> values = new LinkedHashMap<>();
    list(container.get("env"))
        .forEach(e -> values.put((String) map(e).get("name"), (String) map(e).get("value")));
    return values;
  }

  private static String configMapRef(Map<String, Object> container, String variable) {
    for (Object entry : list(container.get("env"))) {
      if (variable.equals(map(entry).get("name"))) {
        Map<String, Object> ref = map(map(map(entry).get("valueFrom")).get("configMapKeyRef"));
        return ref.get("name") + "/" + ref.get("key");
      }
    }
    throw new AssertionError("no " + variable);
  }

  private static String secretRef(Map<String, Object> container, String variable) {
    for (Object entry : list(container.get("env"))) {
      if (variable.equals(map(entry).get("name"))) {
        Map<String, Object> ref = map(map(map(entry).get("valueFrom")).get("secretKeyRef"));
        return ref.get("name") + "/" + ref.get("key");
      }
    }
    throw new AssertionError("no " + variable);
  }

  private static void collectSecrets(Object node, Set<String> secrets) {
    if (node instanceof Map<?, ?> m) {
      if (m.get("secretKeyRef") instanceof Map<?, ?> ref) {
        secrets.add((String) ref.get("name"));
      }
      if (m.get("secret") instanceof Map<?, ?> volume && volume.get("secretName") != null) {
        secrets.add((String) volume.get("secretName"));
      }
      if (m.get("passwordSecret") instanceof Map<?, ?> password) {
        secrets.add((String) password.get("name"));
      }
      m.values().forEach(v -> collectSecrets(v, secrets));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collectSecrets(v, secrets));
    }
  }

  private static String overlayImage(String image) {
    for (Object entry :
        list(Kustomization.load(OVERLAY.resolve("kustomization.yaml")).get(0).get("images"))) {
      Map<String, Object> m = map(entry);
      if (image.equals(m.get("name"))) {
        return m.get("newName") + ":" + m.get("newTag");
      }
    }
    throw new AssertionError("the overlay does not name " + image);
  }

  // --- what the applications read

  private static Map<String, Object> configuration(Application application) {
    Map<String, Object> merged = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>(application.configuration());
    Collections.reverse(files);
    for (Path file : files) {
      merge(merged, Kustomization.load(file).get(0));
    }
    return merged;
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    from.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> m && into.get(key) instanceof Map<?, ?> existing) {
            merge((Map<String, Object>) existing, (Map<String, Object>) m);
          } else {
            into.put(key, value);
          }
        });
  }

  private static Object property(Map<String, Object> configuration, String name) {
    Object node = configuration;
    for (String part : name.split("\\.")) {
      if (!(node instanceof Map<?, ?> m)) {
        return null;
      }
      node = m.get(part);
    }
    return node;
  }

  private static Map<String, Object> flatten(String prefix, Map<String, Object> node) {
    Map<String, Object> flat = new LinkedHashMap<>();
    node.forEach(
        (key, value) -> {
          String name = prefix.isEmpty() ? key : prefix + "." + key;
          flat.put(name, value);
          if (value instanceof Map<?, ?>) {
            flat.putAll(flatten(name, map(value)));
          }
        });
    return flat;
  }

  /**
   * The environment variables Spring Boot binds to {@code property} (relaxed binding): the
   * canonical one without dashes, and the legacy one with underscores for them.
   */
  private static List<String> variables(String property) {
    String underscores = property.replace('.', '_').toUpperCase();
    return List.of(underscores.replace("-", ""), underscores.replace('-', '_'));
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new HashSet<>();
    Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /**
   * Every variable the {@code passerelle} launcher hands a service or the gateway, its reference
   * for what they read from their environment.
   */
  private static Set<String> launcherVariables() {
    String script = read(ROOT.resolve("passerelle"));
    Set<String> names = new TreeSet<>();
    for (String function :
        List.of("service_environment", "postgres_environment", "kafka_environment")) {
      int start = script.indexOf("\n" + function + "() {");
      assertThat(start).as("the launcher's %s", function).isPositive();
      String body = script.substring(start, script.indexOf("\n}\n", start));
      Matcher m = Pattern.compile("[\"' ]([A-Z][A-Z0-9_]{2,}|%s_SERVICE_URL)=").matcher(body);
      while (m.find()) {
        names.add(m.group(1).replace("%s_", "DOSSIER_"));
      }
    }
    names.addAll(
        Stream.of("DECISION", "BENEFITS", "REPORTING").map(s -> s + "_SERVICE_URL").toList());
    assertThat(names).contains("SPRING_DATASOURCE_URL", "PASSERELLE_SECURITY_JWT_ISSUER");
    return names;
  }

  /** Spring Boot's own properties, from the configuration metadata on this class path. */
  private static Set<String> springConfigurationProperties() {
    Set<String> names = new HashSet<>();
    Pattern name = Pattern.compile("\"name\"\\s*:\\s*\"([a-z0-9.\\-\\[\\]]+)\"");
    try {
      for (URL url :
          Collections.list(
              ManifestTest.class
                  .getClassLoader()
                  .getResources("META-INF/spring-configuration-metadata.json"))) {
        try (InputStream in = url.openStream()) {
          Matcher m = name.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (m.find()) {
            names.add(m.group(1));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    assertThat(names).contains("spring.kafka.ssl.trust-store-location", "spring.flyway.user");
    return names;
  }

  private static String pomProperty(String pom, String property) {
    Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">([^<]*)</").matcher(pom);
    return m.find() ? m.group(1) : null;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
  }
}
