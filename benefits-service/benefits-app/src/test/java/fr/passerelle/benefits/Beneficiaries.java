package fr.passerelle.benefits;

import fr.passerelle.benefits.beneficiary.api.BeneficiaryRegistered;
import fr.passerelle.benefits.beneficiary.api.OpenRightsCommand;
import fr.passerelle.benefits.beneficiary.api.RecordEmploymentCommand;
import fr.passerelle.benefits.beneficiary.command.AfisAmounts;
import fr.passerelle.benefits.beneficiary.command.AfisScale;
import fr.passerelle.benefits.beneficiary.command.AfisScales;
import fr.passerelle.benefits.beneficiary.command.EffectiveDated;
import fr.passerelle.benefits.beneficiary.command.RightsPolicy;
import fr.passerelle.benefits.events.ContractType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Test data: validated pathways, beneficiaries and the rules of their rights. */
public final class Beneficiaries {

  public static final LocalDate DECIDED_ON = LocalDate.of(2019, 4, 18);
  public static final LocalDate PATHWAY_START = LocalDate.of(2019, 5, 1);
  public static final LocalDate PATHWAY_END = LocalDate.of(2019, 10, 31);

  /** The association of decision-service's golden sample, which accompanies the person. */
  public static final String ASSOCIATION_ID = "a1f2e3d4-5c6b-4a79-8e01-23456789abcd";

  private Beneficiaries() {}

  public static String anyDossierId() {
    return UUID.randomUUID().toString();
  }

  /**
   * A validation as in decision-service's golden sample: a Nigerian adult with one child in
   * Haute-Garonne, 120 € of resources, neither RSA nor ADA, decided on 18 April 2019, accompanied
   * by {@link #ASSOCIATION_ID}.
   */
  public static Validation aValidation(String dossierId) {
    return new Validation(dossierId);
  }

  public static BeneficiaryRegistered registered(OpenRightsCommand validation) {
    return new BeneficiaryRegistered(
        validation.dossierId(),
        validation.departmentCode(),
        validation.decidedOn(),
        validation.startDate(),
        validation.endDate(),
        validation.associationId());
  }

  /** A permanent full-time job in Haute-Garonne. */
  public static RecordEmploymentCommand aPermanentJob(String dossierId, LocalDate startDate) {
    return new RecordEmploymentCommand(
        dossierId, "31", ContractType.CDI, startDate, BigDecimal.valueOf(35));
  }

  /** The rules as domain.md states them: permits, the 2016 AFIS scale, RSA rates since 2018. */
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
                rsa("2018-04-01", "550.93"),
                rsa("2019-04-01", "559.74"),
                rsa("2020-04-01", "564.78"),
                rsa("2021-04-01", "565.34"),
                rsa("2022-04-01", "575.52"),
                rsa("2022-07-01", "598.54"),
                rsa("2023-04-01", "607.75"),
                rsa("2024-04-01", "635.71"))));
  }

  /** The AFIS scale of 1 April 2016 (mainland 330 € + 102 € a child, Mayotte its own). */
  public static AfisScales theAfisScales() {
    return new AfisScales(
        List.of(new EffectiveDated.Entry<>(LocalDate.of(2016, 4, 1), the2016Scale())));
  }

  public static AfisScale the2016Scale() {
    return new AfisScale(
        new AfisAmounts(List.of(33_000L, 43_200L, 53_400L, 63_600L), 10_200L),
        new AfisAmounts(List.of(16_500L, 21_600L, 26_700L, 31_800L), 3_200L));
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
    private int monthlyResources = 120;
    private boolean receivesRsa;
    private boolean receivesAda;
    private LocalDate decidedOn = DECIDED_ON;
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

    public Validation withMonthlyResources(int euros) {
      this.monthlyResources = euros;
      return this;
    }

    public Validation receivingRsa() {
      this.receivesRsa = true;
      return this;
    }

    public Validation receivingAda() {
      this.receivesAda = true;
      return this;
    }

    public Validation decidedOn(LocalDate decidedOn) {
      this.decidedOn = decidedOn;
      return this;
    }

    /** Accompanied by {@code associationId}; {@code null}: by no known association. */
    public Validation accompaniedBy(String associationId) {
      this.associationId = associationId;
      return this;
    }

    public OpenRightsCommand command() {
      return new OpenRightsCommand(
          dossierId,
          departmentCode,
          nationality,
          ageBand,
          children,
          monthlyResources,
          receivesRsa,
          receivesAda,
          decidedOn,
          PATHWAY_START,
          PATHWAY_END,
          associationId);
    }
  }
}
