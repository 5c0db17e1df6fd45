package fr.passerelle.benefits.beneficiary.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The stored events stay readable: those written before the association was kept have none. */
class BeneficiaryRegisteredTest {

  private final JacksonSerializer serializer =
      JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build();

  @Test
  void anEventStoredBeforeTheAssociationWasKeptReadsAsAccompaniedByNone() {
    BeneficiaryRegistered event =
        read(
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
                null));
  }

  @Test
  void theAssociationIsStoredWithTheEvent() {
    var event =
        new BeneficiaryRegistered(
            "d-2",
            "31",
            LocalDate.of(2019, 4, 18),
            LocalDate.of(2019, 5, 1),
            LocalDate.of(2019, 10, 31),
            "a-1");

    String stored = serializer.serialize(event, String.class).getData();

    assertThat(stored).contains("\"associationId\":\"a-1\"");
    assertThat(read(stored)).isEqualTo(event);
  }

  private BeneficiaryRegistered read(String json) {
    return serializer.deserialize(
        new SimpleSerializedObject<>(
            json, String.class, BeneficiaryRegistered.class.getName(), null));
  }
}
