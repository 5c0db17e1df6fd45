package fr.passerelle.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The published contract of one integration event type and version, as its {@code *-events} module
 * ships it on the class path: {@code contracts/<type>.schema.json} (JSON Schema 2020-12) and {@code
 * contracts/<type>.sample.json} (the golden sample). Producers prove their records match it;
 * consumers prove they read the golden sample.
 */
public final class EventContract {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String type;
  private final JsonSchema schema;
  private final String goldenSample;

  private EventContract(String type, JsonSchema schema, String goldenSample) {
    this.type = type;
    this.schema = schema;
    this.goldenSample = goldenSample;
  }

  /** Loads the contract of {@code type}, e.g. {@code passerelle.dossier.dossier-submitted.v1}. */
  public static EventContract of(String type) {
    try (InputStream schemaJson = resource(type + ".schema.json")) {
      JsonSchema schema =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson);
      try (InputStream sample = resource(type + ".sample.json")) {
        return new EventContract(
            type, schema, new String(sample.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String type() {
    return type;
  }

  /** The golden sample's JSON, as a consumer would receive it as record value. */
  public String goldenSample() {
    return goldenSample;
  }

  /** Asserts that {@code json} is valid against the schema, listing every violation. */
  public void assertValid(String json) {
    Set<ValidationMessage> violations = schema.validate(parse(json));
    assertThat(violations)
        .as(
            "%s violations:%n%s",
            type,
            violations.stream()
                .map(ValidationMessage::getMessage)
                .collect(Collectors.joining("\n")))
        .isEmpty();
  }

  /** Asserts that {@code json} is not valid against the schema. */
  public void assertInvalid(String json) {
    assertThat(schema.validate(parse(json))).as("%s should reject %s", type, json).isNotEmpty();
  }

  /**
   * Asserts that the schema lists exactly the components of {@code record}, so that the published
   * record and its schema cannot drift apart.
   */
  public void assertDescribes(Class<? extends Record> record) {
    Set<String> components =
        Arrays.stream(record.getRecordComponents())
            .map(RecordComponent::getName)
            .collect(Collectors.toSet());
    Set<String> properties = new HashSet<>();
    schema.getSchemaNode().get("properties").fieldNames().forEachRemaining(properties::add);
    assertThat(properties).as("%s schema properties", type).isEqualTo(components);
  }

  /** Asserts that {@code json} carries the same JSON value as the golden sample. */
  public void assertSameAsGoldenSample(String json) {
    assertThat(parse(json)).isEqualTo(parse(goldenSample));
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream stream =
        Thread.currentThread().getContextClassLoader().getResourceAsStream("contracts/" + name);
    if (stream == null) {
      throw new IllegalArgumentException(
          "No contract file contracts/" + name + " on the class path");
    }
    return stream;
  }
}
