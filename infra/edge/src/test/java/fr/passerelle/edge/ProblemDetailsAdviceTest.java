package fr.passerelle.edge;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring MVC's own refusals, which the services' code never sees (a body of a type no operation
 * reads, a method the path does not take, a missing parameter), are problems with the platform's
 * French title and type, like the domain's refusals.
 */
class ProblemDetailsAdviceTest {

  @RestController
  static class Things {

    @PostMapping("/things")
    Map<String, Object> create(@RequestBody Map<String, Object> thing) {
      return thing;
    }

    @GetMapping("/things")
    String list(@RequestParam int year) {
      return "[]";
    }
  }

  /** With Spring Security's firewall in front, as in every service. */
  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new Things())
          .setControllerAdvice(new ProblemDetailsAdvice())
          .addFilters(
              new FilterChainProxy(new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE)))
          .build();

  @Test
  void aBodyOfAnotherMediaTypeIsAFrenchProblem() throws Exception {
    var xml = mvc.perform(post("/things").contentType(MediaType.APPLICATION_XML).content("<a/>"));
    var form =
        mvc.perform(
            post("/things").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("a=b"));
    var none = mvc.perform(post("/things").content("{}"));

    for (ResultActions refused : List.of(xml, form, none)) {
      assertProblem(
          refused,
          415,
          "Type de contenu non pris en charge",
          "urn:passerelle:probleme:type-de-contenu-non-pris-en-charge");
      refused.andExpect(
          jsonPath("$.detail")
              .value(startsWith("Le corps de la requête doit être de type application/json")));
    }
  }

  @Test
  void aFormBodyNamingAParameterTheFirewallRefusesIsAFrenchProblem() throws Exception {
    var refused =
        mvc.perform(
            post("/things").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("%01=1"));

    assertProblem(refused, 400, "Requête invalide", "urn:passerelle:probleme:requete-invalide");
    refused.andExpect(
        jsonPath("$.detail")
            .value("La requête contient un paramètre dont le nom ou la valeur n'est pas permis."));
  }

  @Test
  void aMethodThePathDoesNotTakeIsAFrenchProblem() throws Exception {
    assertProblem(
        mvc.perform(put("/things").contentType(MediaType.APPLICATION_JSON).content("{}")),
        405,
        "Méthode non autorisée",
        "urn:passerelle:probleme:methode-non-autorisee");
  }

  @Test
  void aMissingParameterIsAFrenchProblem() throws Exception {
    assertProblem(
        mvc.perform(get("/things")),
        400,
        "Requête invalide",
        "urn:passerelle:probleme:requete-invalide");
  }

  private static void assertProblem(ResultActions refused, int status, String title, String type)
      throws Exception {
    refused
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value(title))
        .andExpect(jsonPath("$.type").value(type))
        .andExpect(jsonPath("$.status").value(status));
  }
}
