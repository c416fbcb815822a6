package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The HTML report of a session whose commands, replies and file name are hostile (bidirectional
 * overrides, control characters, CJK, emoji, words far longer than a lane), opened in Chromium in
 * each language: every label drawn in the sequence diagram stays inside its lane, every lane title
 * inside its box, and no name widens the page.
 */
class HtmlReportLabelsBrowserTest {

  /** The client's and the server's lifelines, between which a label is drawn. */
  private static final double CLIENT = 70;

  private static final double SERVER = 330;

  private static final String CJK = "\u65e5\u672c\u8a9e\u306e\u30d5\u30a1\u30a4\u30eb";

  private static final String EMOJI = "\ud83d\ude00\ud83d\udcc1\ud83d\ude80";

  @TempDir static Path dir;

  private static ChromeDriver driver;

  @BeforeAll
  static void startBrowser() throws Exception {
    File chromium = new File(System.getProperty("ftpseq.chromium", "/usr/bin/chromium"));
    File chromedriver =
        new File(System.getProperty("ftpseq.chromedriver", "/usr/bin/chromedriver"));
    boolean present = chromium.canExecute() && chromedriver.canExecute();
    String missing = "Chromium or chromedriver not found at " + chromium + " and " + chromedriver;
    if (!present && HtmlReportBrowserTest.requireBrowser()) {
      fail(missing + " (required because CI=true or FTPSEQ_REQUIRE_BROWSER=1)");
    }
    assumeTrue(present, missing);
    driver = HtmlReportBrowserTest.start(chromium, chromedriver);
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** A dialogue whose every arrow carries a hostile label, under a hostile file name. */
  private static Path hostileInput() throws Exception {
    Path input =
        dir.resolve(
            "\u202eexe.txt\u202c-"
                + CJK.repeat(2)
                + "-\u0007-"
                + EMOJI.repeat(2)
                + "-"
                + "x".repeat(150)
                + ".txt");
    if (Files.exists(input)) {
      return input;
    }
    String dialogue =
        String.join(
            "\n",
            "S: 220 " + CJK.repeat(8),
            "C: USER " + "\u202e\u2066\u200b\u0001\u001b".repeat(12),
            "S: 331 " + "\u202e\u0001".repeat(20),
            "C: PASS secret",
            "S: 230 " + EMOJI.repeat(20),
            "C: RNTO " + CJK.repeat(10) + ".txt",
            "S: 503 " + CJK.repeat(10),
            "C: RETR " + "\u202e" + "y".repeat(200),
            "S: 550 " + "z".repeat(300),
            "C: STOR " + EMOJI.repeat(30),
            "S: 553 \u0645\u0644\u0641 " + "\u05d0\u05d1\u05d2".repeat(30),
            "C: CWD " + ("\u30c7\u30a3\u30ec\u30af\u30c8\u30ea" + "\u202e").repeat(8),
            "S: 550 \u00e9\u0301".repeat(20),
            "C: QUIT",
            "S: 221 " + "\ufe0f\u200d".repeat(30) + CJK.repeat(5),
            "");
    Files.writeString(input, dialogue, StandardCharsets.UTF_8);
    return input;
  }

  private static void open(String lang) throws Exception {
    Path input = hostileInput();
    Path report = dir.resolve("report-" + lang + ".html");
    CliRun run =
        CliRun.of("check", "--lang", lang, "--report", "html", "-o", report.toString(), "" + input);
    assertThat(run.err()).isEmpty();
    driver.get(report.toUri().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void everyArrowLabelStaysBetweenTheLifelines(String lang) throws Exception {
    open(lang);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> boxes =
        (List<Map<String, Object>>)
            driver.executeScript(
                "return Array.from(document.querySelectorAll('svg.lanes g.arrow text'))"
                    + ".map(t => { var b = t.getBBox();"
                    + " return {text: t.textContent, x: b.x, right: b.x + b.width}; });");
    assertThat(boxes).hasSizeGreaterThanOrEqualTo(14);
    List<String> out = new ArrayList<>();
    for (Map<String, Object> box : boxes) {
      double x = ((Number) box.get("x")).doubleValue();
      double right = ((Number) box.get("right")).doubleValue();
      if (x < CLIENT || right > SERVER) {
        out.add(x + ".." + right + " " + box.get("text"));
      }
    }
    assertThat(out).as("labels outside x %s..%s", CLIENT, SERVER).isEmpty();
    assertThat(
            driver.findElements(By.cssSelector("svg.lanes g.arrow text > title")).stream()
                .map(t -> t.getAttribute("textContent"))
                .toList())
        .as("the whole label in the tooltip")
        .contains("RETR \\u202e" + "y".repeat(200), "550 " + "z".repeat(300));
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void everyLaneTitleStaysInItsBox(String lang) throws Exception {
    open(lang);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> boxes =
        (List<Map<String, Object>>)
            driver.executeScript(
                "return Array.from(document.querySelectorAll('g.lane-title'))"
                    + ".map(g => { var t = g.querySelector('text').getBBox();"
                    + " var r = g.querySelector('rect').getBBox();"
                    + " return {text: g.querySelector('text').textContent,"
                    + " inside: t.x >= r.x && t.x + t.width <= r.x + r.width,"
                    + " t: t.x + '..' + (t.x + t.width), r: r.x + '..' + (r.x + r.width)}; });");
    assertThat(boxes).isNotEmpty();
    for (Map<String, Object> box : boxes) {
      assertThat(box.get("inside")).as(box.toString()).isEqualTo(true);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "fr", "ja"})
  void noNameOrWordWidensThePage(String lang) throws Exception {
    open(lang);
    @SuppressWarnings("unchecked")
    List<String> wide =
        (List<String>)
            driver.executeScript(
                "var page = document.documentElement.clientWidth;"
                    + "return Array.from(document.querySelectorAll('body *'))"
                    + ".filter(e => e.getBoundingClientRect().right > page)"
                    + ".map(e => e.tagName + ' ' + e.getBoundingClientRect().right"
                    + " + ' ' + e.textContent.slice(0, 60));");
    assertThat(wide).as("elements past the page's right edge").isEmpty();
    Object width =
        driver.executeScript(
            "var d = document.documentElement; return d.scrollWidth - d.clientWidth;");
    assertThat(((Number) width).longValue()).as("the page's width past the window").isZero();
    driver.executeScript("document.querySelector('.diagram').scrollIntoView();");
    Path shots = Files.createDirectories(Path.of("target", "browser"));
    Files.write(shots.resolve("labels-" + lang + ".png"), driver.getScreenshotAs(OutputType.BYTES));
  }
}
