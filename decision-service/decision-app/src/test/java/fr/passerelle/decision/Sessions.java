package fr.passerelle.decision;

import fr.passerelle.decision.session.api.AppointMemberCommand;
import fr.passerelle.decision.session.api.CommissionSessionOpened;
import fr.passerelle.decision.session.api.Convocation;
import fr.passerelle.decision.session.api.Mandate;
import fr.passerelle.decision.session.api.Member;
import fr.passerelle.decision.session.api.MemberCategory;
import fr.passerelle.decision.session.api.OpenCommissionSessionCommand;
import fr.passerelle.decision.session.command.CommissionRosters;
import fr.passerelle.decision.session.command.CommissionSessions;
import fr.passerelle.decision.session.command.CommissionSessions.Sitting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Test data: Haute-Garonne's commission of 20 members (m01, the préfet, chairs; m18 to m20 are
 * approved associations, m20 the one that accompanies {@link Pathways#aProfile()}), and its
 * sessions: 14 members present, m15 and m16 represented by m02 and m03, so 16 vote, or 15 when the
 * accompanying association's member is present and takes no part.
 */
public final class Sessions {

  /** Haute-Garonne's commission, 11 April 2019. */
  public static final String APRIL_SESSION = "0f6d3c1a-2b4e-4d5f-8a9b-c0d1e2f3a4b5";

  /** Haute-Garonne's commission, 13 June 2019. */
  public static final String JUNE_SESSION = "6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

  /** Haute-Garonne's commission, 4 April 2019, without its quorum: 7 present, 2 represented. */
  public static final String WITHOUT_QUORUM = "3e8a1f2b-9c4d-4e5f-a6b7-c8d9e0f1a2b3";

  /**
   * Haute-Garonne's commission, 4 April 2019, without its quorum as {@link #WITHOUT_QUORUM}, and
   * not yet convened a second time.
   */
  public static final String AWAITING_SECOND_CONVOCATION = "5d4e3f2a-1b0c-4d9e-8f7a-6b5c4d3e2f1a";

  /** Haute-Garonne's second convocation, 11 April 2019, after {@link #WITHOUT_QUORUM}. */
  public static final String SECOND_CONVOCATION = "7b2c9d4e-1f3a-4b5c-8d6e-9f0a1b2c3d4e";

  /** Haute-Garonne's commission, 13 June 2019, with the accompanying association's member. */
  public static final String WITH_THE_ASSOCIATION = "9c0d1e2f-3a4b-4c5d-9e6f-7a8b9c0d1e2f";

  /** Paris's commission, 11 April 2019. */
  public static final String PARIS_SESSION = "d4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a";

  public static final String CHAIR = "m01";

  /** The member of the association that accompanies the person of {@link Pathways#aProfile()}. */
  public static final String ACCOMPANYING_ASSOCIATION_MEMBER = "m20";

  /** Members who vote in a usual session: 14 present, 2 represented. */
  public static final int VOTERS = 16;

  private static final Map<String, Sitting> SITTINGS = new ConcurrentHashMap<>();

  static {
    put(sitting(APRIL_SESSION, "31", "2019-04-11", present(14), usualMandates(), null, true));
    put(sitting(JUNE_SESSION, "31", "2019-06-13", present(14), usualMandates(), null, true));
    put(
        reconvened(
            sitting(WITHOUT_QUORUM, "31", "2019-04-04", present(7), usualMandates(), null, false),
            SECOND_CONVOCATION));
    put(
        sitting(
            AWAITING_SECOND_CONVOCATION,
            "31",
            "2019-04-04",
            present(7),
            usualMandates(),
            null,
            false));
    put(
        sitting(
            SECOND_CONVOCATION, "31", "2019-04-11", present(7), List.of(), WITHOUT_QUORUM, true));
    List<String> withAssociation = new ArrayList<>(present(13));
    withAssociation.add(ACCOMPANYING_ASSOCIATION_MEMBER);
    put(
        sitting(
            WITH_THE_ASSOCIATION,
            "31",
            "2019-06-13",
            withAssociation,
            usualMandates(),
            null,
            true));
    put(sitting(PARIS_SESSION, "75", "2019-04-11", present(14), usualMandates(), null, true));
  }

  private Sessions() {}

  /** Haute-Garonne's 20 members, by category as the seed article lists them. */
  public static List<Member> members() {
    return IntStream.rangeClosed(1, 20)
        .mapToObj(
            n ->
                new Member(
                    memberId(n),
                    categoryOf(n),
                    n == 20 ? Pathways.ASSOCIATION : n >= 18 ? "association-" + n : null))
        .toList();
  }

  public static String memberId(int n) {
    return "m%02d".formatted(n);
  }

  private static MemberCategory categoryOf(int n) {
    if (n <= 6) {
      return MemberCategory.STATE_SERVICES;
    }
    if (n <= 8) {
      return MemberCategory.JUSTICE;
    }
    if (n <= 10) {
      return MemberCategory.POLICE_GENDARMERIE;
    }
    if (n <= 15) {
      return MemberCategory.LOCAL_AUTHORITIES;
    }
    if (n <= 17) {
      return MemberCategory.HEALTH;
    }
    return MemberCategory.ASSOCIATIONS;
  }

  /** Members m01 to m{@code count}, present. */
  public static List<String> present(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(Sessions::memberId).toList();
  }

  /** m15 represented by m02, m16 by m03. */
  public static List<Mandate> usualMandates() {
    return List.of(new Mandate("m15", "m02"), new Mandate("m16", "m03"));
  }

  private static Sitting sitting(
      String sessionId,
      String department,
      String date,
      List<String> present,
      List<Mandate> mandates,
      String firstConvocationId,
      boolean mayDeliberate) {
    List<Mandate> held = mandates.stream().filter(m -> present.contains(m.toMemberId())).toList();
    return new Sitting(
        sessionId,
        department,
        LocalDate.parse(date),
        mayDeliberate,
        firstConvocationId,
        present.size() + held.size(),
        CHAIR,
        members(),
        present,
        held,
        null);
  }

  /** {@code first}, followed by the second convocation {@code secondConvocationId}. */
  private static Sitting reconvened(Sitting first, String secondConvocationId) {
    return new Sitting(
        first.sessionId(),
        first.departmentCode(),
        first.date(),
        first.mayDeliberate(),
        first.firstConvocationId(),
        first.attending(),
        first.chairMemberId(),
        first.members(),
        first.present(),
        first.mandates(),
        secondConvocationId);
  }

  private static void put(Sitting sitting) {
    SITTINGS.put(sitting.sessionId(), sitting);
  }

  /** The sessions above and those of {@link #renewalSession}, as a pathway's rules see them. */
  public static KnownSessions knownSessions() {
    return new KnownSessions();
  }

  /** The sessions above, and the second convocations recorded on them by the rules under test. */
  public static final class KnownSessions implements CommissionSessions {

    private final Map<String, String> reconvened = new ConcurrentHashMap<>();

    @Override
    public Optional<Sitting> find(String sessionId) {
      return Optional.ofNullable(SITTINGS.get(sessionId))
          .map(
              sitting ->
                  reconvened.containsKey(sessionId)
                      ? Sessions.reconvened(sitting, reconvened.get(sessionId))
                      : sitting);
    }

    @Override
    public void reconvene(String firstConvocationId, Sitting secondConvocation) {
      reconvened.put(firstConvocationId, secondConvocation.sessionId());
    }

    /** The first convocations followed by a second one, to the second's id. */
    public Map<String, String> reconvened() {
      return Map.copyOf(reconvened);
    }
  }

  /**
   * The commissions of Haute-Garonne, Martinique and La Réunion have the same 20 members; Paris's
   * none.
   */
  public static CommissionRosters rosters() {
    return department -> List.of("31", "972", "974").contains(department) ? members() : List.of();
  }

  /**
   * A usual session of Haute-Garonne's commission on {@code date}, known to {@link #knownSessions}.
   */
  public static String renewalSession(LocalDate date) {
    String sessionId = "session-31-" + date;
    SITTINGS.putIfAbsent(
        sessionId,
        sitting(sessionId, "31", date.toString(), present(14), usualMandates(), null, true));
    return sessionId;
  }

  public static Sitting sittingOf(String sessionId) {
    return SITTINGS.get(sessionId);
  }

  /** Haute-Garonne's commission on 11 April 2019, m01 to m{@code present} present. */
  public static OpenCommissionSessionCommand aFirstConvocation(
      int present, List<Mandate> mandates) {
    return new OpenCommissionSessionCommand(
        "s-new", "31", LocalDate.parse("2019-04-11"), CHAIR, present(present), mandates, null);
  }

  /** A second convocation on 11 April 2019 after {@link #WITHOUT_QUORUM}. */
  public static OpenCommissionSessionCommand aSecondConvocation(int present, String first) {
    return new OpenCommissionSessionCommand(
        "s-new", "31", LocalDate.parse("2019-04-11"), CHAIR, present(present), List.of(), first);
  }

  public static CommissionSessionOpened opened(
      OpenCommissionSessionCommand command, boolean quorate) {
    return new CommissionSessionOpened(
        command.sessionId(),
        command.departmentCode(),
        command.date(),
        20,
        command.present().size(),
        command.mandates().size(),
        command.secondConvocation(),
        members(),
        command.present(),
        command.mandates(),
        command.chairMemberId(),
        command.firstConvocationId(),
        quorate,
        command.convocation());
  }

  /** {@code command}, its members convened on {@code sentOn}, in urgency or not. */
  public static OpenCommissionSessionCommand convened(
      OpenCommissionSessionCommand command, String sentOn, boolean urgent) {
    return new OpenCommissionSessionCommand(
        command.sessionId(),
        command.departmentCode(),
        command.date(),
        command.chairMemberId(),
        command.present(),
        command.mandates(),
        command.firstConvocationId(),
        new Convocation(LocalDate.parse(sentOn), urgent));
  }

  /**
   * The 20 members of {@code department}'s commission as the secretariat names them, with ids of
   * their own ({@code 31-m01}...); none of them is {@link Pathways#ASSOCIATION}'s.
   */
  public static List<AppointMemberCommand> appointments(String department) {
    return IntStream.rangeClosed(1, 20)
        .mapToObj(
            n ->
                new AppointMemberCommand(
                    AppointMemberCommand.commissionOf(department),
                    department,
                    department + "-" + memberId(n),
                    "Membre " + n,
                    categoryOf(n),
                    n >= 18 ? "association-" + n : null))
        .toList();
  }

  /**
   * A usual session body of {@code department}'s commission named by {@link #appointments}: 14
   * present, m01 chairing, m15 and m16 represented by m02 and m03; 16 vote.
   */
  public static String aSessionBody(String department, String date) {
    return aSessionBody(department, date, 14);
  }

  /** A first convocation with m01 to m{@code present} present, and the usual two mandates. */
  public static String aSessionBody(String department, String date, int present) {
    String members =
        String.join(
            ",",
            IntStream.rangeClosed(1, present)
                .mapToObj(n -> "\"" + department + "-" + memberId(n) + "\"")
                .toList());
    return """
        {"date":"%s","chairMemberId":"%s-m01","present":[%s],"mandates":[\
        {"fromMemberId":"%s-m15","toMemberId":"%s-m02"},\
        {"fromMemberId":"%s-m16","toMemberId":"%s-m03"}]}"""
        .formatted(date, department, members, department, department, department, department);
  }
}
