package fr.passerelle.decision;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.passerelle.testsupport.ArchitectureRules;

@AnalyzeClasses(
    packages = "fr.passerelle.decision",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule domainHasNoSpringNorJpa = ArchitectureRules.DOMAIN_HAS_NO_SPRING_NOR_JPA;

  @ArchTest static final ArchRule messagesAreRecords = ArchitectureRules.MESSAGES_ARE_RECORDS;

  @ArchTest
  static final ArchRule commandsAndQueriesAreNamedAsSuch =
      ArchitectureRules.COMMANDS_AND_QUERIES_ARE_NAMED_AS_SUCH;

  @ArchTest static final ArchRule commandsLiveInApi = ArchitectureRules.COMMANDS_LIVE_IN_API;
  @ArchTest static final ArchRule controllersLiveInWeb = ArchitectureRules.CONTROLLERS_LIVE_IN_WEB;
  @ArchTest static final ArchRule domainDoesNotUseWeb = ArchitectureRules.DOMAIN_DOES_NOT_USE_WEB;
}
