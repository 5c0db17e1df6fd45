package fr.passerelle.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;

/** Text holding U+0000 is refused wherever it sits in a body, with the place it sits at. */
class NoNulInTextTest {

  record Agenda(String dossierId, List<String> dossierIds, Map<String, String> notes) {}

  private final JsonMapper mapper = JsonMapper.builder().addModule(NoNulInText.module()).build();

  @Test
  void textWithoutItIsReadAsBefore() {
    Agenda agenda =
        mapper.readValue(
            "{\"dossierId\":\"a\\\\u0000\",\"dossierIds\":[\"é\",\"\"],\"notes\":{\"k\":\"v\"}}",
            Agenda.class);

    assertThat(agenda.dossierId()).isEqualTo("a\\u0000");
    assertThat(agenda.dossierIds()).containsExactly("é", "");
    assertThat(agenda.notes()).containsEntry("k", "v");
  }

  @Test
  void textHoldingItIsRefusedWithItsPlaceAndWithoutItsValue() {
    for (var body :
        Map.of(
                "{\"dossierId\":\"\\u0000\"}", "dossierId",
                "{\"dossierIds\":[\"x\",\"Jeanne\\u0000\"]}", "dossierIds[1]",
                "{\"notes\":{\"k\":\"\\u0000\"}}", "notes")
            .entrySet()) {
      assertThatThrownBy(() -> mapper.readValue(body.getKey(), Agenda.class))
          .isInstanceOf(InvalidFormatException.class)
          .satisfies(
              refused -> {
                var failure = (InvalidFormatException) refused;
                assertThat(failure.getPathReference()).contains(body.getValue().split("\\[")[0]);
                assertThat(failure.getValue()).isNull();
                assertThat(failure.getMessage()).doesNotContain("Jeanne");
              });
    }
  }
}
