package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as written, without a browser: self-contained, escaped, passwords masked, one
 * arrow per command and per reply in each drawn session, clean sessions one line each, a page whose
 * size does not follow the log's, findings never folded away, and in the language asked for. {@link
 * HtmlReportBrowserTest} opens it in Chromium.
 */
class HtmlReportTest {

  @TempDir Path temp;

  private String html(String... args) throws IOException {
    Path out = temp.resolve("report-" + System.nanoTime() + ".html");
    List<String> all = new ArrayList<>(List.of("check", "--report", "html", "-o", out.toString()));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.err()).isEmpty();
    return Files.readString(out);
  }

  @Test
  void pageFetchesNothing() throws IOException {
    String page = html("--lang", "en", "samples/");
    assertThat(page.startsWith("<!DOCTYPE html>")).isTrue();
    assertThat(page.contains("Content-Security-Policy\" content=\"default-src 'none';")).isTrue();
    for (String fetch : List.of(" src=", "<link", "@import", "url(", "href=\"http", "fetch(")) {
      assertThat(page.contains(fetch)).as(fetch).isFalse();
    }
  }

  @Test
  void predictPutsTheProfilesReplyBesideTheRealOne() throws IOException {
    String transcript = "samples/curl/apache-ftpserver-clean.log";
    assertThat(html(transcript)).doesNotContain("class=\"chip predicted");
    String predicted = html("--predict", "--profile", "vsftpd", "--lang", "en", transcript);
    assertThat(predicted).contains("class=\"chip predicted same\"");
  }

  @Test
  void passwordsAreMaskedInArrowsAndRawLines() throws IOException {
    assertThat(Files.readString(Path.of("samples/curl/apache-ftpserver-out-of-order.log")))
        .contains("PASS wonderland");
    String page = html("samples/curl/apache-ftpserver-out-of-order.log");
    assertThat(page).doesNotContain("wonderland").contains("PASS ****");
    assertThat(count(page, "PASS ****")).isGreaterThanOrEqualTo(2); // its arrow and its raw line
  }

  @Test
  void aServersEchoOfThePasswordIsMaskedInTheRawLines() throws IOException {
    Path transcript = temp.resolve("echo.txt");
    Files.writeString(
        transcript,
        "C: USER a\nS: 331 p\nC: PASS Zq9-a Zq9-b\nS: 530 Login incorrect for Zq9-a Zq9-b\n"
            + "C: RNTO x\nS: 503 x\n");

    String page = html(transcript.toString());

    assertThat(page).contains("530 Login incorrect for ****").doesNotContain("Zq9");
  }

  @Test
  void textFromTheInputIsEscaped() throws IOException {
    Path transcript = temp.resolve("evil.txt");
    Files.writeString(
        transcript,
        """
        S: 220 <b onmouseover="x()">hi</b>
        C: USER a
        S: 331 ok
        C: PASS pw
        S: 230 ok
        C: STOR <script>alert(1)</script>
        S: 425 no
        """);
    String page = html(transcript.toString());
    assertThat(page)
        .doesNotContain("<script>alert", "<b onmouseover")
        .contains("STOR &lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b onmouseover=&quot;x()");
  }

  @Test
  void everySessionWithFindingsIsDrawnWithOneArrowPerCommandAndPerReply() throws IOException {
    Path json = temp.resolve("run.json");
    CliRun.of("check", "--report", "json", "-o", json.toString(), "samples/");
    JsonNode sessions = new ObjectMapper().readTree(json.toFile()).get("sessions");
    String page = html("samples/");
    List<String> sections = sections(page);
    List<String> drawn = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      JsonNode session = sessions.get(i);
      if (session.get("findings").isEmpty() && session.get("problems").isEmpty()) {
        continue;
      }
      drawn.add("s" + (i + 1));
      String section = sections.get(drawn.size() - 1);
      assertThat(section).startsWith(" id=\"s" + (i + 1) + "\"");
      assertThat(count(section, "<g class=\"arrow "))
          .as(session.get("source").asText())
          .isEqualTo(session.get("commands").asInt() + session.get("replies").asInt());
      assertThat(count(section, "<details class=\"finding "))
          .isEqualTo(session.get("findings").size());
    }
    assertThat(sections).hasSameSizeAs(drawn);
    assertThat(drawn).hasSizeBetween(30, sessions.size() - 30);
  }

  @Test
  void aCleanSessionIsOneLineWithItsLinesCommandsAndTimes() throws IOException {
    Path log = vsftpdLog(3, i -> i == 1);

    String page = html("--lang", "en", log.toString());

    assertThat(sections(page)).hasSize(1).allMatch(s -> s.startsWith(" id=\"s2\""));
    // from the greeting (line 2, after vsftpd's CONNECT line) to the reply to QUIT
    List<String> lines = between(page, "<tr id=\"", "</tr>");
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith("s1\" data-session=\"s1\"><td>1</td><td>" + log + " [")
        .contains(
            "<td>2\u201310</td><td>4</td><td>2026-11-23T06:40:01 \u2013 06:40:09</td>"
                + "<td>0</td><td>0</td><td>0</td><td>0</td>");
    assertThat(lines.get(1)).startsWith("s3\"").contains("<td>22\u201330</td><td>4</td>");
    assertThat(page)
        .contains("<tr data-session=\"s2\"><td>2</td><td><a href=\"#s2\">")
        .contains("Drawn in full below: every session with findings or problems (1).")
        .doesNotContain("id=\"s1-r", "id=\"s3-r", "id=\"s1-L", "id=\"s3-L");
  }

  @Test
  void sessionsDrawnPerRuleAreBoundedAndTheOthersCounted() throws IOException {
    int flagged = DRAWN_PER_RULE + 7;
    Path log = vsftpdLog(2 * flagged, i -> i % 2 == 0);

    String page = html("--lang", "en", log.toString());

    assertThat(sections(page)).hasSize(DRAWN_PER_RULE);
    assertThat(page)
        .contains(
            "Drawn in full below: "
                + DRAWN_PER_RULE
                + " sessions with findings or problems,"
                + " the first "
                + DRAWN_PER_RULE
                + " of each rule and of problems. 7 more are"
                + " not drawn")
        .contains("--report json");
    List<String> undrawn =
        between(page, "<tr id=\"", "</tr>").stream()
            .filter(l -> l.contains("data-findings="))
            .toList();
    assertThat(undrawn).hasSize(7);
    assertThat(undrawn.get(0))
        .startsWith("s" + (2 * DRAWN_PER_RULE + 1) + "\"")
        .contains("data-findings=\"error/RNTO_WITHOUT_RNFR\"");
  }

  @Test
  void aLargeRunListsItsFirstSessionsInShortLinesAndCountsTheRest() throws IOException {
    int sessions = LISTED + 500;
    Path log = vsftpdLog(sessions, i -> i % 1000 == 999);

    String page = html("--lang", "en", log.toString());

    assertThat(count(page, "<tr ")).isEqualTo(LISTED);
    assertThat(count(page, "<tr id=\"")).isEqualTo(LISTED - 5); // the drawn five link to theirs
    assertThat(page).contains("500 more sessions are counted, not listed; the JSON and text");
    assertThat(sections(page)).hasSize(5);
    // a clean session costs its line in the table, not its dialogue: 13 times the log drawn whole
    assertThat((double) page.getBytes(StandardCharsets.UTF_8).length / sessions).isLessThan(400);
  }

  @Test
  void longSessionFoldsQuietStretchesButNeverAFinding() throws IOException {
    StringBuilder text =
        new StringBuilder("S: 220 ready\nC: USER a\nS: 331 ok\nC: PASS b\nS: 230 ok\n");
    for (int i = 0; i < 300; i++) {
      text.append("C: NOOP\nS: 200 ok\n");
    }
    text.append("C: RNTO x\nS: 503 no\n");
    for (int i = 0; i < 300; i++) {
      text.append("C: PWD\nS: 257 \"/\"\n");
    }
    Path transcript = temp.resolve("long.txt");
    Files.writeString(transcript, text.append("C: QUIT\nS: 221 bye\n"));
    String page = html("--lang", "en", transcript.toString());
    Matcher folds =
        Pattern.compile("<details class=\"fold\" data-rows=\"(\\d+)-(\\d+)\"").matcher(page);
    Matcher finding = Pattern.compile("id=\"s1-r(\\d+)\"><a class=\"pos\"[^>]*>605<").matcher(page);
    assertThat(finding.find()).isTrue();
    int findingRow = Integer.parseInt(finding.group(1));
    int count = 0;
    while (folds.find()) {
      count++;
      int from = Integer.parseInt(folds.group(1));
      int to = Integer.parseInt(folds.group(2));
      assertThat(findingRow < from || findingRow > to).as("row %d folded", findingRow).isTrue();
    }
    assertThat(count).isEqualTo(2);
    assertThat(page)
        .contains("599 quiet steps, line 5 to line 603", "quiet steps, line 609 to line 1207")
        .contains("RNTO_WITHOUT_RNFR");
    assertThat(count(page, "<span class=\"ln\"")).isLessThanOrEqualTo(600);
  }

  @Test
  void aLongSessionWritesAThousandQuietStepsAndCountsTheOthers() throws IOException {
    StringBuilder text =
        new StringBuilder("S: 220 ready\nC: USER a\nS: 331 ok\nC: PASS b\nS: 230 ok\n");
    text.append("C: NOOP\nS: 200 ok\n".repeat(3000)).append("C: RNTO x\nS: 503 no\n");
    text.append("C: PWD\nS: 257 \"/\"\n".repeat(3000)).append("C: QUIT\nS: 221 bye\n");
    Path transcript = temp.resolve("longer.txt");
    Files.writeString(transcript, text);

    String page = html("--lang", "en", transcript.toString());

    // the first four rows, the finding's row with two on each side, the last two, and the 1,000
    assertThat(count(page, "<g class=\"arrow ")).isEqualTo(4 + 5 + 2 + 1000);
    assertThat(page)
        .contains(
            "5999 quiet steps, line 5 to line 6003 (4999 of them not drawn: a diagram keeps 1000"
                + " quiet steps, the whole page 2000; the text report with --explain-all lists"
                + " every reply)")
        .contains("5999 quiet steps, line 6009 to line 12007 (5999 of them not drawn")
        .contains("<details class=\"finding sev-error\"");
    assertThat(page.length()).isLessThan(2_000_000);
  }

  @Test
  void sessionsOfThousandsOfFindingsWriteTheFirstOfEachRuleInFullAndCountTheOthers()
      throws IOException {
    Path folder = Files.createDirectories(temp.resolve("renames"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(folder.resolve("session-" + (10 + i) + ".txt"), renames(600));
    }

    String page = html("--lang", "en", folder.toString());

    // every session drawn, 20 of its 600 findings written in full, the others counted by rule
    assertThat(sections(page)).hasSize(20);
    assertThat(count(page, "<details class=\"finding ")).isEqualTo(20 * 20);
    assertThat(count(page, "<code>RNTO_WITHOUT_RNFR</code> 580 more in this session"))
        .isEqualTo(20);
    assertThat(page)
        .contains("<span class=\"value\">12000</span><span class=\"label\">errors</span>")
        .contains("<span class=\"count\">12000</span>")
        .contains("Written in full below: 400 of the 12000 findings of the sessions drawn")
        .contains("--report json");
    // 12,000 findings each with its explanation and arrow, and a thousand quiet steps for each
    // session, made a page of 30 MB
    assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(3_000_000);
  }

  @Test
  void findingsPastThoseTheCheckListsAreInTheTotals() throws IOException {
    Path transcript = temp.resolve("renames.txt");
    Files.writeString(transcript, renames(12_000));

    String page = html("--lang", "en", transcript.toString());

    assertThat(page)
        .contains("<span class=\"value\">12000</span><span class=\"label\">errors</span>")
        .contains(
            "2000 more finding(s), past the 10000 the check lists for one session, are counted by"
                + " severity only.")
        .contains("<code>RNTO_WITHOUT_RNFR</code> 9980 more in this session");
    assertThat(count(page, "<details class=\"finding ")).isEqualTo(20);
    assertThat(page.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000_000);
  }

  /** A dialogue transcript of a login and then {@code n} RNTO without RNFR, each refused. */
  private static String renames(int n) {
    return "S: 220 ready\nC: USER a\nS: 331 ok\nC: PASS b\nS: 230 ok\n"
        + "C: RNTO b.txt\nS: 503 RNFR required first.\n".repeat(n)
        + "C: QUIT\nS: 221 bye\n";
  }

  @Test
  void explainAllPutsEachReplysExplanationOnExpand() throws IOException {
    String plain = html("--lang", "en", "samples/dialogue/bad-order.txt");
    String explained = html("--lang", "en", "--explain-all", "samples/dialogue/bad-order.txt");
    assertThat(plain).doesNotContain("<details class=\"explain\">");
    assertThat(count(explained, "<details class=\"explain\">")).isEqualTo(7);
    assertThat(explained).contains("Permanent Negative: Bad sequence of commands");
  }

  @Test
  void stateChangesAreShownWhereTheyHappen() throws IOException {
    String page = html("--lang", "en", "samples/dialogue/rename-and-restart.txt");
    assertThat(page).contains(">logged in<", ">rename pending: RNFR ", ">restart pending: REST ");
  }

  @Test
  void pageIsInTheLanguageAskedFor() throws IOException {
    assertThat(html("--lang", "fr", "samples/dialogue/bad-order.txt"))
        .contains("<html lang=\"fr\">", "Constats par règle", "pourquoi", "serveur");
    assertThat(html("--lang", "ja", "samples/dialogue/bad-order.txt"))
        .contains("<html lang=\"ja\">", "ルール別の検出", "サーバー");
  }

  @Test
  void eachStepLinksToItsRawLineAndBack() throws IOException {
    String page = html("samples/dialogue/bad-order.txt");
    assertThat(page)
        .contains("<a class=\"pos\" href=\"#s1-L3\"")
        .contains("<span class=\"ln\" id=\"s1-L3\"><a class=\"n\" href=\"#s1-r");
  }

  /** The most sessions drawn for one rule (DrawnSessions.PER_RULE). */
  private static final int DRAWN_PER_RULE = 50;

  /** The most sessions the table lists (SessionTable.LISTED). */
  private static final int LISTED = 5_000;

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  /**
   * A vsftpd log of sessions one after another, each of ten lines a second apart from 06:40:00: a
   * login, a NOOP and a QUIT, and for the sessions chosen an RNTO without RNFR in place of the
   * NOOP.
   */
  private Path vsftpdLog(int sessions, IntPredicate flagged) throws IOException {
    Path log = temp.resolve("vsftpd-" + sessions + ".log");
    try (BufferedWriter out = Files.newBufferedWriter(log)) {
      for (int i = 0; i < sessions; i++) {
        String client = "10.1." + (i / 250) + "." + (i % 250 + 1);
        String prefix = "[pid " + (1000 + i) + "] ";
        String[] lines = {
          "CONNECT: Client \"" + client + "\"",
          "FTP response: Client \"" + client + "\", \"220 (vsFTPd 3.0.3)\"",
          "FTP command: Client \"" + client + "\", \"USER alice\"",
          "[alice] FTP response: Client \"" + client + "\", \"331 Please specify the password.\"",
          "[alice] FTP command: Client \"" + client + "\", \"PASS <password>\"",
          "[alice] FTP response: Client \"" + client + "\", \"230 Login successful.\"",
          flagged.test(i)
              ? "[alice] FTP command: Client \"" + client + "\", \"RNTO b.txt\""
              : "[alice] FTP command: Client \"" + client + "\", \"NOOP\"",
          flagged.test(i)
              ? "[alice] FTP response: Client \"" + client + "\", \"503 RNFR required first.\""
              : "[alice] FTP response: Client \"" + client + "\", \"200 NOOP ok.\"",
          "[alice] FTP command: Client \"" + client + "\", \"QUIT\"",
          "[alice] FTP response: Client \"" + client + "\", \"221 Goodbye.\""
        };
        for (int j = 0; j < lines.length; j++) {
          LocalTime time = LocalTime.of(6, 40).plusSeconds(i * lines.length + j);
          out.write("Mon Nov 23 " + CLOCK.format(time) + " 2026 " + prefix + lines[j] + "\n");
        }
      }
    }
    return log;
  }

  private static List<String> sections(String page) {
    return between(page, "<section class=\"session\"", "</section>");
  }

  private static List<String> between(String text, String start, String end) {
    List<String> parts = new ArrayList<>();
    Matcher matcher =
        Pattern.compile(Pattern.quote(start) + "(.*?)" + Pattern.quote(end), Pattern.DOTALL)
            .matcher(text);
    while (matcher.find()) {
      parts.add(matcher.group(1));
    }
    return parts;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
