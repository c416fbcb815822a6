package io.ftpseq.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ftpseq.explain.Explainer;
import io.ftpseq.profile.ServerProfiles;
import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Reports of a capture's session: packets instead of lines, times, and the session's notes. */
class PacketSourcesInReportsTest {

  private static final String FILE = "c.pcap";
  private static final Explainer ENGLISH = Explainer.forLocale(Locale.ENGLISH);

  private static Source packet(long frame) {
    return Source.packet(FILE, frame).at("2026-11-23T06:40:0" + frame + "Z");
  }

  /** A session whose RNTO follows PASS, with a data connection and a gap noted. */
  private static CheckRun run() {
    Validator validator =
        new Validator(FILE, "10.0.0.1:40000 -> 10.0.0.2:21", "pcap", ServerProfiles.RFC);
    validator.accept(new ReplyReceived(packet(1), Reply.of(220, "ready")));
    validator.accept(new CommandSent(packet(2), Command.parse("USER alice")));
    validator.accept(new ReplyReceived(packet(3), Reply.of(331, "password?")));
    validator.accept(new CommandSent(packet(4), Command.parse("PASS secret")));
    validator.accept(new ReplyReceived(packet(5), Reply.of(230, "in")));
    validator.accept(
        new Note(packet(6), NoteKind.DATA_OPENED, "client 10.0.0.1:40001, server 10.0.0.2:20"));
    validator.accept(new CommandSent(packet(7), Command.parse("RNTO b")));
    validator.accept(new ReplyReceived(packet(8), Reply.of(503, "RNFR first")));
    validator.accept(new Note(packet(9), NoteKind.LINES_MISSING, "bytes were not captured"));
    return CheckRun.of(List.of(validator.finish()), List.of());
  }

  private static String write(ReportWriter writer) throws IOException {
    StringWriter out = new StringWriter();
    writer.write(run(), out);
    return out.toString();
  }

  @Test
  void textReportNamesPacketsAndPrintsEachNoteWithItsSource() throws IOException {
    String text = write(new TextReport(ENGLISH));
    assertThat(text)
        .contains(
            "c.pcap#6: note: data connection opened: client 10.0.0.1:40001, server 10.0.0.2:20\n")
        .contains("c.pcap#9: note: part of the record is missing here: bytes were not captured\n")
        .contains("c.pcap#7: [2026-11-23T06:40:07Z] error RNTO_WITHOUT_RNFR: ")
        .contains("(packet 4)")
        .doesNotContain("line 4")
        .doesNotContain("secret");
  }

  @Test
  void jsonReportGivesPacketAndTimeAndANotesArray() throws IOException {
    JsonNode session = Json.MAPPER.readTree(write(new JsonReport(ENGLISH))).get("sessions").get(0);
    JsonNode finding = session.get("findings").get(0);
    assertThat(finding.get("packet").asLong()).isEqualTo(7);
    assertThat(finding.has("line")).isFalse();
    assertThat(finding.get("time").asText()).isEqualTo("2026-11-23T06:40:07Z");
    assertThat(finding.get("related").get("packet").asLong()).isEqualTo(4);
    JsonNode notes = session.get("notes");
    assertThat(notes).hasSize(2);
    assertThat(notes.get(0).get("kind").asText()).isEqualTo("DATA_OPENED");
    assertThat(notes.get(0).get("packet").asLong()).isEqualTo(6);
    assertThat(notes.get(1).get("kind").asText()).isEqualTo("LINES_MISSING");
  }

  @Test
  void lineOnlyReportsPointAtTheCaptureFileAndNameThePacket() throws IOException {
    assertThat(write(new GithubReport(ENGLISH)))
        .contains("::error file=c.pcap,title=RNTO_WITHOUT_RNFR::packet 7: RNTO was sent")
        .doesNotContain("line=");
    JsonNode result =
        Json.MAPPER
            .readTree(write(new SarifReport(ENGLISH, "test")))
            .get("runs")
            .get(0)
            .get("results")
            .get(0);
    assertThat(result.get("message").get("text").asText()).startsWith("packet 7: RNTO was sent");
    assertThat(result.get("locations").get(0).get("physicalLocation").has("region")).isFalse();
  }
}
