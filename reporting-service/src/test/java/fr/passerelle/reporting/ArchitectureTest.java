package fr.passerelle.reporting;

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
}
