package fr.passerelle.edge;

import fr.passerelle.edge.refusal.FieldError;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** The stable problem types and French titles of the platform's error responses. */
public final class Problems {

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Requête invalide"),
          Map.entry(401, "Authentification requise"),
          Map.entry(403, "Accès refusé"),
          Map.entry(404, "Ressource introuvable"),
          Map.entry(405, "Méthode non autorisée"),
          Map.entry(406, "Format de réponse non disponible"),
          Map.entry(409, "Conflit avec l'état actuel"),
          Map.entry(413, "Requête trop volumineuse"),
          Map.entry(414, "Adresse trop longue"),
          Map.entry(415, "Type de contenu non pris en charge"),
          Map.entry(422, "Requête impossible à traiter"),
          Map.entry(429, "Trop de requêtes"),
          Map.entry(431, "En-têtes trop volumineux"),
          Map.entry(500, "Erreur interne"),
          Map.entry(503, "Service momentanément indisponible"),
          Map.entry(504, "Délai dépassé"));

  private static final Map<Integer, String> TYPES =
      Map.ofEntries(
          Map.entry(400, "requete-invalide"),
          Map.entry(401, "authentification-requise"),
          Map.entry(403, "acces-refuse"),
          Map.entry(404, "ressource-introuvable"),
          Map.entry(405, "methode-non-autorisee"),
          Map.entry(406, "format-non-disponible"),
          Map.entry(409, "conflit"),
          Map.entry(413, "requete-trop-volumineuse"),
          Map.entry(414, "adresse-trop-longue"),
          Map.entry(415, "type-de-contenu-non-pris-en-charge"),
          Map.entry(422, "requete-impossible"),
          Map.entry(429, "trop-de-requetes"),
          Map.entry(431, "en-tetes-trop-volumineux"),
          Map.entry(500, "erreur-interne"),
          Map.entry(503, "service-indisponible"),
          Map.entry(504, "delai-depasse"));

  /** The detail of a 401: no valid token. */
  public static final String UNAUTHENTICATED_DETAIL = "Un jeton d'accès valide est requis.";

  /** The detail of a 403, the same whatever was refused: it says nothing of what exists. */
  public static final String DENIED_DETAIL =
      "Votre rôle ou vos départements ne permettent pas cette opération.";

  private Problems() {}

  /**
   * A problem of {@code status} with its French title, stable type, {@code detail} and the id of
   * the request (to quote when asking for help).
   */
  public static ProblemDetail of(HttpStatusCode status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title(status));
    problem.setType(type(status));
    return withRequestId(problem);
  }

  /** Adds the current request's id ({@link Correlation}), when there is one. */
  public static ProblemDetail withRequestId(ProblemDetail problem) {
    String requestId = MDC.get(Correlation.REQUEST_ID);
    if (requestId != null
        && (problem.getProperties() == null || !problem.getProperties().containsKey("requestId"))) {
      problem.setProperty("requestId", requestId);
    }
    return problem;
  }

  /** The 400 problem of a request with missing or invalid fields, each named under errors. */
  public static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem =
        of(HttpStatus.BAD_REQUEST, "La requête contient des champs manquants ou invalides.");
    problem.setProperty(
        "errors",
        errors.stream()
            .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
            .toList());
    return problem;
  }

  public static String title(HttpStatusCode status) {
    return TITLES.getOrDefault(
        status.value(), status.is4xxClientError() ? "Requête refusée" : "Erreur");
  }

  public static URI type(HttpStatusCode status) {
    return URI.create(
        "urn:passerelle:probleme:" + TYPES.getOrDefault(status.value(), "http-" + status.value()));
  }
}
