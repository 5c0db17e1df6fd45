package fr.passerelle.benchmark;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A département's teams: the client's association user, its commission's secretariat (three members
 * appointed, the day's session open with all present) and its préfecture.
 */
record Team(Client client, String secretariat, String prefecture, String session) {

  private static final Pattern MEMBER_ID = Pattern.compile("\"memberId\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");

  static Team of(Http http, Client client) {
    String base = client.base();
    String secretariat = http.token("secretariat-" + client.departement(), null);
    List<String> members = new ArrayList<>();
    for (String category : List.of("STATE_SERVICES", "JUSTICE", "HEALTH")) {
      members.add(
          Http.extract(
              MEMBER_ID,
              http.post(
                  http.gateway(base + "/commission/members"),
                  """
                  {"name":"Membre %s","category":"%s"}"""
                      .formatted(category, category),
                  secretariat)));
    }
    String present = String.join("\",\"", members);
    String session =
        Http.extract(
            SESSION_ID,
            http.post(
                http.gateway(base + "/commission/sessions"),
                """
                {"date":"%s","chairMemberId":"%s","present":["%s"]}"""
                    .formatted(LocalDate.now(ZoneId.of("Europe/Paris")), members.get(0), present),
                secretariat));
    return new Team(
        client, secretariat, http.token("prefecture-" + client.departement(), null), session);
  }

  String base() {
    return client.base();
  }
}
