package fr.passerelle.reporting.audit.verify;

import fr.passerelle.reporting.audit.ledger.AuditLedger;
import fr.passerelle.reporting.audit.ledger.LedgerRow;
import fr.passerelle.reporting.audit.ledger.Links;
import fr.passerelle.reporting.audit.ledger.SubjectHeads;
import fr.passerelle.reporting.audit.seal.Seal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes the ledger's chains from its rows and names the first link that does not hold: in the
 * global chain, in each subject's chain, and against the daily seals published on the bus, which no
 * one with the database alone can rewrite.
 *
 * <p>For one département: every chain of its dossiers, and each of its rows' links in the global
 * chain (against the link before it, whosever it is); the seals are the whole ledger's and are
 * checked with it.
 */
public class ChainVerifier {

  /** The subject chains' breaks named in one answer; the count says how many there are. */
  public static final int MAX_SUBJECT_BREAKS = 100;

  private static final int FETCH_SIZE = 2_000;

  private final JdbcTemplate jdbc;
  private final Supplier<List<Seal>> seals;
  private final Clock clock;

  public ChainVerifier(DataSource dataSource, Supplier<List<Seal>> seals, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(FETCH_SIZE);
    this.seals = seals;
    this.clock = clock;
  }

  /** Verifies the whole ledger. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Verification verifyAll() {
    Set<String> erased = erasedSubjects(null);
    long[] links = {0};
    ChainBreak[] globalBreak = {null};
    byte[][] previous = {Links.ORIGIN};
    jdbc.query(
        "SELECT " + COLUMNS + " FROM public.audit_event ORDER BY position",
        rs -> {
          links[0]++;
          if (globalBreak[0] != null) {
            return;
          }
          Checked row = checked(rs);
          long expected = links[0];
          if (row.ledger().position() != expected) {
            globalBreak[0] = new ChainBreak(expected, null, null, null, ChainBreak.Reason.MISSING);
            return;
          }
          globalBreak[0] = check(row, previous[0], row.ledger().globalLink(), erased);
          previous[0] = row.ledger().globalLink();
        });
    Subjects subjects = subjects(null, erased);
    List<Seal> published = seals.get();
    ChainBreak sealBreak = globalBreak[0] == null ? sealBreak(published) : null;
    return new Verification(
        clock.instant(),
        null,
        globalBreak[0] == null && subjects.broken() == 0 && sealBreak == null,
        links[0],
        subjects.count(),
        globalBreak[0],
        subjects.breaks(),
        subjects.broken(),
        published.size(),
        sealBreak);
  }

  /** Verifies the chains of one département's dossiers and its rows' links in the global chain. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public Verification verifyDepartement(String departmentCode) {
    Set<String> erased = erasedSubjects(departmentCode);
    long[] links = {0};
    ChainBreak[] globalBreak = {null};
    jdbc.query(
        """
        SELECT %s, previous.position AS previous_position, previous.global_link AS previous_link
        FROM public.audit_event e
        LEFT JOIN public.audit_event previous ON previous.position = e.position - 1
        WHERE e.department_code = ?
        ORDER BY e.position
        """
            .formatted(qualified("e")),
        rs -> {
          links[0]++;
          if (globalBreak[0] != null) {
            return;
          }
          Checked row = checked(rs);
          long position = row.ledger().position();
          byte[] previous = rs.getBytes("previous_link");
          if (position > 1 && previous == null) {
            globalBreak[0] =
                new ChainBreak(position - 1, null, null, null, ChainBreak.Reason.MISSING);
            return;
          }
          globalBreak[0] =
              check(
                  row, position == 1 ? Links.ORIGIN : previous, row.ledger().globalLink(), erased);
        },
        departmentCode);
    Subjects subjects = subjects(departmentCode, erased);
    return new Verification(
        clock.instant(),
        departmentCode,
        globalBreak[0] == null && subjects.broken() == 0,
        links[0],
        subjects.count(),
        globalBreak[0],
        subjects.breaks(),
        subjects.broken(),
        0,
        null);
  }

  private record Subjects(long count, long broken, List<ChainBreak> breaks) {}

  private Subjects subjects(String departmentCode, Set<String> erased) {
    List<ChainBreak> breaks = new ArrayList<>();
    long[] count = {0};
    long[] broken = {0};
    String[] current = {null};
    int[] expected = {0};
    byte[][] previous = {Links.ORIGIN};
    boolean[] currentBroken = {false};
    jdbc.query(
        """
        SELECT %s FROM public.audit_event
        WHERE CAST(? AS VARCHAR) IS NULL OR department_code = ?
        ORDER BY subject COLLATE "C", subject_position
        """
            .formatted(COLUMNS),
        rs -> {
          Checked row = checked(rs);
          LedgerRow ledger = row.ledger();
          if (!ledger.subject().equals(current[0])) {
            current[0] = ledger.subject();
            count[0]++;
            expected[0] = 1;
            previous[0] = Links.ORIGIN;
            currentBroken[0] = false;
          }
          if (currentBroken[0]) {
            return;
          }
          ChainBreak found =
              ledger.subjectPosition() != expected[0]
                  ? new ChainBreak(
                      null, ledger.subject(), expected[0], null, ChainBreak.Reason.MISSING)
                  : check(row, previous[0], ledger.subjectLink(), erased);
          if (found != null) {
            currentBroken[0] = true;
            broken[0]++;
            if (breaks.size() < MAX_SUBJECT_BREAKS) {
              breaks.add(found);
            }
            return;
          }
          expected[0]++;
          previous[0] = ledger.subjectLink();
        },
        departmentCode,
        departmentCode);
    return new Subjects(count[0], broken[0], breaks);
  }

  /**
   * The seals against the ledger: each one's position must hold the link it names, and the subject
   * chains then must fold into its digest.
   */
  private ChainBreak sealBreak(List<Seal> published) {
    for (Seal seal : published) {
      List<byte[]> link =
          jdbc.query(
              "SELECT global_link FROM public.audit_event WHERE position = ?",
              (rs, row) -> rs.getBytes(1),
              seal.lastPosition());
      if (link.isEmpty()) {
        return new ChainBreak(seal.lastPosition(), null, null, null, ChainBreak.Reason.TRUNCATED);
      }
      SubjectHeads.Digest heads = SubjectHeads.at(jdbc, seal.lastPosition());
      if (!Arrays.equals(link.get(0), seal.lastLink())
          || heads.subjects() != seal.subjects()
          || !Arrays.equals(heads.digest(), seal.subjectsDigest())) {
        return new ChainBreak(
            seal.lastPosition(), null, null, null, ChainBreak.Reason.SEAL_MISMATCH);
      }
    }
    return null;
  }

  /** The row's link and person's data against what was chained after {@code previous}. */
  private static ChainBreak check(
      Checked row, byte[] previous, byte[] storedLink, Set<String> erased) {
    LedgerRow ledger = row.ledger();
    if (!Arrays.equals(Links.next(previous, ledger.canonicalBytes()), storedLink)) {
      return at(ledger, ChainBreak.Reason.ALTERED);
    }
    byte[] digest = ledger.personDigest();
    if (digest == null) {
      return row.personData() == null && row.personSalt() == null
          ? null
          : at(ledger, ChainBreak.Reason.PERSON_DATA_ALTERED);
    }
    if (row.personData() == null || row.personSalt() == null) {
      return row.personData() == null
              && row.personSalt() == null
              && erased.contains(ledger.subject())
          ? null
          : at(ledger, ChainBreak.Reason.PERSON_DATA_REMOVED);
    }
    byte[] recomputed =
        Links.digest(row.personSalt(), row.personData().getBytes(StandardCharsets.UTF_8));
    return Arrays.equals(recomputed, digest)
        ? null
        : at(ledger, ChainBreak.Reason.PERSON_DATA_ALTERED);
  }

  private static ChainBreak at(LedgerRow row, ChainBreak.Reason reason) {
    return new ChainBreak(
        row.position(), row.subject(), row.subjectPosition(), row.eventId(), reason);
  }

  /** The subjects whose person's data an erasure tombstone in the ledger erased. */
  private Set<String> erasedSubjects(String departmentCode) {
    return new HashSet<>(
        jdbc.queryForList(
            """
            SELECT DISTINCT subject FROM public.audit_event
            WHERE event_type IN (%s)
              AND (CAST(? AS VARCHAR) IS NULL OR department_code = ?)
            """
                .formatted(String.join(", ", AuditLedger.ERASURES.stream().map(t -> "?").toList())),
            String.class,
            erasureArguments(departmentCode)));
  }

  private static Object[] erasureArguments(String departmentCode) {
    List<Object> arguments = new ArrayList<>(AuditLedger.ERASURES);
    arguments.add(departmentCode);
    arguments.add(departmentCode);
    return arguments.toArray();
  }

  private static final String COLUMNS = LedgerRow.COLUMNS + ", person_data, person_salt";

  private static String qualified(String alias) {
    return String.join(
        ", ",
        Arrays.stream(COLUMNS.split(","))
            .map(String::strip)
            .map(column -> alias + "." + column)
            .toList());
  }

  /** A row with what its check needs beyond the chained fields. */
  private record Checked(LedgerRow ledger, String personData, byte[] personSalt) {}

  private static Checked checked(ResultSet rs) throws SQLException {
    return new Checked(
        LedgerRow.read(rs, 0), rs.getString("person_data"), rs.getBytes("person_salt"));
  }
}
