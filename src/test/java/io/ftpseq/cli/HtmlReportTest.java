package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as written, without a browser: self-contained, escaped, passwords masked, one
 * arrow per command and per reply, findings never folded away, and in the language asked for.
 * {@link HtmlReportBrowserTest} opens it in Chromium.
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
    assertThat(Files.readString(Path.of("samples/curl/apache-ftpserver-clean.log")))
        .contains("PASS wonderland");
    String page = html("samples/curl/apache-ftpserver-clean.log");
    assertThat(page).doesNotContain("wonderland").contains("PASS ****");
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
        C: PASS b
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
  void everySessionHasOneArrowPerCommandAndPerReply() throws IOException {
    Path json = temp.resolve("run.json");
    CliRun.of("check", "--report", "json", "-o", json.toString(), "samples/");
    JsonNode sessions = new ObjectMapper().readTree(json.toFile()).get("sessions");
    List<String> sections = sections(html("samples/"));
    assertThat(sections).hasSize(sessions.size());
    for (int i = 0; i < sections.size(); i++) {
      JsonNode session = sessions.get(i);
      assertThat(count(sections.get(i), "<g class=\"arrow "))
          .as(session.get("source").asText())
          .isEqualTo(session.get("commands").asInt() + session.get("replies").asInt());
      assertThat(count(sections.get(i), "<details class=\"finding "))
          .isEqualTo(session.get("findings").size());
    }
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
