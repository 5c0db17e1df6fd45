package fr.passerelle.benefits;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.passerelle.testsupport.ArchitectureRules;

@AnalyzeClasses(
    packages = "fr.passerelle.benefits",
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

  /**
   * Adapters (web, consumer, publisher, payment executor) reach the domain through its messages;
   * only the web edge knows the domain's exceptions, only config builds its rules, and the read
   * side uses the rules to preview what payments will be. An empty layer fails the rule.
   */
  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("Api")
          .definedBy("fr.passerelle.benefits.*.api..")
          .layer("Command")
          .definedBy("fr.passerelle.benefits.*.command..")
          .layer("Query")
          .definedBy("fr.passerelle.benefits.*.query..")
          .layer("Web")
          .definedBy("fr.passerelle.benefits.*.web..")
          .layer("Consuming")
          .definedBy("fr.passerelle.benefits.*.consuming..")
          .layer("Execution")
          .definedBy("fr.passerelle.benefits.*.execution..")
          .layer("Publishing")
          .definedBy("fr.passerelle.benefits.publishing..")
          .layer("Config")
          .definedBy("fr.passerelle.benefits.config..")
          .whereLayer("Web")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Consuming")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Execution")
          .mayOnlyBeAccessedByLayers("Config")
          .whereLayer("Publishing")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("Query")
          .mayOnlyBeAccessedByLayers("Config")
          .whereLayer("Command")
          .mayOnlyBeAccessedByLayers("Web", "Query", "Config");
}
