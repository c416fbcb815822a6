package io.ftpseq.transcript;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Reply;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A multi-line reply is as long as the server makes it: STAT of a big directory, a long HELP or
 * FEAT is tens of thousands of lines and still a few megabytes at most. Every reader takes it
 * whole, whatever its count of lines; only a reply that holds more than {@link
 * io.ftpseq.protocol.ReplyAssembler#MAX_REPLY_BYTES} is cut, with a problem that says so.
 */
class LongRepliesTest {

  private static final int LINES = 20_000;

  /** The dialogue: a login, STAT of a directory answered with {@code listing} lines, and QUIT. */
  private static List<String[]> session(List<String> listing) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"S", "220 ready"});
    lines.add(new String[] {"C", "USER alice"});
    lines.add(new String[] {"S", "331 password?"});
    lines.add(new String[] {"C", "PASS secret"});
    lines.add(new String[] {"S", "230 in"});
    lines.add(new String[] {"C", "STAT /pub"});
    lines.add(new String[] {"S", "213-Status of /pub:"});
    listing.forEach(line -> lines.add(new String[] {"S", line}));
    lines.add(new String[] {"S", "213 End of status"});
    lines.add(new String[] {"C", "QUIT"});
    lines.add(new String[] {"S", "221 bye"});
    return lines;
  }

  private static List<String> listing(int count, int width) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String line = String.format(Locale.ROOT, "-rw-r--r-- 1 ftp ftp %6d file%05d.txt", i, i);
      lines.add(line + "x".repeat(Math.max(0, width - line.length())));
    }
    return lines;
  }

  /** The session in one of the formats, one line per wire line where the format has it so. */
  private static String written(String format, List<String[]> session) {
    if (format.equals("ftplib")) {
      return ftplib(session);
    }
    Function<String[], String> line =
        switch (format) {
          case "dialogue" -> l -> l[0] + ": " + l[1];
          case "commons-net" -> l -> l[1];
          case "commons-net-arrows" ->
              l -> (l[0].equals("C") ? "> " : opensReply(l[1]) ? "< " : "") + l[1]; // first only
          default -> throw new IllegalArgumentException(format);
        };
    StringBuilder text = new StringBuilder();
    session.forEach(l -> text.append(line.apply(l)).append('\n'));
    return text.toString();
  }

  private static boolean opensReply(String line) {
    return line.matches("\\d{3}[ -].*") && !line.startsWith("213 ");
  }

  /**
   * ftplib's debug output: a multi-line reply is one {@code *resp*} record, lines joined by LF (so
   * the listing is kept under the 1 MiB bound on an input line).
   */
  private static String ftplib(List<String[]> session) {
    StringBuilder text = new StringBuilder();
    StringBuilder reply = null;
    for (String[] l : session) {
      if (l[0].equals("C")) {
        text.append("*cmd* '").append(l[1]).append("'\n");
      } else if (reply == null && l[1].charAt(3) == '-') {
        reply = new StringBuilder(l[1]);
      } else if (reply != null) {
        reply.append("\\n").append(l[1]);
        if (l[1].startsWith("213 ")) {
          text.append("*resp* '").append(reply).append("'\n");
          reply = null;
        }
      } else {
        text.append("*resp* '").append(l[1]).append("'\n");
      }
    }
    return text.toString();
  }

  private static TranscriptChecker.Result check(String format, String text) throws IOException {
    TranscriptChecker.Result result =
        new TranscriptChecker(
                ServerProfiles.RFC, TranscriptFormats.named(format.replace("-arrows", "")).get())
            .keepingSteps()
            .check("long." + format, new ByteArrayInputStream(text.getBytes(UTF_8)));
    assertThat(result.sessions()).hasSize(1);
    return result;
  }

  private static Reply stat(SessionCheck session) {
    return session.replyLog().stream()
        .map(ReplyReceived::reply)
        .filter(r -> r.code().value() == 213)
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dialogue", "commons-net", "commons-net-arrows", "ftplib"})
  void aReplyOfTwentyThousandLinesIsOneReply(String format) throws IOException {
    TranscriptChecker.Result result = check(format, written(format, session(listing(LINES, 0))));
    SessionCheck session = result.sessions().get(0);

    assertThat(result.summary().problems()).isZero();
    assertThat(session.problems()).isEmpty();
    assertThat(session.findings()).isEmpty();
    assertThat(session.replies()).isEqualTo(5);
    assertThat(stat(session).lines())
        .hasSize(LINES + 2)
        .endsWith("-rw-r--r-- 1 ftp ftp  19999 file19999.txt", "213 End of status");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dialogue", "commons-net"})
  void aReplyThatHoldsTooManyBytesIsCutWithAProblem(String format) throws IOException {
    // 5,000 lines of 1,000 bytes: over the bound, whose problem names it
    SessionCheck session =
        check(format, written(format, session(listing(5_000, 1_000)))).sessions().get(0);

    assertThat(session.problems())
        .first()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith("multi-line reply 213 opened at line ")
                    .contains(" holds more than 4 MB (")
                    .endsWith(" lines) without its closing line; it is taken as ending here"));
    assertThat(stat(session).lines().size()).isBetween(4_000, 4_200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dialogue", "commons-net"})
  void theRestOfACutReplyIsOneProblemAndTheSessionGoesOnAtItsEnd(String format) throws IOException {
    // 5,000 lines of 1,000 bytes: the lines past the bound were each a problem of their own
    TranscriptChecker.Result result =
        check(format, written(format, session(listing(5_000, 1_000))));
    SessionCheck session = result.sessions().get(0);
    int kept = stat(session).lines().size();
    long notKept = 5_000 + 2 - kept; // the listing, the opening and the closing line, less kept

    assertThat(session.problems())
        .hasSize(2)
        .last()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith("multi-line reply 213 cut at line " + (7 + kept - 1) + ": ")
                    .contains(String.format(Locale.ROOT, "its next %,d line(s) (", notKept))
                    .endsWith("were not kept, up to this, its closing line"));
    assertThat(result.summary().problems()).isEqualTo(2);
    assertThat(session.replies()).isEqualTo(5); // QUIT's 221 answers QUIT
    assertThat(session.findings()).isEmpty();
  }
}
