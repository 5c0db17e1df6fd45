package fr.passerelle.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A person signs in with a browser as they would with the real provider: the authorization code
 * flow with PKCE through the dev issuer's sign-in page, a session cookie the page's scripts cannot
 * read, the access token relayed to the services and never shown to the browser, CSRF protection on
 * every unsafe call, and sign-out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class BrowserSignInTest {

  private static final Pattern HIDDEN =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

  @LocalServerPort int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    StubServices.ports()
        .forEach(
            (service, port) ->
                registry.add(
                    service.toUpperCase(Locale.ROOT) + "_SERVICE_URL",
                    () -> "http://127.0.0.1:" + port));
  }

  /** A browser: keeps cookies, follows no redirect by itself. */
  private final HttpClient browser =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /**
   * Every page path answers the web application's index, sixteen at once: the page a browser asks
   * for first, before anything else, never fails.
   */
  @Test
  void everyPagePathAnswersTheApplicationsIndexSixteenAtOnce() throws Exception {
    byte[] index = new ClassPathResource("static/index.html").getContentAsByteArray();
    List<CompletableFuture<HttpResponse<byte[]>>> pages = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String path = i % 2 == 0 ? "/" : "/dossiers/" + i;
      pages.add(
          browser.sendAsync(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofByteArray()));
    }
    for (var page : pages) {
      HttpResponse<byte[]> answer = page.get();
      assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
      assertThat(answer.body()).isEqualTo(index);
    }
  }

  /**
   * The scripts, styles and fonts a page loads answer their exact bytes and content type, sixteen
   * at once and again, each its Last-Modified and a 304 when the browser has it already; a file
   * that is not there is not found.
   */
  @Test
  void theApplicationsScriptsStylesAndFontsAnswerTheirBytesSixteenAtOnce() throws Exception {
    String index =
        new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
    Matcher script = Pattern.compile("src=\"/(assets/[^\"]+\\.js)\"").matcher(index);
    assertThat(script.find()).as(index).isTrue();
    Map<String, String> files =
        Map.of(
            script.group(1),
            "text/javascript",
            "dsfr/dsfr.min.css",
            "text/css",
            "dsfr/fonts/Marianne-Regular.woff2",
            "font/woff2");
    List<String> paths = List.copyOf(files.keySet());
    List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      answers.add(
          browser.sendAsync(
              HttpRequest.newBuilder(uri("/" + paths.get(i % paths.size()))).build(),
              BodyHandlers.ofByteArray()));
    }
    for (var pending : answers) {
      HttpResponse<byte[]> answer = pending.get();
      String file = answer.uri().getPath().substring(1);
      assertThat(answer.statusCode()).as(file).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
          .as(file)
          .startsWith(files.get(file));
      byte[] inTheJar = new ClassPathResource("static/" + file).getContentAsByteArray();
      assertThat(Arrays.equals(answer.body(), inTheJar))
          .as("%s: %d bytes answered, the jar's %d", file, answer.body().length, inTheJar.length)
          .isTrue();
    }

    String lastModified = answers.get(0).get().headers().firstValue("Last-Modified").orElseThrow();
    HttpResponse<byte[]> unchanged =
        browser.send(
            HttpRequest.newBuilder(uri("/" + paths.get(0)))
                .header("If-Modified-Since", lastModified)
                .build(),
            BodyHandlers.ofByteArray());
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();
    assertThat(get("/dsfr/absent.min.css").statusCode()).isEqualTo(404);
    assertThat(get("/assets/../application.yml").statusCode()).isIn(400, 404);
  }

  @Test
  void aPersonSignsInWithPkceAndTheGatewayRelaysTheirTokenWithoutShowingIt() throws Exception {
    var start = get("/connexion?retour=/dossiers");
    assertThat(start.statusCode()).isEqualTo(302);
    assertThat(start.headers().firstValue("Location")).hasValue("/oauth2/authorization/passerelle");
    assertThat(start.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie.toLowerCase(Locale.ROOT))
                    .startsWith("session=")
                    .contains("; httponly", "; samesite=lax"));

    var authorization = get("/oauth2/authorization/passerelle");
    assertThat(authorization.statusCode()).isEqualTo(302);
    String authorize = authorization.headers().firstValue("Location").orElseThrow();
    Map<String, String> request = query(authorize);
    assertThat(authorize).startsWith("/dev/oauth2/authorize?");
    assertThat(request)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", "passerelle-web")
        .containsEntry("code_challenge_method", "S256")
        .containsKeys("code_challenge", "state", "nonce")
        .containsEntry(
            "redirect_uri", "http://127.0.0.1:" + port + "/login/oauth2/code/passerelle");

    var page = get(authorize);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Se connecter à Passerelle", "Identifiant", "Mot de passe");

    var wrong = signIn(page.body(), "prefecture-31", "not-the-password");
    assertThat(wrong.statusCode()).isEqualTo(200);
    assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect.");

    var signedIn = signIn(page.body(), "prefecture-31", "demo");
    assertThat(signedIn.statusCode()).isEqualTo(303);
    String callback = signedIn.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(request.get("redirect_uri") + "?code=");

    var back = get(URI.create(callback).getRawPath() + "?" + URI.create(callback).getRawQuery());
    assertThat(back.statusCode()).isEqualTo(302);
    assertThat(back.headers().firstValue("Location")).hasValue("/dossiers");

    var session = get("/web/session");
    assertThat(session.statusCode()).isEqualTo(200);
    assertThat(session.body())
        .contains(
            "\"signedIn\":true",
            "\"username\":\"prefecture-31\"",
            "\"roles\":[\"PREFECTURE\"]",
            "\"departements\":[\"31\"]")
        .doesNotContain("eyJ");
    String csrf = field(session.body(), "token");

    var call = get("/api/departements/31/commission/pending-dossiers");
    assertThat(call.statusCode()).isEqualTo(200);
    var received = StubServices.RECEIVED.get(StubServices.RECEIVED.size() - 1);
    assertThat(received.path()).isEqualTo("/api/departements/31/commission/pending-dossiers");
    assertThat(received.authorization()).startsWith("Bearer eyJ");
    assertThat(received.cookie()).isNull();

    assertThat(get("/api/departements/75/commission/pending-dossiers").statusCode()).isEqualTo(403);

    int before = StubServices.RECEIVED.size();
    var forged = post("/api/departements/31/prefecture/decisions", "{}", Map.of());
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(StubServices.RECEIVED).hasSize(before);

    var decided =
        post("/api/departements/31/prefecture/decisions", "{}", Map.of("X-CSRF-TOKEN", csrf));
    assertThat(decided.statusCode()).isEqualTo(200);
    assertThat(StubServices.RECEIVED).hasSize(before + 1);

    var signOut =
        send(
            HttpRequest.newBuilder(uri("/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build());
    assertThat(signOut.statusCode()).isEqualTo(302);
    assertThat(signOut.headers().firstValue("Location")).hasValue("/?deconnexion");
    assertThat(get("/web/session").body()).contains("\"signedIn\":false");
  }

  @Test
  void twoPagesAskingForTheSessionAtOnceKeepThePersonSignedIn() throws Exception {
    String session = signInAs("secretariat-31");
    HttpClient noCookieJar = HttpClient.newHttpClient();
    HttpRequest ask =
        HttpRequest.newBuilder(uri("/web/session")).header("Cookie", "SESSION=" + session).build();

    var first = noCookieJar.send(ask, BodyHandlers.ofString());
    var second = noCookieJar.send(ask, BodyHandlers.ofString());

    assertThat(first.body()).contains("\"signedIn\":true");
    assertThat(second.body()).contains("\"signedIn\":true");
    assertThat(first.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void aCallAfterTheSessionEndedIsToldToSignInAgainAndReachesNoService() throws Exception {
    int before = StubServices.RECEIVED.size();

    var lost =
        send(
            HttpRequest.newBuilder(uri("/api/departements/31/dossiers"))
                .header("Cookie", "SESSION=ended-long-ago")
                .header("X-CSRF-TOKEN", "stale")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"))
                .build());

    assertThat(lost.statusCode()).isEqualTo(401);
    assertThat(lost.body()).contains("Votre session a pris fin");
    assertThat(lost.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(StubServices.RECEIVED).hasSize(before);
  }

  @Test
  void theSignInPageNeverRedirectsAnywhereButTheGatewaysOwnCallback() throws Exception {
    String foreign =
        "/dev/oauth2/authorize?response_type=code&client_id=passerelle-web&scope=openid"
            + "&code_challenge=abc&code_challenge_method=S256&state=s&redirect_uri="
            + URLEncoder.encode(
                "http://elsewhere.example/login/oauth2/code/passerelle", StandardCharsets.UTF_8);
    String withoutPkce =
        "/dev/oauth2/authorize?response_type=code&client_id=passerelle-web&scope=openid&state=s"
            + "&redirect_uri="
            + URLEncoder.encode(
                "http://127.0.0.1:" + port + "/login/oauth2/code/passerelle",
                StandardCharsets.UTF_8);

    var refused = get(foreign);
    var noPkce = get(withoutPkce);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Location")).isEmpty();
    assertThat(refused.body()).contains("Adresse de retour non enregistrée");
    assertThat(noPkce.statusCode()).isEqualTo(303);
    assertThat(noPkce.headers().firstValue("Location").orElseThrow())
        .contains("error=invalid_request");
  }

  @Test
  void pagesOfTheApplicationAnswerItsIndexAndItsIdentityProviderIsDiscoverable() throws Exception {
    var page = get("/dossiers/quelque-chose");
    var discovery = get("/dev/.well-known/openid-configuration");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<html lang=\"fr\"", "id=\"application\"");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(discovery.body())
        .contains("\"code_challenge_methods_supported\":[\"S256\"]", "/dev/oauth2/token");
  }

  /** Signs {@code username} in through the whole flow; the session cookie's value. */
  private String signInAs(String username) throws Exception {
    get("/connexion?retour=/");
    String authorize =
        get("/oauth2/authorization/passerelle").headers().firstValue("Location").orElseThrow();
    String callback =
        signIn(get(authorize).body(), username, "demo")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    var back = get(URI.create(callback).getRawPath() + "?" + URI.create(callback).getRawQuery());
    String cookie = back.headers().firstValue("Set-Cookie").orElseThrow();
    return cookie.substring("SESSION=".length(), cookie.indexOf(';'));
  }

  private HttpResponse<String> signIn(String page, String username, String password)
      throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    Matcher hidden = HIDDEN.matcher(page);
    while (hidden.find()) {
      form.put(hidden.group(1), unescape(hidden.group(2)));
    }
    form.put("username", username);
    form.put("password", password);
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri("/dev/oauth2/authorize"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(body))
            .build());
  }

  private static String unescape(String html) {
    return html.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">");
  }

  private static Map<String, String> query(String location) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : URI.create(location).getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      parameters.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return parameters;
  }

  private static String field(String json, String name) {
    Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
    assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
    return matcher.group(1);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).GET().build());
  }

  private HttpResponse<String> post(String path, String json, Map<String, String> headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json));
    headers.forEach(request::header);
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return browser.send(request, BodyHandlers.ofString());
  }
}
