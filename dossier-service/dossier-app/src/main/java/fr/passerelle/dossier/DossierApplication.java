package fr.passerelle.dossier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * dossier-service: approved associations draft and submit dossiers here; it keeps the persons'
 * identities and publishes the dossiers' public events on {@code dossier.events}.
 */
@SpringBootApplication
public class DossierApplication {

  public static void main(String[] args) {
    SpringApplication.run(DossierApplication.class, args);
  }
}
