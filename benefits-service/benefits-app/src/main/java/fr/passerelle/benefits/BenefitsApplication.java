package fr.passerelle.benefits;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * benefits-service: residence permits, AFIS grants and payments, employment and other integration
 * outcomes. Publishes on {@code benefits.events}.
 */
@SpringBootApplication
public class BenefitsApplication {

  public static void main(String[] args) {
    SpringApplication.run(BenefitsApplication.class, args);
  }
}
