package fr.passerelle.reporting.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.reporting.review.query.DepartmentReview;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewCsvTest {

  @Test
  void theHauteGaronneReviewHasOneLinePerFigure() {
    assertThat(ReviewCsv.of(hauteGaronne2019(new BigDecimal("10.4"))).split("\r\n", -1))
        .containsExactly(
            "indicateur;valeur",
            "Dossiers étudiés;30",
            "Parcours validés;28",
            "Parcours refusés;2",
            "Parcours validés — nationalité NG;27",
            "Parcours validés — nationalité RO;1",
            "Victimes de traite (parcours validés);27",
            "APS délivrées;27",
            "Bénéficiaires de l'AFIS;28",
            "Montant mensuel de l'AFIS (€);10260,00",
            "Bénéficiaires en emploi;11",
            "dont en CDI;7",
            "Part des parcours validés en France (%);10,4",
            "");
  }

  @Test
  void noNationalShareLeavesTheValueEmpty() {
    assertThat(ReviewCsv.of(hauteGaronne2019(null)))
        .endsWith("\r\nPart des parcours validés en France (%);\r\n");
  }

  @Test
  void eurosHaveTwoDecimalsAfterAComma() {
    assertThat(ReviewCsv.euros(0)).isEqualTo("0,00");
    assertThat(ReviewCsv.euros(5)).isEqualTo("0,05");
    assertThat(ReviewCsv.euros(43_200)).isEqualTo("432,00");
    assertThat(ReviewCsv.euros(1_234_567)).isEqualTo("12345,67");
  }

  @Test
  void theFileIsNamedAfterTheDepartementAndTheYear() {
    assertThat(ReviewCsv.fileName(hauteGaronne2019(null))).isEqualTo("bilan-31-2019.csv");
  }

  private static DepartmentReview hauteGaronne2019(BigDecimal nationalShare) {
    Map<String, Long> byNationality = new LinkedHashMap<>();
    byNationality.put("NG", 27L);
    byNationality.put("RO", 1L);
    return new DepartmentReview(
        "31", 2019, null, 30, 28, 2, byNationality, 27, 27, 28, 1_026_000, 11, 7, nationalShare);
  }
}
