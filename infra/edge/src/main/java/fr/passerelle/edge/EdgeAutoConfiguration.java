package fr.passerelle.edge;

import fr.passerelle.edge.audit.AccessLog;
import fr.passerelle.edge.route.AccessRecorder;
import fr.passerelle.edge.route.CallerArgumentResolver;
import fr.passerelle.edge.route.DossierOwnership;
import fr.passerelle.edge.route.RouteGuard;
import fr.passerelle.edge.route.ServiceName;
import fr.passerelle.edge.security.PasserelleUser;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;

/**
 * The edge of every servlet service: request correlation, the body limit, the route guard that
 * checks each call of the public API against the route table, the caller handed to controllers, the
 * access log's recorder, and problem details for every error, Tomcat's own refusals included.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(EdgeProperties.class)
@Import(ProblemDetailsAdvice.class)
public class EdgeAutoConfiguration {

  @Bean
  FilterRegistrationBean<CorrelationFilter> correlationFilter() {
    var registration = new FilterRegistrationBean<>(new CorrelationFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(EdgeProperties properties) {
    var registration =
        new FilterRegistrationBean<>(new BodyLimitFilter(properties.maxBodySize().toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  /** Text holding U+0000 refused while a body is read (see {@link NoNulInText}). */
  @Bean
  JacksonModule noNulInText() {
    return NoNulInText.module();
  }

  @Bean
  AccessRecorder accessRecorder(ObjectProvider<AccessLog> log, ObjectProvider<Clock> clock) {
    return new AccessRecorder(
        Optional.ofNullable(log.getIfAvailable()), clock.getIfAvailable(Clock::systemUTC));
  }

  @Bean
  WebMvcConfigurer routeGuard(
      Environment environment,
      ObjectProvider<DossierOwnership> ownership,
      AccessRecorder recorder) {
    // which service's routes this application answers: its name, unless told otherwise (an
    // instance started under another name for isolation, as some tests do)
    Optional<ServiceName> service =
        ServiceName.ofApplication(
            environment.getProperty(
                "passerelle.edge.service",
                environment.getRequiredProperty("spring.application.name")));
    RouteGuard guard =
        new RouteGuard(service, Optional.ofNullable(ownership.getIfAvailable()), recorder);
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(guard).addPathPatterns("/api/**");
      }

      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
      }
    };
  }

  /**
   * Tomcat's error report valve replaced by {@link ProblemReportValve}: a request Tomcat refuses
   * before the application sees it gets a problem, not an HTML page. Ordered last, so that it
   * replaces the valve Spring Boot's own customizer adds.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
  static class TomcatRefusals {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve() {
      return new ProblemReportCustomizer();
    }
  }

  private static final class ProblemReportCustomizer
      implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
      factory.addContextCustomizers(
          context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
              if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
              }
            }
            host.getPipeline().addValve(new ProblemReportValve());
            // the host adds a valve of this class when it starts, unless it already holds one
            if (host instanceof StandardHost standardHost) {
              standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
          });
    }

    @Override
    public int getOrder() {
      return Ordered.LOWEST_PRECEDENCE;
    }
  }

  /**
   * What {@code @PastOrPresent} and its kind compare a date with: today on the platform's clock (in
   * France, the scheduling's zone), not on the machine's, which a server usually keeps in UTC. On a
   * server in UTC, from midnight to 1 or 2 in the morning in France, a plan signed that day was
   * refused as signed in the future.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = "org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer")
  static class ValidationClock {

    /** The clock is looked up at the first validation, once the context has it, then kept. */
    @Bean
    ValidationConfigurationCustomizer platformClockForValidation(ObjectProvider<Clock> clock) {
      Supplier<Clock> platformClock =
          SingletonSupplier.of(() -> clock.getIfAvailable(Clock::systemDefaultZone));
      return configuration -> configuration.clockProvider(platformClock::get);
    }
  }

  /**
   * The caller a controller takes comes from the token, never from the request: the API
   * documentation must not ask a developer for a {@code caller} query parameter.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springdoc.core.utils.SpringDocUtils")
  static class ApiDocumentation {

    ApiDocumentation() {
      SpringDocUtils.getConfig().addRequestWrapperToIgnore(PasserelleUser.class);
    }
  }
}
