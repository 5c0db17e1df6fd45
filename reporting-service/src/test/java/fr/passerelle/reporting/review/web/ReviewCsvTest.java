package fr.passerelle.reporting.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.reporting.review.query.DepartmentReview;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewCsvTest {

  @Test
  void theHauteGaronneReviewHasOneLinePerFigure() {
    assertThat(ReviewCsv.of(hauteGaronne(new BigDecimal("10.4"))).split("\r\n", -1))
        .containsExactly(
            "indicateur;valeur",
            "Période;de l'installation de la commission au 31/01/2020",
            "Dossiers étudiés;30",
            "Parcours validés;28",
            "Parcours refusés;2",
            "Taux de refus (%);6,7",
            "Parcours validés — nationalité NG;27",
            "Parcours validés — nationalité RO;1",
            "Victimes de traite (parcours validés);27",
            "Premières demandes enregistrées;30",
            "Demandes de renouvellement enregistrées;41",
            "Renouvellements accordés;39",
            "Renouvellements refusés;1",
            "Taux de refus des renouvellements (%);2,5",
            "Parcours en cours au 31/01/2020;26",
            "Personnes accompagnées sur la période;28",
            "Parcours terminés sur la période;2",
            "APS délivrées;27",
            "dont renouvelées;0",
            "APS en cours de validité au 31/01/2020;25",
            "Bénéficiaires de l'AFIS;28",
            "Montant mensuel de l'AFIS (€);10260,00",
            "Bénéficiaires de l'AFIS au 31/01/2020;25",
            "Personnes payées de l'AFIS sur la période;27",
            "AFIS versée pour les mois de la période (€);92345,67",
            "AFIS refusées;2",
            "AFIS refusées — motif RECEIVES_ADA;2",
            "AFIS refusées — condition non remplie RECEIVES_ADA;2",
            "AFIS refusées — condition non remplie RESOURCES_ABOVE_RSA;1",
            "Bénéficiaires en emploi au 31/01/2020;11",
            "dont en CDI;7",
            "Bénéficiaires en formation au 31/01/2020;1",
            "Bénéficiaires logés ou hébergés au 31/01/2020;20",
            "Logement au 31/01/2020 — SOCIAL_HOUSING;12",
            "Logement au 31/01/2020 — TEMPORARY_HOUSING;8",
            "Part des parcours validés en France (%);10,4",
            "");
  }

  @Test
  void noNationalShareLeavesTheValueEmpty() {
    assertThat(ReviewCsv.of(hauteGaronne(null)))
        .endsWith("\r\nPart des parcours validés en France (%);\r\n");
  }

  @Test
  void aWithheldFigureReadsSAndTheLastLineSaysWhy() {
    Map<String, Long> byNationality = new LinkedHashMap<>();
    byNationality.put("NG", 27L);
    byNationality.put("RO", null);
    DepartmentReview withheld =
        new DepartmentReview(
            "31",
            2019,
            LocalDate.of(2019, 1, 1),
            LocalDate.of(2019, 12, 31),
            Instant.parse("2026-03-01T09:00:00Z"),
            null,
            28L,
            null,
            null,
            byNationality,
            27L,
            30L,
            0L,
            0L,
            0L,
            null,
            26L,
            28L,
            0L,
            27L,
            0L,
            null,
            28L,
            1_026_000L,
            26L,
            null,
            null,
            0L,
            Map.of(),
            Map.of(),
            11L,
            null,
            null,
            0L,
            Map.of(),
            null,
            11,
            List.of(
                "afisPaidCents",
                "afisRecipientsPaid",
                "dossiersStudied",
                "nationalShareOfValidatedPercent",
                "refusalRatePercent",
                "refused",
                "validatedByNationality.RO"));

    assertThat(ReviewCsv.of(withheld).split("\r\n", -1))
        .contains(
            "Données connues au;2026-03-01T09:00:00Z",
            "Période;du 01/01/2019 au 31/12/2019",
            "Dossiers étudiés;s",
            "Parcours refusés;s",
            "APS en cours de validité au 31/12/2019;s",
            "Personnes payées de l'AFIS sur la période;s",
            "AFIS versée pour les mois de la période (€);s",
            "Parcours validés — nationalité RO;s",
            "Part des parcours validés en France (%);s",
            "Taux de refus (%);s",
            "Taux de refus des renouvellements (%);",
            "s;secret statistique : effectif de 1 à 10, ou qui permettrait d'en retrouver un");
  }

  @Test
  void eurosHaveTwoDecimalsAfterAComma() {
    assertThat(ReviewCsv.euros(0)).isEqualTo("0,00");
    assertThat(ReviewCsv.euros(5)).isEqualTo("0,05");
    assertThat(ReviewCsv.euros(43_200)).isEqualTo("432,00");
    assertThat(ReviewCsv.euros(1_234_567)).isEqualTo("12345,67");
  }

  @Test
  void theFileIsNamedAfterTheDepartementAndThePeriod() {
    assertThat(ReviewCsv.fileName(hauteGaronne(null)))
        .isEqualTo("bilan-31-installation-2020-01-31.csv");
  }

  private static DepartmentReview hauteGaronne(BigDecimal nationalShare) {
    Map<String, Long> byNationality = new LinkedHashMap<>();
    byNationality.put("NG", 27L);
    byNationality.put("RO", 1L);
    return new DepartmentReview(
        "31",
        null,
        null,
        LocalDate.of(2020, 1, 31),
        null,
        30L,
        28L,
        2L,
        new BigDecimal("6.7"),
        byNationality,
        27L,
        30L,
        41L,
        39L,
        1L,
        new BigDecimal("2.5"),
        26L,
        28L,
        2L,
        27L,
        0L,
        25L,
        28L,
        1_026_000L,
        25L,
        27L,
        9_234_567L,
        2L,
        Map.of("RECEIVES_ADA", 2L),
        ordered("RECEIVES_ADA", 2L, "RESOURCES_ABOVE_RSA", 1L),
        11L,
        7L,
        1L,
        20L,
        ordered("SOCIAL_HOUSING", 12L, "TEMPORARY_HOUSING", 8L),
        nationalShare,
        null,
        List.of());
  }

  private static Map<String, Long> ordered(String first, long one, String second, long two) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    ordered.put(first, one);
    ordered.put(second, two);
    return ordered;
  }
}
