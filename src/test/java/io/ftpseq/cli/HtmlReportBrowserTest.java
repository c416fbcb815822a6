package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The HTML report of every sample, opened in a real Chromium through chromedriver: it loads with no
 * console error, every finding is visible on its diagram, the filters hide and show findings, each
 * drawn session's diagram has one arrow per command and per reply, each clean session is a line of
 * the session table, the keys go from finding to finding, and a screenshot is kept in {@code
 * target/browser/}. Chromium and its driver come from Debian ({@code apt-get install -y chromium
 * chromium-driver}); other paths can be given with {@code -Dftpseq.chromium=...} and {@code
 * -Dftpseq.chromedriver=...}.
 */
class HtmlReportBrowserTest {

  private static final Path OUT = Path.of("target", "browser");
  private static final Path REPORT = OUT.resolve("report.html");
  private static final Path JSON = OUT.resolve("report.json");

  /**
   * A script's {@code shown(element)}: what Selenium's {@code isDisplayed} says, for many elements
   * in one call (one call each took 10 s per test): rendered (not in a closed {@code details}, not
   * hidden by CSS, not transparent) and with a size.
   */
  private static final String SHOWN =
      "const shown = element => element.checkVisibility({checkOpacity: true,"
          + " checkVisibilityCSS: true}) && element.getClientRects().length > 0"
          + " && (element.getBoundingClientRect().width > 0"
          + " || element.getBoundingClientRect().height > 0);";

  private static ChromeDriver driver;
  private static JsonNode json;

  @BeforeAll
  static void startBrowser() throws Exception {
    File chromium = new File(System.getProperty("ftpseq.chromium", "/usr/bin/chromium"));
    File chromedriver =
        new File(System.getProperty("ftpseq.chromedriver", "/usr/bin/chromedriver"));
    boolean present = chromium.canExecute() && chromedriver.canExecute();
    String missing =
        "Chromium or chromedriver not found at "
            + chromium
            + " and "
            + chromedriver
            + ": install them with 'apt-get install -y chromium chromium-driver'";
    if (!present && requireBrowser()) {
      fail(missing + " (required because CI=true or FTPSEQ_REQUIRE_BROWSER=1)");
    }
    assumeTrue(present, missing);
    Files.createDirectories(OUT);
    CliRun.of(withSamples("check", "--lang", "en", "--report", "json", "-o", JSON.toString()));
    CliRun run =
        CliRun.of(
            withSamples("check", "--lang", "en", "--report", "html", "-o", REPORT.toString()));
    assertThat(run.err()).isEmpty();
    json = new ObjectMapper().readTree(JSON.toFile());
    driver = start(chromium, chromedriver);
  }

  static boolean requireBrowser() {
    return "true".equals(System.getenv("CI"))
        || "1".equals(System.getenv("FTPSEQ_REQUIRE_BROWSER"));
  }

  static ChromeDriver start(File chromium, File chromedriver) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-features=Translate,OptimizationHints,MediaRouter");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver)
            .usingAnyFreePort()
            .withEnvironment(java.util.Map.of("SE_OFFLINE", "true", "SE_AVOID_STATS", "true"))
            .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return chrome;
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void open() {
    driver.get(REPORT.toAbsolutePath().toUri().toString());
  }

  @Test
  void pageLoadsWithNoConsoleError() {
    driver.navigate().refresh();
    List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
    assertThat(entries)
        .filteredOn(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
        .isEmpty();
    assertThat(driver.findElement(By.id("shown")).getText())
        .isEqualTo(findings() + " of " + findings() + " findings shown");
  }

  @Test
  void everyFindingIsVisibleOnItsDiagram() {
    assertThat(driver.findElements(By.cssSelector(".diagram details.finding"))).hasSize(findings());
    List<?> hidden =
        (List<?>)
            driver.executeScript(
                SHOWN
                    + "const hidden = [];"
                    + "for (const finding of document.querySelectorAll('.diagram details.finding')) {"
                    + "  const mark = document.querySelector("
                    + "      \"circle.mark[data-finding='\" + finding.id + \"']\");"
                    + "  if (!shown(finding)) hidden.push(finding.id);"
                    + "  if (!mark || !shown(mark)) hidden.push(finding.id + ' (its mark)');"
                    + "}"
                    + "return hidden;");
    assertThat(hidden).as("findings not shown").isEmpty();
  }

  @Test
  void severityAndRuleFiltersHideAndShowFindings() {
    openSessionTable();
    WebElement errors = driver.findElement(By.cssSelector("input[name=severity][value=error]"));
    errors.click();
    assertThat(displayed(".diagram details.finding.sev-error")).isZero();
    assertThat(displayed(".diagram details.finding.sev-warning")).isEqualTo(count("warnings"));
    errors.click();
    assertThat(displayed(".diagram details.finding.sev-error")).isEqualTo(count("errors"));

    new Select(driver.findElement(By.id("rule-filter"))).selectByValue("RNTO_WITHOUT_RNFR");
    List<String> visibleRules =
        texts(
            driver.executeScript(
                SHOWN
                    + "return Array.from(document.querySelectorAll('.diagram details.finding'))"
                    + "    .filter(shown).map(finding => finding.getAttribute('data-rule'));"));
    assertThat(visibleRules).isNotEmpty().containsOnly("RNTO_WITHOUT_RNFR");
    assertThat(displayed("section.session")).isEqualTo(sessionsWith("RNTO_WITHOUT_RNFR"));
    assertThat(displayed(".index tr[data-session]")).isEqualTo(sessionsWith("RNTO_WITHOUT_RNFR"));
  }

  @Test
  void diagramHasOneArrowPerCommandAndPerReply() {
    List<WebElement> sections = driver.findElements(By.cssSelector("section.session"));
    List<String> drawn = new ArrayList<>();
    JsonNode sessions = json.get("sessions");
    for (int i = 0; i < sessions.size(); i++) {
      JsonNode session = sessions.get(i);
      if (!isClean(session)) {
        drawn.add("s" + (i + 1));
        WebElement section = sections.get(drawn.size() - 1);
        assertThat(section.getAttribute("id")).isEqualTo("s" + (i + 1));
        long arrows =
            (Long)
                driver.executeScript(
                    "return arguments[0].querySelectorAll('svg g.arrow').length;", section);
        assertThat(arrows)
            .as(session.get("source").asText() + " " + session.get("session").asText())
            .isEqualTo(session.get("commands").asLong() + session.get("replies").asLong());
      }
    }
    assertThat(sections).hasSameSizeAs(drawn);
  }

  @Test
  void eachCleanSessionIsALineOfTheTableThatTheFiltersHide() {
    openSessionTable();
    JsonNode sessions = json.get("sessions");
    List<String> ids = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      if (isClean(sessions.get(i))) {
        ids.add("s" + (i + 1));
        expected.add("s" + (i + 1) + " tr shown " + sessions.get(i).get("commands").asText());
      }
    }
    assertThat(ids).hasSizeGreaterThan(30);
    // each line as "id tag shown commands", read in one call
    List<String> lines =
        texts(
            driver.executeScript(
                SHOWN
                    + "return arguments[0].map(id => {"
                    + "  const line = document.getElementById(id);"
                    + "  if (!line) return id + ' missing';"
                    + "  const cells = line.querySelectorAll('td');"
                    + "  return [id, line.tagName.toLowerCase(), shown(line) ? 'shown' : 'hidden',"
                    + "      cells.length > 3 ? cells[3].innerText.trim() : 'no fourth cell'].join(' ');"
                    + "});",
                ids));
    assertThat(lines).containsExactlyElementsOf(expected);
    int clean = ids.size();
    assertThat(driver.findElements(By.cssSelector("section.session .clean"))).isEmpty();
    driver.findElement(By.id("only-findings")).click();
    assertThat(displayed(".index tr[id]")).isZero();
    assertThat(displayed(".index tr[data-session]")).isEqualTo(sessions.size() - clean);
    driver.findElement(By.id("only-findings")).click();
    assertThat(displayed(".index tr[id]")).isEqualTo(clean);
  }

  private static boolean isClean(JsonNode session) {
    return session.get("findings").isEmpty() && session.get("problems").isEmpty();
  }

  @Test
  void keysGoFromFindingToFinding() {
    String firstWithFindings = idOfFirst(session -> session.get("findings").size() >= 2);
    assertThat(idOfFirst(session -> !session.get("findings").isEmpty()))
        .isEqualTo(firstWithFindings);
    new Actions(driver).sendKeys("j").perform();
    WebElement first = driver.findElement(By.cssSelector("details.finding.current"));
    assertThat(first.getAttribute("id")).isEqualTo(firstWithFindings + "-f1");
    new Actions(driver).sendKeys("j").perform();
    assertThat(driver.findElement(By.cssSelector("details.finding.current")).getAttribute("id"))
        .isEqualTo(firstWithFindings + "-f2");
    new Actions(driver).sendKeys("k").sendKeys("o").perform();
    WebElement back = driver.findElement(By.cssSelector("details.finding.current"));
    assertThat(back.getAttribute("id")).isEqualTo(firstWithFindings + "-f1");
    assertThat(back.getAttribute("open")).isNotNull();
    assertThat(back.findElement(By.tagName("dl")).getText()).contains("why", "fix");
  }

  /** The arguments with every sample. */
  private static String[] withSamples(String... arguments) {
    List<String> all = new ArrayList<>(List.of(arguments));
    all.add("samples/");
    return all.toArray(String[]::new);
  }

  /**
   * The id of the first session whose source is that file, found in the JSON report of the same
   * run: the HTML report numbers sessions in the JSON report's order.
   */
  private static String idOf(String source) {
    return idOfFirst(session -> session.get("source").asText().equals(source));
  }

  private static String idOfFirst(java.util.function.Predicate<JsonNode> which) {
    JsonNode sessions = json.get("sessions");
    for (int i = 0; i < sessions.size(); i++) {
      if (which.test(sessions.get(i))) {
        return "s" + (i + 1);
      }
    }
    throw new AssertionError("no such session in the samples");
  }

  @Test
  void searchKeepsOnlyMatchingSessionsAndOpensFoldedSteps() {
    WebElement search = driver.findElement(By.id("search"));
    search.sendKeys("EPSV ALL");
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> !d.findElements(By.cssSelector(".row.hit")).isEmpty());
    assertThat(
            driver.findElements(By.cssSelector(".row.hit")).stream()
                .allMatch(WebElement::isDisplayed))
        .isTrue();
    assertThat(driver.findElement(By.id(idOf("samples/dialogue/epsv-all-host.txt"))).isDisplayed())
        .isTrue();
    WebElement clean = driver.findElement(By.id(idOf("samples/curl/apache-ftpserver-clean.log")));
    assertThat(clean.isDisplayed()).isFalse();
    search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "apache-ftpserver-clean");
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> clean.isDisplayed());
    assertThat(driver.findElement(By.id(idOf("samples/dialogue/epsv-all-host.txt"))).isDisplayed())
        .isFalse();
    search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
  }

  @Test
  void positionLinksToTheRawInputLines() {
    String badOrder = idOf("samples/dialogue/bad-order.txt");
    WebElement link =
        driver.findElement(By.cssSelector("#" + badOrder + " a.pos[href='#" + badOrder + "-L3']"));
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", link);
    link.click();
    WebElement line = driver.findElement(By.id(badOrder + "-L3"));
    assertThat(line.isDisplayed()).isTrue();
    assertThat(line.getText()).contains("PASS ****");
  }

  @Test
  void screenshotsAreKept() throws Exception {
    Path overview = OUT.resolve("overview.png");
    Files.write(overview, driver.getScreenshotAs(OutputType.BYTES));
    String badOrder = idOf("samples/dialogue/bad-order.txt");
    driver.findElement(By.cssSelector("#" + badOrder + " details.finding")).click();
    Path session = screenshotOf(badOrder, "session.png");
    Path capture =
        screenshotOf(
            idOfFirst(
                s -> s.get("format").asText().startsWith("pcap") && !s.get("findings").isEmpty()),
            "capture.png");
    for (Path shot : List.of(overview, session, capture)) {
      assertThat(Files.size(shot)).as(shot.toString()).isGreaterThan(10_000);
    }
  }

  /** A screenshot of the window with the session at its top, just below the toolbar. */
  private static Path screenshotOf(String session, String name) throws Exception {
    driver.executeScript(
        "var top = document.getElementById(arguments[0]).getBoundingClientRect().top;"
            + "window.scrollBy(0, top - document.querySelector('.toolbar').offsetHeight - 8);",
        session);
    Path shot = OUT.resolve(name);
    Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
    return shot;
  }

  /** A script's list of strings. */
  private static List<String> texts(Object list) {
    return ((List<?>) list).stream().map(String::valueOf).toList();
  }

  /** How many elements {@code css} selects that the page shows, asked in one call. */
  private static long displayed(String css) {
    return (Long)
        driver.executeScript(
            SHOWN
                + "return Array.from(document.querySelectorAll(arguments[0])).filter(shown).length;",
            css);
  }

  private static int findings() {
    return count("errors") + count("warnings") + count("infos");
  }

  private static int count(String field) {
    return json.get("summary").get(field).asInt();
  }

  private static long sessionsWith(String rule) {
    long n = 0;
    for (JsonNode session : json.get("sessions")) {
      for (JsonNode finding : session.get("findings")) {
        if (rule.equals(finding.get("rule").asText())) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /**
   * Opens the table of sessions as a reader does: the samples have more sessions than the table
   * opens by itself for.
   */
  private static void openSessionTable() {
    driver
        .findElements(By.cssSelector("details.index:not([open]) > summary"))
        .forEach(WebElement::click);
  }
}
