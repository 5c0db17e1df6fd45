package fr.passerelle.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.passerelle.testsupport.ArchitectureRules;

@AnalyzeClasses(
    packages = "fr.passerelle.reporting",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchRule controllersLiveInWeb = ArchitectureRules.CONTROLLERS_LIVE_IN_WEB;

  @ArchTest
  static final ArchRule queriesAreFindRecordsInQuery =
      classes()
          .that()
          .haveSimpleNameEndingWith("Query")
          .should()
          .beRecords()
          .andShould()
          .haveSimpleNameStartingWith("Find")
          .andShould()
          .resideInAPackage("fr.passerelle.reporting..query..");

  @ArchTest
  static final ArchRule readModelsDoNotUseTheWebLayer =
      noClasses()
          .that()
          .resideInAnyPackage("..projection..", "..query..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("fr.passerelle.reporting..web..");
}
