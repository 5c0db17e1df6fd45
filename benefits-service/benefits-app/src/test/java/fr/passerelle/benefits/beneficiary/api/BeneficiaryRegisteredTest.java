package fr.passerelle.benefits.beneficiary.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.passerelle.benefits.events.AfisRefusalReason;
import fr.passerelle.benefits.events.Territory;
import java.time.LocalDate;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The stored events stay readable: those written when rights opened automatically at validation
 * read with what they did not keep as unknown.
 */
class BeneficiaryRegisteredTest {

  private final JacksonSerializer serializer =
      JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build();

  @Test
  void aRegistrationStoredBeforeTheProfileWasKeptReadsWithAnUnknownProfile() {
    BeneficiaryRegistered event =
        read(
            BeneficiaryRegistered.class,
            """
            {"dossierId":"d-1","departmentCode":"31","decidedOn":"2019-04-18",\
            "startDate":"2019-05-01","endDate":"2019-10-31"}""");

    assertThat(event)
        .isEqualTo(
            new BeneficiaryRegistered(
                "d-1",
                "31",
                LocalDate.of(2019, 4, 18),
                LocalDate.of(2019, 5, 1),
                LocalDate.of(2019, 10, 31),
                null,
                null,
                null,
                null,
                null,
                null));
  }

  @Test
  void theProfileIsStoredWithTheRegistration() {
    var event =
        new BeneficiaryRegistered(
            "d-2",
            "31",
            LocalDate.of(2019, 4, 18),
            LocalDate.of(2019, 5, 1),
            LocalDate.of(2019, 10, 31),
            "a-1",
            "BR",
            "FROM_25_TO_34",
            2,
            false,
            true);

    String stored = serializer.serialize(event, String.class).getData();

    assertThat(stored).contains("\"associationId\":\"a-1\"", "\"procuringVictim\":true");
    assertThat(read(BeneficiaryRegistered.class, stored)).isEqualTo(event);
  }

  @Test
  void anAutomaticGrantStoredBeforeRequestsReadsWithoutRequestNorHousehold() {
    AfisGranted granted =
        read(
            AfisGranted.class,
            """
            {"dossierId":"d-1","departmentCode":"31","monthlyAmountCents":43200,\
            "territory":"MAINLAND","from":"2019-05-01","until":"2019-10-31"}""");

    assertThat(granted)
        .isEqualTo(
            new AfisGranted(
                "d-1",
                "31",
                43_200,
                Territory.MAINLAND,
                LocalDate.of(2019, 5, 1),
                LocalDate.of(2019, 10, 31),
                null,
                null,
                null,
                null));
    AfisRefused refused =
        read(
            AfisRefused.class,
            """
            {"dossierId":"d-1","departmentCode":"31","reason":"RECEIVES_ADA",\
            "decidedOn":"2019-04-18"}""");
    assertThat(refused.reasons()).isNull();
    assertThat(refused.reason()).isEqualTo(AfisRefusalReason.RECEIVES_ADA);
  }

  @Test
  void aPaymentKeepsItsMonth() {
    var paid =
        new AfisPaid(
            "d-3",
            "31",
            java.time.YearMonth.of(2022, 11),
            44_928,
            44_928,
            Territory.MAINLAND,
            1,
            "décret 2022-1340",
            null,
            null,
            "run-1",
            LocalDate.of(2022, 11, 28));

    assertThat(read(AfisPaid.class, serializer.serialize(paid, String.class).getData()))
        .isEqualTo(paid);
  }

  private <T> T read(Class<T> type, String json) {
    return serializer.deserialize(
        new SimpleSerializedObject<>(json, String.class, type.getName(), null));
  }
}
