package fr.passerelle.acceptance;

import static fr.passerelle.acceptance.Http.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Rights over time, through the gateway as the teams enter them. One pathway of 2022 lives its
 * whole life with its real dates: authorised, renewed twice on the association's requests, ended
 * early by the préfet in its third term; the préfecture issues its residence permit, renews it with
 * each renewal and sees it withdrawn at the end; the AFIS the préfet granted runs to each new term,
 * is paid month by month by the paying body at the scale in force each month (décret 2017-542, then
 * décret 2022-1340 from November 2022, ADR 27), for the end month's days only, and stops. The
 * département's review of the period counts it once, with its renewals, its end, its permits and
 * the AFIS actually paid.
 *
 * <p>In another département a pathway of today is ended early after its month was paid in full: a
 * second run pays nothing twice, a month to come is refused, and what was paid beyond the last day
 * becomes an amount to recover.
 */
@ExtendWith(SharedPlatform.class)
class RightsOverTimeIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** AFIS for a single person with one child, décret 2022-1340 (in force since November 2022). */
  private static final long ONE_CHILD_CENTS = 44928;

  /** The same household's AFIS by décret 2017-542, paid up to October 2022. */
  private static final long ONE_CHILD_BEFORE_2022_CENTS = 43200;

  private static final Platform platform = SharedPlatform.platform();
  private static final JsonMapper json = JsonMapper.builder().build();

  /** The callers of one département, and the association they approved. */
  private record Teams(
      String dep,
      String prefecture,
      String secretariat,
      String payingBody,
      String associationId,
      String association) {

    String base() {
      return "/api/departements/" + dep;
    }
  }

  @Test
  void aPathwayEndedEarlyHasItsPermitWithdrawnAndItsAfisPaidThenStoppedWithTheRestToRecover() {
    LocalDate today = today();
    YearMonth month = YearMonth.from(today);
    Teams teams = teamsOf("40", today);
    String dossierId = authorised(teams, today);
    String beneficiary = teams.base() + "/beneficiaries/" + dossierId;
    permitAndAfis(teams, dossierId, today);

    // The paying body previews the month, confirms it, and a second run pays nothing twice.
    int days = month.lengthOfMonth() - today.getDayOfMonth() + 1;
    long firstMonthCents = ONE_CHILD_CENTS * days / month.lengthOfMonth();
    String runs = teams.base() + "/rights/payment-runs";
    JsonNode preview = ok(get(runs + "/preview?month=" + month, teams.payingBody()), 200);
    assertThat(preview.toString()).contains(dossierId).contains(String.valueOf(firstMonthCents));
    JsonNode run = completed(teams, confirm(teams, month));
    assertThat(run.path("paid").asInt()).isEqualTo(1);
    assertThat(run.path("paidCents").asLong()).isEqualTo(firstMonthCents);
    JsonNode again = completed(teams, confirm(teams, month));
    assertThat(again.path("paid").asInt()).isZero();
    assertThat(again.path("paidCents").asLong()).isZero();
    assertThat(todo(teams, teams.payingBody())).doesNotContain("\"subject\":\"" + month + "\"");

    // A run for a month to come is refused, naming the field, and schedules nothing.
    HttpResponse<String> future =
        post(runs, Map.of("month", month.plusMonths(1).toString()), teams.payingBody());
    assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
    assertThat(fieldsInError(json.readTree(future.body()))).containsExactly("month");
    assertThat(ok(get(runs + "?month=" + month.plusMonths(1), teams.payingBody()), 200).size())
        .isZero();

    // The préfet ends the pathway early, today: permit withdrawn, AFIS ended, the rest recovered.
    endEarly(teams, dossierId, today);
    JsonNode ended =
        awaitJson(
            beneficiary,
            teams.prefecture(),
            view -> "ENDED".equals(view.path("afis").path("status").asString()));
    assertThat(ended.path("permit").path("status").asString()).isEqualTo("ENDED");
    assertThat(ended.path("permit").path("endReason").asString()).isEqualTo("WITHDRAWN");
    assertThat(ended.path("permit").path("endedOn").asString()).isEqualTo(today.toString());
    assertThat(ended.path("afis").path("endedOn").asString()).isEqualTo(today.toString());
    JsonNode payments = ended.path("afis").path("payments");
    assertThat(payments.size()).isEqualTo(1);
    assertThat(payments.get(0).path("month").asString()).isEqualTo(month.toString());
    assertThat(payments.get(0).path("amountCents").asLong()).isEqualTo(firstMonthCents);
    long dueCents = ONE_CHILD_CENTS / month.lengthOfMonth();
    JsonNode overpayments = ended.path("afis").path("overpayments");
    if (firstMonthCents > dueCents) {
      assertThat(overpayments.size()).isEqualTo(1);
      assertThat(overpayments.get(0).path("amountCents").asLong())
          .isEqualTo(firstMonthCents - dueCents);
    } else {
      assertThat(overpayments.size()).isZero();
    }
    awaitTodo(teams, teams.prefecture(), list -> !list.contains(dossierId));

    List<String> types = benefitsEventTypesOf(dossierId);
    assertThat(types)
        .containsSubsequence(
            "passerelle.benefits.permit-issued.v1",
            "passerelle.benefits.afis-granted.v1",
            "passerelle.benefits.afis-paid.v1",
            "passerelle.benefits.permit-ended.v1",
            "passerelle.benefits.afis-ended.v1");
    assertThat(types).filteredOn("passerelle.benefits.afis-paid.v1"::equals).hasSize(1);
    assertReviewCounts(teams, today);
  }

  /**
   * One pathway's whole life, entered with its dates through the gateway. The préfet authorised it
   * on 28 September 2022 from 1 October; the préfecture issued the permit and granted the AFIS (one
   * child) for its first term. The association asked twice for its renewal (through
   * dossier-service), the commission gave its opinion and the préfet renewed it, each time with the
   * permit renewed to the new term and the AFIS extended: 1 October 2022 to 31 March 2024 in three
   * terms. The préfet then ended it early on 20 November 2023, in its third term: permit withdrawn,
   * AFIS ended.
   *
   * <p>The paying body previewed and confirmed each month's run as the months came: October 2022 at
   * décret 2017-542's 432 €, November 2022 to October 2023 at décret 2022-1340's 449.28 € (ADR 27:
   * a month at the scale in force on its first day, the 2022 scale from 21 October 2022), November
   * 2023 for its 20 days (449.28 € × 20 / 30 = 299.52 €), December 2023 nothing; a run confirmed
   * again pays nothing twice. The département's review of the period counts one pathway validated,
   * renewed twice and ended, its permit issued then renewed twice, one AFIS recipient and the sum
   * of the months paid.
   *
   * <p>The terms are long past on the platform's clock, but decision-service ends a pathway at its
   * term only once the grace after its recording has passed (ADR 16, 30 days): each renewal,
   * entered minutes after the term it follows, finds the pathway running.
   */
  @Test
  void aPathwayOf2022RenewedTwiceThenEndedEarlyHasItsRightsRenewedPaidEachMonthAndEnded() {
    LocalDate startDate = LocalDate.of(2022, 10, 1);
    LocalDate endedOn = LocalDate.of(2023, 11, 20);
    Teams teams = teamsOf("65", LocalDate.of(2022, 1, 1), LocalDate.of(2024, 12, 31));
    String dossierId =
        authorised(
            teams,
            LocalDate.of(2022, 9, 1),
            LocalDate.of(2022, 9, 20),
            LocalDate.of(2022, 9, 28),
            startDate);
    String beneficiary = teams.base() + "/beneficiaries/" + dossierId;
    LocalDate termEnd = permitAndAfis(teams, dossierId, startDate, LocalDate.of(2022, 10, 5));
    assertThat(termEnd).isEqualTo(LocalDate.of(2023, 3, 31));
    JsonNode granted = ok(get(beneficiary, teams.prefecture()), 200);
    assertThat(granted.path("afis").path("from").asString()).isEqualTo(startDate.toString());
    assertThat(granted.path("afis").path("until").asString()).isEqualTo(termEnd.toString());

    Map<YearMonth, Long> expected = new LinkedHashMap<>();
    expected.put(YearMonth.of(2022, 10), ONE_CHILD_BEFORE_2022_CENTS);
    for (YearMonth m = YearMonth.of(2022, 11);
        m.isBefore(YearMonth.of(2023, 11));
        m = m.plusMonths(1)) {
      expected.put(m, ONE_CHILD_CENTS);
    }
    expected.put(YearMonth.of(2023, 11), ONE_CHILD_CENTS * 20 / 30);
    assertThat(expected.get(YearMonth.of(2023, 11))).isEqualTo(29952L);

    // The first term's months, paid before its renewal.
    payMonths(teams, dossierId, expected, YearMonth.of(2022, 10), YearMonth.of(2023, 2));

    // Two renewals, asked for by the association a month before each term's end.
    List<LocalDate> terms = new ArrayList<>(List.of(termEnd));
    LocalDate[][] renewals = {
      {LocalDate.of(2023, 3, 1), LocalDate.of(2023, 3, 14), LocalDate.of(2023, 3, 20)},
      {LocalDate.of(2023, 9, 1), LocalDate.of(2023, 9, 12), LocalDate.of(2023, 9, 19)}
    };
    for (int i = 0; i < renewals.length; i++) {
      LocalDate requestedOn = renewals[i][0];
      LocalDate sittingOn = renewals[i][1];
      LocalDate decidedOn = renewals[i][2];
      int term = i + 2;
      ok(
          post(
              teams.base() + "/dossiers/" + dossierId + "/renewal-requests",
              Map.of(
                  "requestedOn", requestedOn.toString(),
                  "plan", "Formation qualifiante puis recherche d'emploi",
                  "achievements", "Hébergement stable, cours de français suivis"),
              teams.association()),
          201);
      awaitPending(teams, dossierId, term);
      giveFavourableOpinion(teams, sittingOn, dossierId);
      ok(
          post(
              teams.base() + "/prefecture/decisions",
              Map.of(
                  "dossierId", dossierId, "decision", "RENEW", "decidedOn", decidedOn.toString()),
              teams.prefecture()),
          201);
      LocalDate previousEnd = termEnd;
      // The renewal reaches the rights as two events (the pathway's, then the AFIS's), which the
      // read model applies one after the other: wait for the second.
      JsonNode renewed =
          awaitJson(
              beneficiary,
              teams.prefecture(),
              view ->
                  LocalDate.parse(view.path("pathway").path("endDate").asString())
                          .isAfter(previousEnd)
                      && !view.path("afis")
                          .path("until")
                          .asString()
                          .equals(previousEnd.toString()));
      termEnd = LocalDate.parse(renewed.path("pathway").path("endDate").asString());
      assertThat(renewed.path("afis").path("until").asString()).isEqualTo(termEnd.toString());
      assertThat(renewed.path("afis").path("status").asString()).isEqualTo("GRANTED");
      JsonNode permit =
          ok(
              post(
                  beneficiary + "/permit/renewal",
                  Map.of(
                      "decidedOn", decidedOn.plusDays(2).toString(),
                      "validUntil", termEnd.toString(),
                      "ceasedProstitution", true),
                  teams.prefecture()),
              200);
      assertThat(permit.toString()).contains(termEnd.toString());
      terms.add(termEnd);
      JsonNode pathway =
          awaitJson(
              teams.base() + "/pathways/" + dossierId,
              teams.prefecture(),
              view -> view.path("termNumber").asInt() == term);
      assertThat(pathway.path("termStartDate").asString())
          .isEqualTo(previousEnd.plusDays(1).toString());
      assertThat(pathway.path("termEndDate").asString()).isEqualTo(termEnd.toString());
      // This term's months, up to the renewal or the end that follows.
      payMonths(
          teams,
          dossierId,
          expected,
          YearMonth.from(requestedOn),
          i == 0 ? YearMonth.of(2023, 8) : YearMonth.of(2023, 10));
    }
    assertThat(terms)
        .containsExactly(
            LocalDate.of(2023, 3, 31), LocalDate.of(2023, 9, 30), LocalDate.of(2024, 3, 31));
    JsonNode twiceRenewed = ok(get(beneficiary, teams.prefecture()), 200);
    assertThat(twiceRenewed.path("permit").path("status").asString()).isEqualTo("ISSUED");
    assertThat(twiceRenewed.path("permit").path("validFrom").asString())
        .isEqualTo(startDate.toString());
    assertThat(twiceRenewed.path("permit").path("validUntil").asString()).isEqualTo("2024-03-31");

    // The préfet ends the pathway early, in its third term.
    endEarly(teams, dossierId, endedOn);
    awaitJson(
        beneficiary,
        teams.prefecture(),
        view -> "ENDED".equals(view.path("afis").path("status").asString()));
    JsonNode pathway =
        awaitJson(
            teams.base() + "/pathways/" + dossierId,
            teams.prefecture(),
            view -> "ENDED".equals(view.path("stage").asString()));
    assertThat(pathway.path("termNumber").asInt()).isEqualTo(3);
    assertThat(pathway.path("endReason").asString()).isEqualTo("CONDITIONS_NO_LONGER_MET");
    assertThat(pathway.path("lastDay").asString()).isEqualTo(endedOn.toString());

    // The end month is paid for its days, the month after it not at all, and nothing twice.
    payMonths(teams, dossierId, expected, YearMonth.of(2023, 11), YearMonth.of(2023, 11));
    String runs = teams.base() + "/rights/payment-runs";
    JsonNode december = ok(get(runs + "/preview?month=2023-12", teams.payingBody()), 200);
    assertThat(december.path("toPay").asInt()).isZero();
    assertThat(december.path("totalCents").asLong()).isZero();
    JsonNode decemberRun = completed(teams, confirm(teams, YearMonth.of(2023, 12)));
    assertThat(decemberRun.path("paid").asInt()).isZero();
    for (YearMonth month : List.of(YearMonth.of(2022, 10), YearMonth.of(2023, 11))) {
      JsonNode again = completed(teams, confirm(teams, month));
      assertThat(again.path("paid").asInt()).as("%s confirmed again", month).isZero();
      assertThat(again.path("paidCents").asLong()).isZero();
    }

    // What the préfecture reads of the beneficiary's rights.
    JsonNode rights =
        awaitJson(
            beneficiary,
            teams.prefecture(),
            view -> view.path("afis").path("payments").size() == expected.size());
    assertThat(rights.path("pathway").path("startDate").asString()).isEqualTo(startDate.toString());
    assertThat(rights.path("pathway").path("lastDay").asString()).isEqualTo(endedOn.toString());
    JsonNode permit = rights.path("permit");
    assertThat(permit.path("status").asString()).isEqualTo("ENDED");
    assertThat(permit.path("validFrom").asString()).isEqualTo(startDate.toString());
    assertThat(permit.path("validUntil").asString()).isEqualTo("2024-03-31");
    assertThat(permit.path("endedOn").asString()).isEqualTo(endedOn.toString());
    assertThat(permit.path("endReason").asString()).isEqualTo("WITHDRAWN");
    JsonNode afis = rights.path("afis");
    assertThat(afis.path("status").asString()).isEqualTo("ENDED");
    assertThat(afis.path("from").asString()).isEqualTo(startDate.toString());
    assertThat(afis.path("endedOn").asString()).isEqualTo(endedOn.toString());
    assertThat(afis.path("endReason").asString()).isEqualTo("PATHWAY_ENDED");
    assertThat(afis.path("overpayments").size()).isZero();
    JsonNode payments = afis.path("payments");
    List<YearMonth> months = List.copyOf(expected.keySet());
    for (int i = 0; i < months.size(); i++) {
      YearMonth month = months.get(i);
      JsonNode payment = payments.get(i);
      assertThat(payment.path("month").asString()).isEqualTo(month.toString());
      assertThat(payment.path("amountCents").asLong())
          .as("%s", month)
          .isEqualTo(expected.get(month));
      assertThat(payment.path("fullMonthAmountCents").asLong())
          .isEqualTo(
              month.equals(YearMonth.of(2022, 10)) ? ONE_CHILD_BEFORE_2022_CENTS : ONE_CHILD_CENTS);
      assertThat(payment.path("children").asInt()).isEqualTo(1);
      assertThat(payment.path("scaleReference").asString()).isEqualTo(scaleOf(month));
    }

    List<String> types = benefitsEventTypesOf(dossierId);
    assertThat(types)
        .containsSubsequence(
            "passerelle.benefits.permit-issued.v1",
            "passerelle.benefits.afis-granted.v1",
            "passerelle.benefits.afis-renewed.v1",
            "passerelle.benefits.permit-renewed.v1",
            "passerelle.benefits.afis-renewed.v1",
            "passerelle.benefits.permit-renewed.v1",
            "passerelle.benefits.permit-ended.v1",
            "passerelle.benefits.afis-ended.v1");
    assertThat(types)
        .filteredOn("passerelle.benefits.afis-paid.v1"::equals)
        .hasSize(expected.size());

    // The département's review of the pathway's whole period.
    long paidCents = expected.values().stream().mapToLong(Long::longValue).sum();
    assertThat(paidCents).isEqualTo(43200 + 12 * 44928 + 29952);
    JsonNode review =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    ok(
                        get(
                            teams.base() + "/reports/review?from=2022-09-01&to=2023-12-31",
                            teams.prefecture()),
                        200),
                figures ->
                    figures.path("afisPaidCents").asLong() == paidCents
                        && figures.path("pathwaysEnded").asInt() == 1);
    assertThat(review.path("firstRequestsRegistered").asInt()).isEqualTo(1);
    assertThat(review.path("validated").asInt()).isEqualTo(1);
    assertThat(review.path("validatedTraffickingVictims").asInt()).isEqualTo(1);
    assertThat(review.path("renewalRequestsRegistered").asInt()).isEqualTo(2);
    assertThat(review.path("pathwaysRenewed").asInt()).isEqualTo(2);
    assertThat(review.path("renewalsRefused").asInt()).isZero();
    assertThat(review.path("peopleAccompanied").asInt()).isEqualTo(1);
    assertThat(review.path("pathwaysEnded").asInt()).isEqualTo(1);
    assertThat(review.path("pathwaysInProgress").asInt()).isZero();
    assertThat(review.path("permitsIssued").asInt()).isEqualTo(3);
    assertThat(review.path("permitsRenewed").asInt()).isEqualTo(2);
    assertThat(review.path("permitsInForce").asInt()).isZero();
    assertThat(review.path("afisRecipients").asInt()).isEqualTo(1);
    assertThat(review.path("afisRecipientsAtEnd").asInt()).isZero();
    assertThat(review.path("afisRecipientsPaid").asInt()).isEqualTo(1);
    assertThat(review.path("afisPaidCents").asLong()).isEqualTo(612288);
  }

  /** The scale a month of this pathway is paid at (ADR 27). */
  private static String scaleOf(YearMonth month) {
    return month.isBefore(YearMonth.of(2022, 11)) ? "décret 2017-542" : "décret 2022-1340";
  }

  /**
   * The paying body previews, then confirms, each month's run from {@code first} to {@code last}:
   * the dossier's line at the month's expected amount, paid once.
   */
  private static void payMonths(
      Teams teams,
      String dossierId,
      Map<YearMonth, Long> expected,
      YearMonth first,
      YearMonth last) {
    String runs = teams.base() + "/rights/payment-runs";
    for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
      long cents = expected.get(month);
      JsonNode preview = ok(get(runs + "/preview?month=" + month, teams.payingBody()), 200);
      assertThat(preview.path("toPay").asInt()).as("%s", month).isEqualTo(1);
      assertThat(preview.path("totalCents").asLong()).as("%s", month).isEqualTo(cents);
      JsonNode line = preview.path("lines").get(0);
      assertThat(line.path("dossierId").asString()).isEqualTo(dossierId);
      assertThat(line.path("outcome").asString()).isEqualTo("PAID");
      assertThat(line.path("amountCents").asLong()).isEqualTo(cents);
      assertThat(line.path("scaleReference").asString()).isEqualTo(scaleOf(month));
      JsonNode run = completed(teams, confirm(teams, month));
      assertThat(run.path("paid").asInt()).as("%s", month).isEqualTo(1);
      assertThat(run.path("paidCents").asLong()).as("%s", month).isEqualTo(cents);
    }
  }

  /** The préfecture approves an association; every team signs in. */
  private static Teams teamsOf(String dep, LocalDate today) {
    return teamsOf(dep, today.minusYears(1), today.plusYears(2));
  }

  /** The préfecture approves an association for the period given; every team signs in. */
  private static Teams teamsOf(String dep, LocalDate approvedFrom, LocalDate approvedUntil) {
    String base = "/api/departements/" + dep;
    String prefecture = token("prefecture-" + dep, null);
    String associationId =
        ok(
                post(
                    base + "/associations",
                    Map.of(
                        "name", "Association " + dep,
                        "approvedFrom", approvedFrom.toString(),
                        "approvedUntil", approvedUntil.toString()),
                    prefecture),
                201)
            .path("associationId")
            .asString();
    return new Teams(
        dep,
        prefecture,
        token("secretariat-" + dep, null),
        token("paying-body-" + dep, null),
        associationId,
        token("association-" + dep, associationId));
  }

  /**
   * The association submits a dossier, the commission gives its opinion, the préfet authorises the
   * pathway from today; benefits-service registers the beneficiary with no right decided.
   */
  private static String authorised(Teams teams, LocalDate today) {
    return authorised(teams, today, today, today, today);
  }

  /**
   * The same with the dates of a past year: the plan signed and the dossier submitted on {@code
   * submittedOn}, the commission's opinion on {@code sittingOn}, the préfet's decision on {@code
   * decidedOn} authorising the pathway from {@code startDate}.
   */
  private static String authorised(
      Teams teams,
      LocalDate submittedOn,
      LocalDate sittingOn,
      LocalDate decidedOn,
      LocalDate startDate) {
    String dossierId =
        ok(
                post(
                    teams.base() + "/dossiers",
                    Drafts.aDossier(
                        teams.associationId(),
                        "Gironde",
                        submittedOn,
                        List.of("HOUSING", "PROFESSIONAL_INTEGRATION")),
                    teams.association()),
                201)
            .path("dossierId")
            .asString();
    ok(
        post(
            teams.base() + "/dossiers/" + dossierId + "/submission",
            Map.of("submittedOn", submittedOn.toString()),
            teams.association()),
        200);
    awaitPending(teams, dossierId, 1);
    giveFavourableOpinion(teams, sittingOn, dossierId);
    ok(
        post(
            teams.base() + "/prefecture/decisions",
            Map.of(
                "dossierId",
                dossierId,
                "decision",
                "AUTHORISE",
                "decidedOn",
                decidedOn.toString(),
                "startDate",
                startDate.toString()),
            teams.prefecture()),
        201);
    JsonNode registered =
        awaitJson(
            teams.base() + "/beneficiaries/" + dossierId,
            teams.prefecture(),
            view -> view.has("pathway"));
    assertThat(registered.path("permit").isMissingNode() || registered.path("permit").isNull())
        .as("no permit before the préfecture decides it")
        .isTrue();
    awaitTodo(
        teams,
        teams.prefecture(),
        list -> list.contains("\"kind\":\"PERMIT_TO_DECIDE\",\"subject\":\"" + dossierId));
    return dossierId;
  }

  /**
   * The préfecture issues the permit for the pathway's first term, the association requests the
   * AFIS and the préfet grants it. Returns the term's last day.
   */
  private static LocalDate permitAndAfis(Teams teams, String dossierId, LocalDate today) {
    return permitAndAfis(teams, dossierId, today, today);
  }

  /**
   * The same with dates of the past: the permit decided and valid from {@code permitFrom}, the AFIS
   * requested and granted on {@code afisOn}.
   */
  private static LocalDate permitAndAfis(
      Teams teams, String dossierId, LocalDate permitFrom, LocalDate afisOn) {
    String beneficiary = teams.base() + "/beneficiaries/" + dossierId;
    LocalDate termEnd =
        LocalDate.parse(
            ok(get(beneficiary, teams.prefecture()), 200)
                .path("pathway")
                .path("endDate")
                .asString());
    ok(
        post(
            beneficiary + "/permit",
            Map.of(
                "decidedOn", permitFrom.toString(),
                "validFrom", permitFrom.toString(),
                "validUntil", termEnd.toString(),
                "ceasedProstitution", true),
            teams.prefecture()),
        200);
    String requestId =
        ok(
                post(
                    beneficiary + "/afis/requests",
                    Map.of(
                        "requestedOn",
                        afisOn.toString(),
                        "children",
                        1,
                        "previousMonthResources",
                        0,
                        "receivesRsa",
                        false,
                        "receivesAda",
                        false),
                    teams.association()),
                201)
            .path("requestId")
            .asString();
    JsonNode decided =
        ok(
            post(
                beneficiary + "/afis/requests/" + requestId + "/decision",
                Map.of("decidedOn", afisOn.toString()),
                teams.prefecture()),
            200);
    assertThat(decided.path("status").asString()).isEqualTo("GRANTED");
    awaitJson(
        beneficiary,
        teams.prefecture(),
        view -> "GRANTED".equals(view.path("afis").path("status").asString()));
    return termEnd;
  }

  /** The département's review of the year counts the pathway, its permit and its AFIS. */
  private static void assertReviewCounts(Teams teams, LocalDate today) {
    JsonNode review =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    ok(
                        get(
                            teams.base() + "/reports/review?year=" + today.getYear(),
                            teams.prefecture()),
                        200),
                figures -> figures.path("afisRecipients").asInt() == 1);
    assertThat(review.path("validated").asInt()).isEqualTo(1);
    assertThat(review.path("validatedTraffickingVictims").asInt()).isEqualTo(1);
    assertThat(review.path("permitsIssued").asInt()).isEqualTo(1);
    assertThat(review.path("afisMonthlyTotalCents").asLong()).isEqualTo(ONE_CHILD_CENTS);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Europe/Paris"));
  }

  /** The secretariat convenes a session today and records a favourable opinion on the dossier. */
  private static void giveFavourableOpinion(Teams teams, LocalDate today, String dossierId) {
    String secretariat = teams.secretariat();
    String base = teams.base();
    List<String> members =
        COMMISSIONS.computeIfAbsent(
            base,
            b ->
                List.of(
                    member(b, secretariat, "Le préfet", "STATE_SERVICES"),
                    member(b, secretariat, "Le procureur", "JUSTICE")));
    String sessionId =
        ok(
                post(
                    base + "/commission/sessions",
                    Map.of(
                        "date", today.toString(),
                        "chairMemberId", members.get(0),
                        "present", members),
                    secretariat),
                201)
            .path("sessionId")
            .asString();
    String session = base + "/commission/sessions/" + sessionId;
    ok(post(session + "/agenda", Map.of("dossierId", dossierId), secretariat), 204);
    ok(
        post(
            session + "/opinions",
            Map.of(
                "dossierId",
                dossierId,
                "opinion",
                "FAVOURABLE",
                "votesFor",
                2,
                "votesAgainst",
                0,
                "abstentions",
                0,
                "chairVotedFor",
                true),
            secretariat),
        201);
  }

  private static void awaitPending(Teams teams, String dossierId, int term) {
    await()
        .atMost(PATIENCE)
        .until(
            () -> ok(get(teams.base() + "/commission/pending-dossiers", teams.secretariat()), 200),
            pending ->
                pending.values().stream()
                    .anyMatch(
                        p ->
                            p.path("dossierId").asString().equals(dossierId)
                                && p.path("termNumber").asInt() == term));
  }

  private static List<String> benefitsEventTypesOf(String dossierId) {
    Map<String, Object> config = new HashMap<>(platform.kafkaOperator());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "acceptance-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<String> types = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("benefits.events"));
      int emptyPolls = 0;
      while (emptyPolls < 3) {
        var batch = consumer.poll(Duration.ofSeconds(1));
        for (ConsumerRecord<String, String> record : batch) {
          if (dossierId.equals(record.key())) {
            assertThat(record.value()).doesNotContain("Personne", "Gironde", "lastName");
            types.add(
                new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8));
          }
        }
        emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
      }
    }
    return types;
  }

  private static String confirm(Teams teams, YearMonth month) {
    return ok(
            post(
                teams.base() + "/rights/payment-runs",
                Map.of("month", month.toString()),
                teams.payingBody()),
            202)
        .path("runId")
        .asString();
  }

  private static JsonNode completed(Teams teams, String runId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> ok(get(teams.base() + "/rights/payment-runs/" + runId, teams.payingBody()), 200),
            run -> "COMPLETED".equals(run.path("status").asString()));
  }

  /** The caller's to-do list of rights in the teams' département. */
  private static String todo(Teams teams, String caller) {
    return ok(get(teams.base() + "/rights/todo", caller), 200).toString();
  }

  private static void awaitTodo(Teams teams, String caller, Predicate<String> ready) {
    await().atMost(PATIENCE).until(() -> todo(teams, caller), ready);
  }

  private static JsonNode awaitJson(String path, String caller, Predicate<JsonNode> ready) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> {
              HttpResponse<String> response = get(path, caller);
              return response.statusCode() == 200 ? json.readTree(response.body()) : null;
            },
            view -> view != null && ready.test(view));
  }

  private static List<String> fieldsInError(JsonNode problem) {
    return problem.path("errors").values().stream().map(e -> e.path("field").asString()).toList();
  }

  /** Each département's commission, named once: its chair and one other member, both present. */
  private static final Map<String, List<String>> COMMISSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String member(String base, String secretariat, String name, String category) {
    return ok(
            post(
                base + "/commission/members",
                Map.of("name", name, "category", category),
                secretariat),
            201)
        .path("memberId")
        .asString();
  }

  /** The préfet ends the pathway early on {@code decidedOn}: its conditions are no longer met. */
  private static void endEarly(Teams teams, String dossierId, LocalDate decidedOn) {
    ok(
        post(
            teams.base() + "/prefecture/decisions",
            Map.of(
                "dossierId", dossierId,
                "decision", "END",
                "decidedOn", decidedOn.toString(),
                "reason", "CONDITIONS_NO_LONGER_MET",
                "motivation", "Les conditions du parcours ne sont plus remplies"),
            teams.prefecture()),
        201);
  }

  private static JsonNode ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode())
        .as("%s %s: %s", response.request().method(), response.uri(), response.body())
        .isEqualTo(status);
    return response.body().isBlank() ? MissingNode.getInstance() : json.readTree(response.body());
  }

  /** A token of the gateway's dev issuer for a demo user, as a team member would sign in. */
  private static String token(String user, String associationId) {
    String query = "user=" + user + (associationId == null ? "" : "&association=" + associationId);
    HttpResponse<String> issued =
        send(
            HttpRequest.newBuilder(platform.gateway("/dev/tokens?" + query))
                .timeout(REQUEST_TIMEOUT)
                .POST(BodyPublishers.noBody())
                .build());
    return ok(issued, 200).path("access_token").asString();
  }

  private static HttpResponse<String> get(String path, String token) {
    return send(
        HttpRequest.newBuilder(platform.gateway(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());
  }

  private static HttpResponse<String> post(String path, Object body, String token) {
    return send(
        HttpRequest.newBuilder(platform.gateway(path))
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(BodyPublishers.ofString(json.writeValueAsString(body)))
            .build());
  }
}
