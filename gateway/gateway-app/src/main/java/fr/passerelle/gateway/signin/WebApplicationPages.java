package fr.passerelle.gateway.signin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The web application's pages: every page path ({@code /}, {@code /dossiers/…}) answers the
 * application's {@code index.html}, which then shows the page; its scripts, styles and fonts are
 * static resources ({@code /assets/…}, {@code /dsfr/…}). The API, the sign-in and the operators'
 * paths are not pages.
 */
@Configuration(proxyBeanMethods = false)
public class WebApplicationPages {

  private static final List<String> NOT_PAGES =
      List.of(
          "/api/",
          "/web/",
          "/connexion",
          "/oauth2/",
          "/login/",
          "/logout",
          "/dev/",
          "/actuator",
          "/v3/",
          "/swagger-ui",
          "/webjars/",
          "/fallback/",
          "/assets/",
          "/dsfr/");

  static boolean isPage(String path) {
    if (NOT_PAGES.stream().anyMatch(path::startsWith) || path.equals("/api")) {
      return false;
    }
    String last = path.substring(path.lastIndexOf('/') + 1);
    return !last.contains(".");
  }

  /**
   * The pages' {@code index.html}, read from the jar once, when the gateway starts: a page is then
   * answered from memory. Read from the jar at each request, it shared the jar's inflaters with the
   * other requests, and one page answered 500 under load in CI ({@code ZipException: invalid stored
   * block lengths}), most likely an inflater handed back by a request cancelled mid-read while
   * another was still using it.
   */
  @Bean
  RouterFunction<ServerResponse> webApplication() throws IOException {
    Resource index = new ClassPathResource("static/index.html");
    byte[] page = index.exists() ? index.getContentAsByteArray() : null;
    return RouterFunctions.route(
        RequestPredicates.GET("/**").and(request -> isPage(request.path())),
        request ->
            page != null
                ? ServerResponse.ok()
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noCache())
                    .bodyValue(page)
                : ServerResponse.notFound().build());
  }
}
