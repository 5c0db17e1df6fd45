package fr.passerelle.gateway.dev;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The dev issuer's sign-in page, in French with the State's design system, as a person meets a real
 * provider's: an identifier, a password, a clear message next to the field at fault, and, for an
 * association's member, the association they work for.
 */
final class DevSignInPage {

  /** A demo user the page lists: the identifier to type and what it stands for. */
  private record Listed(String username, String who) {}

  private static final List<Listed> DEMO_USERS =
      List.of(
          new Listed("association-31", "une association agréée de Haute-Garonne"),
          new Listed("secretariat-31", "le secrétariat de la commission de Haute-Garonne"),
          new Listed("prefecture-31", "la préfecture de Haute-Garonne"),
          new Listed("paying-body-31", "l'organisme payeur (MSA) de Haute-Garonne"),
          new Listed("auditor-31", "l'inspection, en Haute-Garonne"),
          new Listed("analyst", "le ministère : chiffres nationaux agrégés"),
          new Listed("admin", "l'exploitation de la plateforme"));

  /** The association a member may choose, by id and name. */
  record Association(String id, String name) {}

  private DevSignInPage() {}

  /** HTML's special characters escaped; accents stay as they are (the page is UTF-8). */
  private static String htmlEscape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  /** The first step: identifier and password, with {@code error} next to them when not null. */
  static String credentials(Map<String, String> request, String username, String error) {
    StringBuilder form = new StringBuilder();
    form.append(hiddenFields(request));
    form.append(
        input(
            "username",
            "Identifiant",
            "Par exemple prefecture-31 : un rôle et un département",
            "text",
            "username",
            username,
            error));
    form.append(input("password", "Mot de passe", null, "password", "current-password", "", error));
    if (error != null) {
      form.append(
          """
          <p class="fr-error-text fr-mb-3w" id="signin-error" role="alert">%s</p>
          """
              .formatted(htmlEscape(error)));
    }
    return page(form.toString(), true);
  }

  /** The second step of an association's member: which association they act for. */
  static String association(
      Map<String, String> request,
      String username,
      String password,
      List<Association> associations,
      String error) {
    StringBuilder form = new StringBuilder();
    form.append(hiddenFields(request));
    form.append(hidden("username", username)).append(hidden("password", password));
    if (associations.isEmpty()) {
      form.append(
          """
          <div class="fr-alert fr-alert--info fr-mb-3w">
            <p>Aucune association n'est agréée dans ce département : la préfecture doit d'abord en agréer une.</p>
          </div>
          """);
      return page(form.toString(), false);
    }
    StringBuilder options = new StringBuilder();
    options.append("<option value=\"\" disabled selected>Choisir une association</option>");
    for (Association association : associations) {
      options.append(
          "<option value=\"%s\">%s</option>"
              .formatted(htmlEscape(association.id()), htmlEscape(association.name())));
    }
    String errorClass = error == null ? "" : " fr-select-group--error";
    String described = error == null ? "" : " aria-describedby=\"association-error\"";
    String errorText =
        error == null
            ? ""
            : "<p class=\"fr-error-text\" id=\"association-error\">" + htmlEscape(error) + "</p>";
    form.append(
        """
        <div class="fr-select-group%s">
          <label class="fr-label" for="association">Association pour laquelle vous agissez</label>
          <select class="fr-select" id="association" name="association" required%s>%s</select>
          %s
        </div>
        """
            .formatted(errorClass, described, options, errorText));
    return page(form.toString(), false);
  }

  /** A request the page cannot serve (unknown client, foreign redirect): said, not redirected. */
  static String refused(String reason) {
    return """
        <!doctype html>
        <html lang="fr" data-fr-scheme="light">
        <head><meta charset="utf-8"><title>Demande de connexion refusée – Passerelle</title>
        <link rel="stylesheet" href="/dsfr/dsfr.min.css"></head>
        <body><main id="contenu" class="fr-container fr-py-6w">
        <h1>Demande de connexion refusée</h1><p>%s</p>
        <p><a class="fr-link" href="/">Retour à l'accueil de Passerelle</a></p>
        </main></body></html>
        """
        .formatted(htmlEscape(reason));
  }

  private static String page(String fields, boolean listDemoUsers) {
    StringBuilder users = new StringBuilder();
    if (listDemoUsers) {
      users.append(
          """
          <h2 class="fr-h4 fr-mt-6w">Utilisateurs de démonstration</h2>
          <p>Mot de passe de chacun : <code>demo</code> (sauf configuration contraire). Tout rôle
          s'écrit aussi avec un autre département : <code>prefecture-75</code>, <code>auditor-2A</code>…</p>
          <div class="fr-table fr-table--no-caption"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
          <table><caption>Utilisateurs de démonstration</caption>
          <thead><tr><th scope="col">Identifiant</th><th scope="col">Qui</th></tr></thead><tbody>
          """);
      for (Listed user : DEMO_USERS) {
        users.append(
            "<tr><td><code>%s</code></td><td>%s</td></tr>"
                .formatted(htmlEscape(user.username()), htmlEscape(user.who())));
      }
      users.append("</tbody></table></div></div></div></div>");
    }
    return """
        <!doctype html>
        <html lang="fr" data-fr-scheme="light">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Connexion – Passerelle (démonstration)</title>
          <link rel="stylesheet" href="/dsfr/dsfr.min.css">
        </head>
        <body>
          <div class="fr-skiplinks"><nav class="fr-container" role="navigation" aria-label="Accès rapide">
            <ul class="fr-skiplinks__list"><li><a class="fr-link" href="#contenu">Contenu</a></li></ul>
          </nav></div>
          <header role="banner" class="fr-header"><div class="fr-header__body"><div class="fr-container">
            <div class="fr-header__body-row"><div class="fr-header__brand fr-enlarge-link">
              <div class="fr-header__brand-top"><div class="fr-header__logo">
                <p class="fr-logo">République<br>Française</p>
              </div></div>
              <div class="fr-header__service">
                <p class="fr-header__service-title">Passerelle</p>
                <p class="fr-header__service-tagline">Connexion de démonstration</p>
              </div>
            </div></div>
          </div></div></header>
          <main id="contenu" role="main" class="fr-container fr-py-6w">
            <div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
              <h1>Se connecter à Passerelle</h1>
              <div class="fr-alert fr-alert--warning fr-mb-4w">
                <h2 class="fr-alert__title">Fournisseur d'identité de démonstration</h2>
                <p>Cette page remplace celui de votre administration pour une démonstration locale.
                Elle ne doit jamais servir en production.</p>
              </div>
              <form method="post" action="%s">
                <fieldset class="fr-fieldset">
                  <legend class="fr-fieldset__legend">Vos identifiants</legend>
                  <div class="fr-fieldset__element">%s</div>
                </fieldset>
                <button class="fr-btn" type="submit">Se connecter</button>
              </form>
              %s
            </div></div>
          </main>
        </body>
        </html>
        """
        .formatted(DevIssuer.AUTHORIZE_PATH, fields, users);
  }

  private static String input(
      String name,
      String label,
      String hint,
      String type,
      String autocomplete,
      String value,
      String error) {
    String hintText =
        hint == null ? "" : "<span class=\"fr-hint-text\">" + htmlEscape(hint) + "</span>";
    String errorClass = error == null ? "" : " fr-input-group--error";
    String inputErrorClass = error == null ? "" : " fr-input--error";
    String described = error == null ? "" : " aria-describedby=\"signin-error\"";
    return """
        <div class="fr-input-group%s">
          <label class="fr-label" for="%s">%s %s</label>
          <input class="fr-input%s" id="%s" name="%s" type="%s" autocomplete="%s" value="%s" required%s>
        </div>
        """
        .formatted(
            errorClass,
            name,
            htmlEscape(label),
            hintText,
            inputErrorClass,
            name,
            name,
            type,
            autocomplete,
            htmlEscape(value == null ? "" : value),
            described);
  }

  private static String hiddenFields(Map<String, String> request) {
    StringBuilder hidden = new StringBuilder();
    request.forEach((name, value) -> hidden.append(hidden(name, value)));
    return hidden.toString();
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"%s\" value=\"%s\">"
        .formatted(htmlEscape(name), htmlEscape(value == null ? "" : value));
  }
}
