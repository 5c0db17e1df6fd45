package fr.passerelle.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules every service's code follows, checked by each service's {@code ArchitectureTest}:
 * inside a feature package, {@code api} holds the messages (records), {@code command} the
 * aggregates and domain rules (no Spring, no JPA), {@code web} the controllers. A rule that finds
 * no class to check fails, so a misspelt package cannot pass silently: a service applies the rules
 * of the layers it has.
 */
public final class ArchitectureRules {

  private ArchitectureRules() {}

  /** Aggregates and domain rules know nothing of Spring or JPA (Axon's stereotype aside). */
  public static final ArchRule DOMAIN_HAS_NO_SPRING_NOR_JPA =
      noClasses()
          .that()
          .resideInAPackage("..command..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..")
          .because("domain rules are plain Java wired in config (style.md)");

  /** Commands, events, queries and views are records (their value types may be enums). */
  public static final ArchRule MESSAGES_ARE_RECORDS =
      classes()
          .that()
          .resideInAPackage("..api..")
          .and()
          .areTopLevelClasses()
          .should()
          .beRecords()
          .orShould()
          .beEnums();

  /** One suffix rule: a command is named {@code …Command}, a query {@code Find…Query}. */
  public static final ArchRule COMMANDS_AND_QUERIES_ARE_NAMED_AS_SUCH =
      classes()
          .that()
          .resideInAPackage("..api..")
          .and()
          .haveSimpleNameEndingWith("Query")
          .should()
          .haveSimpleNameStartingWith("Find");

  /** Commands sit with the messages. */
  public static final ArchRule COMMANDS_LIVE_IN_API =
      classes().that().haveSimpleNameEndingWith("Command").should().resideInAPackage("..api..");

  /** Controllers live in web packages and the domain never calls them. */
  public static final ArchRule CONTROLLERS_LIVE_IN_WEB =
      classes()
          .that()
          .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
          .should()
          .resideInAPackage("..web..");

  public static final ArchRule DOMAIN_DOES_NOT_USE_WEB =
      noClasses()
          .that()
          .resideInAnyPackage("..command..", "..api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..web..");
}
