package fr.passerelle.reporting.review;

import fr.passerelle.reporting.review.smallcells.SmallCells;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The statistical secrecy of what leaves the départements' staff: counts under {@code
 * passerelle.reporting.small-cells.threshold} (k, 11 by default as the IOM counter-trafficking data
 * hub) are withheld.
 */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

  @Bean
  SmallCells smallCells(
      @Value("${passerelle.reporting.small-cells.threshold:" + SmallCells.DEFAULT_THRESHOLD + "}")
          int threshold) {
    return new SmallCells(threshold);
  }
}
