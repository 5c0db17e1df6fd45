package fr.passerelle.dossier.intake.command;

import static fr.passerelle.dossier.Dossiers.aCompleteContent;
import static fr.passerelle.dossier.Dossiers.anEmptyContent;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.dossier.events.AgeBand;
import fr.passerelle.dossier.intake.command.Approvals.Approval;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletenessTest {

  private static final LocalDate TODAY = LocalDate.of(2019, 3, 14);
  private static final Approvals ONLY_A_IN_31 =
      (association, department) ->
          "a".equals(association) && "31".equals(department)
              ? Optional.of(new Approval(LocalDate.of(2018, 6, 1), LocalDate.of(2021, 5, 31)))
              : Optional.empty();

  @Test
  void everyMissingFieldIsNamedAtOnce() {
    List<Gap> gaps =
        Completeness.gaps(anEmptyContent(), "31", "p", TODAY, ONLY_A_IN_31, noIdentity());

    assertThat(gaps)
        .extracting(Gap::field)
        .containsExactlyInAnyOrder(
            "person.lastName",
            "person.firstName",
            "person.birthDate",
            "associationId",
            "nationality",
            "children",
            "monthlyResources",
            "receivesRsa",
            "receivesAda",
            "traffickingVictim",
            "plan.actions",
            "plan.stopsProstitution",
            "plan.signedOn");
  }

  @Test
  void aCompleteDossierHasNoGap() {
    assertThat(
            Completeness.gaps(aCompleteContent("a"), "31", "p", TODAY, ONLY_A_IN_31, identified()))
        .isEmpty();
  }

  @Test
  void anAssociationApprovedElsewhereCannotSubmit() {
    assertThat(
            Completeness.gaps(aCompleteContent("a"), "75", "p", TODAY, ONLY_A_IN_31, identified()))
        .extracting(Gap::field)
        .containsExactly("associationId");
  }

  @Test
  void aSubmissionBeforeTheApprovalNamesItsDateAndOneAfterItsEndTheAssociation() {
    assertThat(
            Completeness.gaps(
                aCompleteContent("a"),
                "31",
                "p",
                LocalDate.of(2018, 5, 31),
                ONLY_A_IN_31,
                identified()))
        .extracting(Gap::field)
        .containsExactly("submittedOn", "plan.signedOn");
    assertThat(
            Completeness.gaps(
                aCompleteContent("a"),
                "31",
                "p",
                LocalDate.of(2021, 6, 1),
                ONLY_A_IN_31,
                identified()))
        .extracting(Gap::field)
        .containsExactly("associationId");
  }

  @Test
  void aPlanSignedAfterTheSubmissionIsRefused() {
    assertThat(
            Completeness.gaps(
                aCompleteContent("a"),
                "31",
                "p",
                LocalDate.of(2019, 2, 1),
                ONLY_A_IN_31,
                identified()))
        .extracting(Gap::field)
        .containsExactly("plan.signedOn");
  }

  @Test
  void ageBandsFollowTheAgeOnTheDay() {
    LocalDate born = LocalDate.of(2001, 3, 15);

    assertThat(AgeBands.on(born, TODAY)).isEqualTo(AgeBand.UNDER_18);
    assertThat(AgeBands.on(born, TODAY.plusDays(1))).isEqualTo(AgeBand.FROM_18_TO_24);
    assertThat(AgeBands.on(LocalDate.of(1960, 1, 1), TODAY)).isEqualTo(AgeBand.FROM_55);
  }

  private static PersonalFiles noIdentity() {
    return files(List.of("person.lastName", "person.firstName", "person.birthDate"));
  }

  private static PersonalFiles identified() {
    return files(List.of());
  }

  private static PersonalFiles files(List<String> missing) {
    return new PersonalFiles() {
      @Override
      public List<String> missingFields(String personId) {
        return missing;
      }

      @Override
      public Optional<LocalDate> birthDate(String personId) {
        return Optional.of(LocalDate.of(1994, 5, 2));
      }

      @Override
      public Optional<String> pseudonym(String personId, String dossierId) {
        return Optional.of("pseudonym-of-" + dossierId);
      }
    };
  }
}
