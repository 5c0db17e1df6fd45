package fr.passerelle.decision.session.minutes;

import fr.passerelle.decision.events.Opinion;
import fr.passerelle.decision.session.api.SessionMinutes;
import fr.passerelle.decision.session.api.SessionMinutes.Attendance;
import fr.passerelle.decision.session.api.SessionMinutes.Attendee;
import fr.passerelle.decision.session.api.SessionMinutes.Deliberation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes a session's minutes (procès-verbal) as a PDF with Apache PDFBox: the commission, the
 * session's date and convocation, its chair, the members present, represented (and by whom) and
 * absent by category, the quorum, then each deliberation with its votes, the members who took no
 * part in it and the opinion. Plain A4 text in Helvetica, on as many pages as it needs.
 */
public final class MinutesPdf {

  private static final DateTimeFormatter FRENCH =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
  private static final float MARGIN = 56;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

  private MinutesPdf() {}

  /** The minutes as the bytes of a PDF document. */
  public static byte[] render(SessionMinutes minutes) {
    try (PDDocument document = new PDDocument()) {
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Procès-verbal de la séance du " + french(minutes.date()));
      info.setSubject("Commission départementale " + minutes.departmentCode());
      Writer writer = new Writer(document);
      write(minutes, writer);
      writer.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("The minutes could not be written", e);
    }
  }

  private static void write(SessionMinutes m, Writer w) throws IOException {
    w.paragraph(
        Style.SMALL,
        "Commission départementale de lutte contre la prostitution, le proxénétisme et la traite"
            + " des êtres humains aux fins d'exploitation sexuelle — département "
            + m.departmentCode());
    w.space();
    w.paragraph(Style.TITLE, "Procès-verbal de la séance du " + french(m.date()));
    w.paragraph(
        Style.BODY,
        m.secondConvocation()
            ? "Seconde convocation"
                + (m.firstConvocationDate() == null
                    ? ""
                    : ", la séance du "
                        + french(m.firstConvocationDate())
                        + " n'ayant pas atteint le quorum")
                + "."
            : "Première convocation.");
    if (m.convocation() != null) {
      w.paragraph(
          Style.BODY,
          "Convocation adressée aux membres le "
              + french(m.convocation().sentOn())
              + (m.convocation().urgent() ? ", la séance étant convoquée en urgence." : "."));
    }
    if (m.chair() != null) {
      w.paragraph(Style.BODY, "Présidence : " + m.chair() + ".");
    }
    w.space();
    w.paragraph(
        Style.BODY,
        "Membres de la commission : %d ; présents : %d ; représentés : %d ; quorum : %d."
            .formatted(m.membersTotal(), m.membersPresent(), m.membersRepresented(), m.quorum()));
    w.paragraph(Style.BODY, quorumSentence(m));
    if (!m.attendees().isEmpty()) {
      attendees(w, "Membres présents", m.attendees(), Attendance.PRESENT);
      attendees(w, "Membres représentés", m.attendees(), Attendance.REPRESENTED);
      attendees(w, "Membres absents", m.attendees(), Attendance.ABSENT);
    }
    w.space();
    w.paragraph(Style.HEADING, m.mayDeliberate() ? "Délibérations" : "Ordre du jour");
    if (m.deliberations().isEmpty()) {
      w.paragraph(Style.BODY, "Aucun dossier à l'ordre du jour.");
    }
    int number = 0;
    for (Deliberation d : m.deliberations()) {
      number++;
      w.paragraph(
          Style.BOLD,
          "%d. Dossier %s — %s"
              .formatted(
                  number,
                  d.dossierId(),
                  d.termNumber() == 1
                      ? "première demande"
                      : "renouvellement (période n° " + d.termNumber() + ")"));
      if (d.opinion() == null) {
        w.paragraph(
            Style.INDENTED, m.mayDeliberate() ? "Avis : non encore rendu." : "Non délibéré.");
        continue;
      }
      if (!d.recused().isEmpty()) {
        w.paragraph(
            Style.INDENTED,
            "Ne prennent pas part au vote (intérêt personnel) : "
                + String.join(", ", d.recused())
                + ".");
      }
      String votes =
          "Pour : %d ; contre : %d ; abstentions : %d."
              .formatted(d.votesFor(), d.votesAgainst(), d.abstentions());
      if (d.votesFor() == d.votesAgainst() && d.votesFor() > 0) {
        votes +=
            " Partage des voix : la voix du président, "
                + (d.chairVotedFor() ? "pour" : "contre")
                + ", est prépondérante.";
      }
      w.paragraph(Style.INDENTED, votes);
      w.paragraph(Style.INDENTED, "Avis de la commission : " + opinion(d.opinion()) + ".");
    }
  }

  private static String quorumSentence(SessionMinutes m) {
    if (m.secondConvocation()) {
      return "Sur seconde convocation, la commission délibère sans condition de quorum.";
    }
    return m.mayDeliberate()
        ? "Le quorum est atteint : la commission peut valablement délibérer."
        : "Le quorum n'est pas atteint : la commission ne délibère pas ; elle sera convoquée à"
            + " nouveau avec le même ordre du jour.";
  }

  private static void attendees(
      Writer w, String heading, List<Attendee> attendees, Attendance attendance)
      throws IOException {
    List<Attendee> these = attendees.stream().filter(a -> a.attendance() == attendance).toList();
    if (these.isEmpty()) {
      return;
    }
    w.space();
    w.paragraph(Style.HEADING, heading);
    for (Attendee a : these) {
      String line = "- " + a.name() + " (" + a.category().label() + ")";
      if (a.representedBy() != null) {
        line += ", mandat donné à " + a.representedBy();
      }
      w.paragraph(Style.INDENTED, line);
    }
  }

  private static String opinion(Opinion opinion) {
    return switch (opinion) {
      case FAVOURABLE -> "favorable";
      case UNFAVOURABLE -> "défavorable";
      case ADJOURNED -> "ajourné dans l'attente d'un complément d'information";
    };
  }

  private static String french(LocalDate date) {
    return date.format(FRENCH);
  }

  /** How a paragraph is set. */
  private enum Style {
    TITLE(true, 15, 0),
    HEADING(true, 12, 0),
    BOLD(true, 10.5f, 0),
    BODY(false, 10.5f, 0),
    INDENTED(false, 10.5f, 16),
    SMALL(false, 9, 0);

    final boolean bold;
    final float size;
    final float indent;

    Style(boolean bold, float size, float indent) {
      this.bold = bold;
      this.size = size;
      this.indent = indent;
    }
  }

  /** Sets paragraphs line by line, wrapping words and starting pages as they fill. */
  private static final class Writer {

    private final PDDocument document;
    private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream page;
    private float y;

    Writer(PDDocument document) {
      this.document = document;
    }

    void space() {
      y -= 8;
    }

    void paragraph(Style style, String text) throws IOException {
      PDFont font = style.bold ? bold : regular;
      float leading = style.size * 1.35f;
      for (String line : wrap(font, style.size, WIDTH - style.indent, printable(font, text))) {
        if (page == null || y - leading < MARGIN) {
          newPage();
        }
        y -= leading;
        page.beginText();
        page.setFont(font, style.size);
        page.newLineAtOffset(MARGIN + style.indent, y);
        page.showText(line);
        page.endText();
      }
      y -= style.size * 0.3f;
    }

    void close() throws IOException {
      if (page == null) {
        newPage();
      }
      page.close();
    }

    private void newPage() throws IOException {
      if (page != null) {
        page.close();
      }
      PDPage next = new PDPage(PDRectangle.A4);
      document.addPage(next);
      page = new PDPageContentStream(document, next);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private static List<String> wrap(PDFont font, float size, float width, String text)
        throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : text.split(" ")) {
        String tried = line.isEmpty() ? word : line + " " + word;
        if (!line.isEmpty() && font.getStringWidth(tried) / 1000 * size > width) {
          lines.add(line.toString());
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(tried);
        }
      }
      lines.add(line.toString());
      return lines;
    }

    /** The text with what the font cannot show (outside WinAnsi) replaced by "?". */
    private static String printable(PDFont font, String text) {
      StringBuilder out = new StringBuilder();
      text.codePoints()
          .forEach(
              codePoint -> {
                String character = new String(Character.toChars(codePoint));
                try {
                  font.encode(character);
                  out.append(character);
                } catch (IOException | IllegalArgumentException e) {
                  out.append('?');
                }
              });
      return out.toString();
    }
  }
}
