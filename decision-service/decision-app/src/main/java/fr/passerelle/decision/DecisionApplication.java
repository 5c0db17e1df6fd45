package fr.passerelle.decision;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * decision-service: commission sessions and opinions, the préfet's decisions, pathway terms and
 * renewals. Publishes on {@code decision.events}.
 */
@SpringBootApplication
public class DecisionApplication {

  public static void main(String[] args) {
    SpringApplication.run(DecisionApplication.class, args);
  }
}
