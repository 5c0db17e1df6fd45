package fr.passerelle.gateway.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.resource.ResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The web application's scripts, styles, fonts and icons ({@code /assets/…}, {@code /dsfr/…}):
 * Spring's resource handling finds each file in the jar, as before (its checks of the path, its
 * content type, {@code Last-Modified} and 304, {@code HEAD}, ranges), and answers it from a copy
 * read whole from the jar the first time it is asked for. As for the pages ({@link
 * WebApplicationPages}), no request streams from the jar: a page read from the jar at each request
 * once answered 500 under load ({@code ZipException: invalid stored block lengths}). Only the files
 * asked for are copied, once each: a browser's handful, not the 1,000 icons of the design system.
 */
@Configuration(proxyBeanMethods = false)
public class WebApplicationAssets implements WebFluxConfigurer {

  private static final List<String> FOLDERS = List.of("assets", "dsfr");

  private final ReadOnce readOnce = new ReadOnce();

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    for (String folder : FOLDERS) {
      registry
          .addResourceHandler("/" + folder + "/**")
          .addResourceLocations("classpath:/static/" + folder + "/")
          .resourceChain(false)
          .addResolver(readOnce);
    }
  }

  /** The file the rest of the chain finds, answered from its copy, made the first time. */
  private static final class ReadOnce implements ResourceResolver {

    private final Map<Resource, Resource> copies = new ConcurrentHashMap<>();

    @Override
    public Mono<Resource> resolveResource(
        ServerWebExchange exchange,
        String requestPath,
        List<? extends Resource> locations,
        ResourceResolverChain chain) {
      return chain.resolveResource(exchange, requestPath, locations).map(this::copy);
    }

    @Override
    public Mono<String> resolveUrlPath(
        String resourcePath, List<? extends Resource> locations, ResourceResolverChain chain) {
      return chain.resolveUrlPath(resourcePath, locations);
    }

    /**
     * Keyed by the resource found, which equals another for the same file (its path): no lookup of
     * the file's URL at each request.
     */
    private Resource copy(Resource found) {
      return copies.computeIfAbsent(found, Copy::of);
    }
  }

  /** A file's bytes, with the name its content type comes from and its modification time. */
  private static final class Copy extends ByteArrayResource {

    private final String filename;
    private final long lastModified;

    private Copy(byte[] content, String filename, long lastModified) {
      super(content, filename);
      this.filename = filename;
      this.lastModified = lastModified;
    }

    static Copy of(Resource found) {
      try {
        return new Copy(found.getContentAsByteArray(), found.getFilename(), found.lastModified());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String getFilename() {
      return filename;
    }

    @Override
    public long lastModified() {
      return lastModified;
    }
  }
}
