package fr.passerelle.benefits;

import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.RecordEmploymentCommand;
import fr.passerelle.benefits.beneficiary.api.RegisterBeneficiaryCommand;
import fr.passerelle.benefits.beneficiary.api.RequestAfisCommand;
import fr.passerelle.benefits.beneficiary.api.ResidenceDocument;
import fr.passerelle.benefits.beneficiary.command.AfisAmounts;
import fr.passerelle.benefits.beneficiary.command.AfisScale;
import fr.passerelle.benefits.beneficiary.command.AfisScales;
import fr.passerelle.benefits.beneficiary.command.EffectiveDated;
import fr.passerelle.benefits.beneficiary.command.OneOffAid;
import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.events.ContractType;
import fr.passerelle.benefits.events.Territory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

/** Test data: validated pathways, beneficiaries, requests and the rules of their rights. */
public final class Beneficiaries {

  /** A pathway across the 2022 revalorisation: authorised in July, from August to January. */
  public static final LocalDate DECIDED_ON = LocalDate.of(2022, 7, 20);

  public static final LocalDate PATHWAY_START = LocalDate.of(2022, 8, 1);
  public static final LocalDate PATHWAY_END = LocalDate.of(2023, 1, 31);

  /** The association of decision-service's golden sample, which accompanies the person. */
  public static final String ASSOCIATION_ID = "a1f2e3d4-5c6b-4a79-8e01-23456789abcd";

  private Beneficiaries() {}

  public static String anyDossierId() {
    return UUID.randomUUID().toString();
  }

  /**
   * A validation: a Nigerian adult victim of trafficking with one child in Haute-Garonne, decided
   * on 20 July 2022 for August 2022 to January 2023, accompanied by {@link #ASSOCIATION_ID}.
   */
  public static Validation aValidation(String dossierId) {
    return new Validation(dossierId);
  }

  public static BeneficiaryRegistered registered(RegisterBeneficiaryCommand validation) {
    return new BeneficiaryRegistered(
        validation.dossierId(),
        validation.departmentCode(),
        validation.decidedOn(),
        validation.startDate(),
        validation.endDate(),
        validation.associationId(),
        validation.nationality(),
        validation.ageBand(),
        validation.children(),
        validation.traffickingVictim(),
        validation.procuringVictim());
  }

  /**
   * An AFIS request of 3 August 2022 meeting every condition with a permit: one child, no
   * resources, neither RSA nor ADA, no residence document of its own.
   */
  public static AfisRequest anAfisRequest(String dossierId, String requestId) {
    return new AfisRequest(dossierId, requestId);
  }

  /** A permanent full-time job in Haute-Garonne. */
  public static RecordEmploymentCommand aPermanentJob(
      String dossierId, String employmentId, LocalDate startDate) {
    return new RecordEmploymentCommand(
        dossierId, "31", employmentId, ContractType.CDI, startDate, null, BigDecimal.valueOf(35));
  }

  /** The rules as application.yml states them, with the sources domain.md and issue 10 give. */
  public static RightsPolicy theRightsPolicy() {
    return new RightsPolicy(
        Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
            "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "IS",
            "LI", "NO", "CH"),
        theAfisScales(),
        new EffectiveDated<>(
            "RSA",
            List.of(
                rsa("2017-04-01", "536.78"),
                rsa("2017-09-01", "545.48"),
                rsa("2018-04-01", "550.93"),
                rsa("2019-04-01", "559.74"),
                rsa("2020-04-01", "564.78"),
                rsa("2021-04-01", "565.34"),
                rsa("2022-04-01", "575.52"),
                rsa("2022-07-01", "598.54"),
                rsa("2023-04-01", "607.75"),
                rsa("2024-04-01", "635.71"),
                rsa("2025-04-01", "646.52"),
                rsa("2026-04-01", "652.33"))),
        List.of(new OneOffAid(YearMonth.of(2020, 12), "décret 2020-1803", 15_000, 10_000)),
        6);
  }

  /** Décret 2017-542 from 15 April 2017, décret 2022-1340 from 21 October 2022, Mayotte 2025. */
  public static AfisScales theAfisScales() {
    LocalDate decree2017 = LocalDate.of(2017, 4, 15);
    LocalDate decree2022 = LocalDate.of(2022, 10, 21);
    return new AfisScales(
        Map.of(
            Territory.MAINLAND,
            List.of(
                scale(decree2017, "décret 2017-542", 10_200, 33_000, 43_200, 53_400, 63_600),
                scale(decree2022, "décret 2022-1340", 10_608, 34_320, 44_928, 55_536, 66_144)),
            Territory.MAYOTTE,
            List.of(
                scale(decree2017, "décret 2017-542", 3_200, 16_500, 21_600, 26_700, 31_800),
                scale(decree2022, "décret 2022-1340", 3_328, 17_160, 22_464, 27_768, 33_072),
                scale(
                    LocalDate.of(2025, 12, 1),
                    "barème de Mayotte de décembre 2025",
                    3_328,
                    27_972,
                    33_276,
                    38_580,
                    43_884))));
  }

  private static EffectiveDated.Entry<AfisScale> scale(
      LocalDate effectiveFrom, String source, long eachFurtherChild, long... byChildren) {
    return new EffectiveDated.Entry<>(
        effectiveFrom,
        new AfisScale(
            source, new AfisAmounts(LongStream.of(byChildren).boxed().toList(), eachFurtherChild)));
  }

  private static EffectiveDated.Entry<BigDecimal> rsa(String effectiveFrom, String euros) {
    return new EffectiveDated.Entry<>(LocalDate.parse(effectiveFrom), new BigDecimal(euros));
  }

  /** A validated pathway, changed one fact at a time. */
  public static final class Validation {

    private final String dossierId;
    private String departmentCode = "31";
    private String nationality = "NG";
    private String ageBand = "FROM_25_TO_34";
    private int children = 1;
    private boolean traffickingVictim = true;
    private Boolean procuringVictim;
    private LocalDate decidedOn = DECIDED_ON;
    private LocalDate startDate = PATHWAY_START;
    private LocalDate endDate = PATHWAY_END;
    private String associationId = ASSOCIATION_ID;

    private Validation(String dossierId) {
      this.dossierId = dossierId;
    }

    public Validation inDepartment(String departmentCode) {
      this.departmentCode = departmentCode;
      return this;
    }

    public Validation ofNationality(String nationality) {
      this.nationality = nationality;
      return this;
    }

    public Validation aged(String ageBand) {
      this.ageBand = ageBand;
      return this;
    }

    public Validation withChildren(int children) {
      this.children = children;
      return this;
    }

    /** Neither a victim of trafficking nor, unless said, of procuring. */
    public Validation notATraffickingVictim() {
      this.traffickingVictim = false;
      return this;
    }

    public Validation victimOfProcuring() {
      this.procuringVictim = true;
      return this;
    }

    /** Authorised on {@code decidedOn}, from {@code start} to {@code end}. */
    public Validation running(LocalDate decidedOn, LocalDate start, LocalDate end) {
      this.decidedOn = decidedOn;
      this.startDate = start;
      this.endDate = end;
      return this;
    }

    /** Accompanied by {@code associationId}; {@code null}: by no known association. */
    public Validation accompaniedBy(String associationId) {
      this.associationId = associationId;
      return this;
    }

    public RegisterBeneficiaryCommand command() {
      return new RegisterBeneficiaryCommand(
          dossierId,
          departmentCode,
          nationality,
          ageBand,
          children,
          traffickingVictim,
          procuringVictim,
          decidedOn,
          startDate,
          endDate,
          associationId);
    }
  }

  /** An AFIS request, changed one fact at a time. */
  public static final class AfisRequest {

    private final String dossierId;
    private final String requestId;
    private String departmentCode = "31";
    private LocalDate requestedOn = LocalDate.of(2022, 8, 3);
    private int children = 1;
    private long resourcesCents;
    private boolean receivesRsa;
    private boolean receivesAda;
    private ResidenceDocument residenceDocument = ResidenceDocument.NONE;
    private String ageBand;

    private AfisRequest(String dossierId, String requestId) {
      this.dossierId = dossierId;
      this.requestId = requestId;
    }

    public AfisRequest inDepartment(String departmentCode) {
      this.departmentCode = departmentCode;
      return this;
    }

    public AfisRequest on(LocalDate requestedOn) {
      this.requestedOn = requestedOn;
      return this;
    }

    public AfisRequest withChildren(int children) {
      this.children = children;
      return this;
    }

    public AfisRequest withResourcesCents(long cents) {
      this.resourcesCents = cents;
      return this;
    }

    public AfisRequest receivingRsa() {
      this.receivesRsa = true;
      return this;
    }

    public AfisRequest receivingAda() {
      this.receivesAda = true;
      return this;
    }

    public AfisRequest holding(ResidenceDocument document) {
      this.residenceDocument = document;
      return this;
    }

    public AfisRequest aged(String ageBand) {
      this.ageBand = ageBand;
      return this;
    }

    public RequestAfisCommand command() {
      return new RequestAfisCommand(
          dossierId,
          departmentCode,
          requestId,
          requestedOn,
          children,
          resourcesCents,
          receivesRsa,
          receivesAda,
          residenceDocument,
          ageBand);
    }
  }
}
