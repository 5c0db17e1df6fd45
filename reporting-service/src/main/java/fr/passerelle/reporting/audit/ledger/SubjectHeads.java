package fr.passerelle.reporting.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last link of every subject chain as it stood when the global chain reached a position, folded
 * into one digest: SHA-256 over the lines {@code subject␟position␟link-hex␤}, by subject. A seal
 * carries it, so that a verifier can tell every dossier's chain stood as sealed.
 */
public final class SubjectHeads {

  /** How many subject chains there were, and their digest. */
  public record Digest(int subjects, byte[] digest) {}

  private SubjectHeads() {}

  public static Digest at(JdbcTemplate jdbc, long position) {
    MessageDigest sha256 = Links.sha256();
    int[] subjects = {0};
    jdbc.query(
        """
        SELECT DISTINCT ON (subject COLLATE "C") subject, subject_position, subject_link
        FROM public.audit_event
        WHERE position <= ?
        ORDER BY subject COLLATE "C", subject_position DESC
        """,
        rs -> {
          String line =
              rs.getString(1)
                  + '\u001f'
                  + rs.getInt(2)
                  + '\u001f'
                  + HexFormat.of().formatHex(rs.getBytes(3))
                  + '\n';
          sha256.update(line.getBytes(StandardCharsets.UTF_8));
          subjects[0]++;
        },
        position);
    return new Digest(subjects[0], sha256.digest());
  }
}
