package fr.passerelle.dossier;

import static org.awaitility.Awaitility.await;

import fr.passerelle.dossier.events.DossierEvents;
import fr.passerelle.dossier.intake.api.DossierContent;
import fr.passerelle.dossier.intake.api.PathwayAction;
import fr.passerelle.testsupport.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Test data: dossiers and their parts as the tests need them. */
public final class Dossiers {

  public static final LocalDate SIGNED_ON = LocalDate.of(2019, 3, 1);

  private Dossiers() {}

  /** The first record of {@code type} published for {@code dossierId} on dossier.events. */
  public static ConsumerRecord<String, String> awaitPublished(String dossierId, String type) {
    try (var topic = new TopicReader(DossierEvents.TOPIC)) {
      return await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  topic.readAll().stream()
                      .filter(r -> dossierId.equals(r.key()))
                      .filter(
                          r ->
                              type.equals(
                                  new String(
                                      r.headers().lastHeader("ce_type").value(),
                                      StandardCharsets.UTF_8)))
                      .findFirst()
                      .orElse(null),
              record -> record != null);
    }
  }

  public static String anyId() {
    return UUID.randomUUID().toString();
  }

  /** Everything a submission needs: a Nigerian trafficking victim with one child. */
  public static DossierContent aCompleteContent(String associationId) {
    return new DossierContent(
        associationId,
        "NG",
        1,
        120,
        false,
        false,
        true,
        Set.of(PathwayAction.HOUSING, PathwayAction.PROFESSIONAL_INTEGRATION),
        true,
        SIGNED_ON,
        false);
  }

  public static DossierContent anEmptyContent() {
    return new DossierContent(null, null, null, null, null, null, null, null, null, null, null);
  }

  /**
   * The JSON body of a complete dossier, as an association would send it: a victim of trafficking,
   * not of procuring.
   */
  public static String aCompleteDossierBody(String associationId) {
    return """
        {"associationId":"%s",
         "person":{"lastName":"Okafor","firstName":"Blessing","birthDate":"1994-05-02",
                   "phone":"+33 6 12 34 56 78","email":"b.okafor@example.org"},
         "nationality":"NG","children":1,"monthlyResources":120,
         "receivesRsa":false,"receivesAda":false,"traffickingVictim":true,"procuringVictim":false,
         "plan":{"actions":["HOUSING","PROFESSIONAL_INTEGRATION"],"notes":"Hébergement puis formation",
                 "stopsProstitution":true,"signedOn":"2019-03-01"}}"""
        .formatted(associationId);
  }

  /** The person's erasure request, received today. */
  public static String anErasureRequestBody() {
    return "{\"receivedOn\":\"" + LocalDate.now(FRANCE) + "\"}";
  }

  /** An association approved from a year ago to a year from now. */
  public static String anAssociationBody() {
    LocalDate today = LocalDate.now(FRANCE);
    return """
        {"name":"Association d'accompagnement","approvedFrom":"%s","approvedUntil":"%s"}"""
        .formatted(today.minusYears(1), today.plusYears(1));
  }

  /** Where requests are dated. */
  public static final java.time.ZoneId FRANCE = java.time.ZoneId.of("Europe/Paris");

  /** A renewal request made on {@code requestedOn}, with its plan and what was achieved. */
  public static String aRenewalBody(LocalDate requestedOn) {
    return """
        {"requestedOn":"%s","plan":"Formation qualifiante puis recherche d'emploi",\
        "achievements":"Hébergement stable, cours de français suivis"}"""
        .formatted(requestedOn);
  }
}
