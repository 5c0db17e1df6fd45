package fr.passerelle.benchmark;

import fr.passerelle.benefits.events.AfisGranted;
import fr.passerelle.benefits.events.BenefitsEvents;
import fr.passerelle.benefits.events.PermitIssued;
import fr.passerelle.decision.events.DecisionEvents;
import fr.passerelle.decision.events.PathwayValidated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Validated pathways as decision-service and benefits-service publish them, for the rebuild's
 * measure: each pathway is three CloudEvents records (its validation, its residence permit, its
 * AFIS), each the publisher's golden sample (the {@code contracts/<type>.sample.json} its events
 * module ships, valid against its schema) under a dossier id, a person id and a département of its
 * own. No personal data: the samples hold none.
 */
final class ContractEvents {

  /**
   * The golden samples' dossier id, person id, AFIS request id and département, replaced in each
   * record (the association's id is kept: one association's many pathways).
   */
  private static final String SAMPLE_DOSSIER = "5b0c6a3e-1f7d-4c2a-9a51-3d2f8f0e6c11";

  private static final String SAMPLE_PERSON = "9d4e1c2b-7a3f-4e8d-b1c6-2f5a8e9d0c13";
  private static final String SAMPLE_REQUEST = "c3d2e1f0-a9b8-4c7d-8e6f-5a4b3c2d1e0f";
  private static final String SAMPLE_DEPARTEMENT = "\"departmentCode\": \"31\"";

  private record Sample(String topic, String type, String json) {}

  private static final List<Sample> PATHWAY =
      List.of(
          sample(DecisionEvents.TOPIC, PathwayValidated.TYPE),
          sample(BenefitsEvents.TOPIC, PermitIssued.TYPE),
          sample(BenefitsEvents.TOPIC, AfisGranted.TYPE));

  /** Records a pathway is made of. */
  static final int PER_PATHWAY = PATHWAY.size();

  private ContractEvents() {}

  /** The records of one validated pathway in {@code departement}, keyed by a new dossier. */
  static List<ProducerRecord<String, String>> validatedPathway(String departement) {
    String dossier = UUID.randomUUID().toString();
    String person = UUID.randomUUID().toString();
    return PATHWAY.stream()
        .map(
            sample ->
                record(
                    sample,
                    dossier,
                    sample
                        .json()
                        .replace(SAMPLE_DOSSIER, dossier)
                        .replace(SAMPLE_PERSON, person)
                        .replace(SAMPLE_REQUEST, UUID.randomUUID().toString())
                        .replace(
                            SAMPLE_DEPARTEMENT, "\"departmentCode\": \"" + departement + "\"")))
        .toList();
  }

  private static ProducerRecord<String, String> record(Sample sample, String dossier, String json) {
    RecordHeaders headers = new RecordHeaders();
    header(headers, "ce_id", UUID.randomUUID().toString());
    header(headers, "ce_type", sample.type());
    header(
        headers,
        "ce_source",
        sample.topic().equals(DecisionEvents.TOPIC)
            ? "/passerelle/decision-service"
            : "/passerelle/benefits-service");
    header(headers, "ce_time", Instant.now().toString());
    header(headers, "ce_subject", dossier);
    header(headers, "ce_specversion", "1.0");
    return new ProducerRecord<>(sample.topic(), null, dossier, json, headers);
  }

  private static void header(RecordHeaders headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private static Sample sample(String topic, String type) {
    String resource = "contracts/" + type + ".sample.json";
    try (InputStream in = ContractEvents.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " not on the class path");
      }
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (!json.contains(SAMPLE_DOSSIER) || !json.contains(SAMPLE_DEPARTEMENT)) {
        throw new IllegalStateException(resource + " no longer holds the ids replaced here");
      }
      return new Sample(topic, type, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
