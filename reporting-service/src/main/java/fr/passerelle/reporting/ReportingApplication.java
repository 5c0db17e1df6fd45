package fr.passerelle.reporting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * reporting-service: consumes every published event and projects the read models behind the
 * departmental and national reviews. Its figures come from events only.
 */
@SpringBootApplication
public class ReportingApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReportingApplication.class, args);
  }
}
