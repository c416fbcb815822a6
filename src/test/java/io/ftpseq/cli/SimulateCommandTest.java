package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.report.DisplayWidth;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ftpseq simulate}: inputs, profiles and errors. */
class SimulateCommandTest {

  @TempDir Path dir;

  @Test
  void readsTheScriptFromStandardInput() throws IOException {
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("HELP\nQUIT\n".getBytes(StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("simulate", "--profile", "vsftpd", "--format", "json", "-");

      assertThat(run.exitCode()).as(run.err()).isZero();
      JsonNode steps = new ObjectMapper().readTree(run.out()).path("profiles").get(0).path("steps");
      assertThat(steps.get(0).path("predicted").path("code").asInt()).isEqualTo(530);
      assertThat(steps.get(0).path("refused").asBoolean()).isTrue();
      assertThat(steps.get(0).path("findings").get(0).path("rule").asText())
          .isEqualTo("SERVER_SPECIFIC_REFUSAL");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void severalProfilesAreColumnsInTheOrderGiven() throws IOException {
    Path script = script("USER u\nPASS p\nUSER u\n");

    CliRun run = CliRun.of("simulate", "--profile", "pure-ftpd,vsftpd", script.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("#\\s+command\\s+Pure-FTPd\\s+vsftpd")
        .contains("! 530 You're already logged in")
        .contains("331 Any password will do.")
        .doesNotContain("ProFTPD");
  }

  /** Found by the hostile probe: --profile , printed a table of no server and exited 0. */
  @Test
  void aProfileListThatNamesNoProfileIsAUsageError() throws IOException {
    Path script = script("USER u\nPASS p\n");

    CliRun run = CliRun.of("simulate", "--profile", ",", script.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("--profile names no profile");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aProfileNamedTwiceIsOneColumn() throws IOException {
    Path script = script("USER u\nPASS p\n");

    CliRun run = CliRun.of("simulate", "--profile", "vsftpd,VSFTPD,all", script.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().filter(line -> line.startsWith("#")).findFirst().orElseThrow())
        .containsOnlyOnce("vsftpd")
        .contains("Pure-FTPd");
  }

  @Test
  void aLineThatIsNoCommandIsAProblemAndTheRestIsSimulated() throws IOException {
    Path script = script("USER u\n?? what\nPASS secret\n");

    CliRun run = CliRun.of("simulate", "--profile", "rfc", script.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err()).isEqualTo(script + ":2: problem: not a command: \"?? what\"\n");
    assertThat(run.out()).contains("PASS ****").doesNotContain("secret");
  }

  /**
   * A password split off its PASS at a lone CR is that command's argument, one step {@code PASS
   * ****} as the line went on the wire, not a step of its own that the server refuses; a line of a
   * known verb after a bare PASS stays a command of its own, as it is when a script's lines end at
   * LF alone (see SplitOffSecret).
   */
  @Test
  void aPasswordSplitOffItsPassAtALoneCrIsThePassStepsArgument() throws IOException {
    Path split = script("USER alice\nPASS\rHunter9pw\r9tail\nCWD Hunter9pw\n");
    Path known = dir.resolve("known.txt");
    Files.writeString(known, "USER alice\nPASS\rPWD\n", StandardCharsets.UTF_8);

    CliRun run = CliRun.of("simulate", "--profile", "vsftpd", "--format", "json", split.toString());
    CliRun pwd = CliRun.of("simulate", "--profile", "vsftpd", "--format", "json", known.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out() + run.err()).doesNotContain("Hunter9pw", "9tail");
    JsonNode steps = new ObjectMapper().readTree(run.out()).path("profiles").get(0).path("steps");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(1).path("command").asText()).isEqualTo("PASS ****");
    assertThat(steps.get(1).path("predicted").path("code").asInt()).isEqualTo(230);
    assertThat(steps.get(2).path("command").asText()).isEqualTo("CWD ****");
    JsonNode pwdSteps =
        new ObjectMapper().readTree(pwd.out()).path("profiles").get(0).path("steps");
    assertThat(pwdSteps).hasSize(3);
    assertThat(pwdSteps.get(2).path("command").asText()).isEqualTo("PWD");
  }

  /**
   * Lines of no known verb after a PASS that has its argument are read as the rest of that
   * password, as a lone CR would split it, and cannot be joined to it: each is a problem, not a
   * step lost in silence with exit code 0.
   */
  @Test
  void theRestOfAPasswordThatCannotBeJoinedIsAProblem() throws IOException {
    Path script = script("USER bob\nPASS x\nfoo\nbar\nPWD\n");

    CliRun run =
        CliRun.of("simulate", "--profile", "vsftpd", "--format", "json", script.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err().lines())
        .containsExactly(
            script
                + ":3: problem: read as the rest of a password split off the command before it"
                + " (a CR in a password splits its line), so not simulated; write each command on a"
                + " line of its own after a PASS with its argument: \"****\"",
            script
                + ":4: problem: read as the rest of a password split off the command before it"
                + " (a CR in a password splits its line), so not simulated; write each command on a"
                + " line of its own after a PASS with its argument: \"****\"");
    JsonNode steps = new ObjectMapper().readTree(run.out()).path("profiles").get(0).path("steps");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(2).path("command").asText()).isEqualTo("PWD");
  }

  @Test
  void unknownProfileIsAUsageError() throws IOException {
    CliRun run = CliRun.of("simulate", "--profile", "vsftp", script("NOOP\n").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unknown profile 'vsftp'");
  }

  @Test
  void aScriptWithoutCommandsOrFileIsOneLine() throws IOException {
    Path empty = script("# nothing\n\n");

    CliRun none = CliRun.of("simulate", "--profile", "all", empty.toString());
    CliRun missing = CliRun.of("simulate", "--profile", "all", dir.resolve("no.txt").toString());

    assertThat(none.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(none.err()).isEqualTo("ftpseq simulate: " + empty + ": no command to simulate\n");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(missing.err()).endsWith("no.txt: no such file or directory\n");
  }

  @Test
  void replyTextsNameTheUserAndDirectoryRatherThanPlaceholders() throws IOException {
    Path script = script("USER alice\nPASS x\nRNTO b\nCWD /x\nQUIT\n");

    CliRun run = CliRun.of("simulate", "--profile", "all", "--lang", "en", script.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("331 Password required for alice")
        .contains("230 User alice logged in")
        .contains("331 User alice OK. Password requi…")
        .contains("250 OK. Current directory is /x")
        .contains("250 \"/x\" is the current directory.")
        .contains("250 Directory changed to /x")
        .doesNotContain("{user}")
        .doesNotContain("{dir}");
  }

  @Test
  void whatTheScriptDoesNotShowIsNamedInAngleBracketsInEveryFormat() throws IOException {
    Path script = script("USER alice\nPASS x\nPASV\nMDTM a.txt\nQUIT\n");

    CliRun text = CliRun.of("simulate", "--profile", "proftpd", script.toString());
    CliRun markdown =
        CliRun.of("simulate", "--profile", "proftpd", "--format", "markdown", script.toString());
    CliRun json =
        CliRun.of("simulate", "--profile", "proftpd", "--format", "json", script.toString());

    assertThat(text.out()).contains("227 Entering Passive Mode (<addre…", "213 <time>");
    // cut as the text cell is, then escaped for Markdown
    assertThat(markdown.out()).contains("| 227 Entering Passive Mode (\\<addre… |");
    JsonNode steps = new ObjectMapper().readTree(json.out()).path("profiles").get(0).path("steps");
    assertThat(steps.get(0).path("predicted").path("text").asText())
        .isEqualTo("Password required for alice");
    assertThat(steps.get(2).path("replies").get(0).path("text").asText())
        .isEqualTo("Entering Passive Mode (<address>).");
    assertThat(text.out() + markdown.out() + json.out()).doesNotContainPattern("\\{[a-z]+}");
  }

  @Test
  void aProfileWithNoReplyTextsSaysSoOnceUnderTheTable() throws IOException {
    Path script = script("USER alice\nPASS x\nRNTO b\nQUIT\n");

    CliRun both =
        CliRun.of("simulate", "--profile", "vsftpd,iis", "--lang", "en", script.toString());
    CliRun vsftpd = CliRun.of("simulate", "--profile", "vsftpd", "--lang", "en", script.toString());

    String note =
        "IIS: its profile records no reply texts (see \"ftpseq profiles\"), so its column shows"
            + " reply codes alone, and ? where the profile predicts no reply and the usual one is"
            + " assumed.";
    assertThat(both.out())
        .containsPattern(
            "4\\s+QUIT\\s+221 Goodbye\\.\\s+221\\n\\n" + Pattern.quote(note) + "\\n\\n")
        .containsOnlyOnce("records no reply texts");
    assertThat(vsftpd.out()).doesNotContain("records no reply texts");
  }

  @Test
  void everyEchoOfAPasswordIsMaskedInEveryFormat() throws IOException {
    Path script = script("USER hunter2\nPASS hunter2\nRETR hunter2.txt\nPWD\nRNTO x\nQUIT\n");

    for (String format : new String[] {"text", "markdown", "json"}) {
      CliRun run = CliRun.of("simulate", "--profile", "all", "--format", format, script.toString());
      // Markdown shows the mask's asterisks escaped, as it would read them as emphasis
      String mask = format.equals("markdown") ? "\\*\\*\\*\\*" : "****";

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out())
          .as(format)
          .doesNotContain("hunter2")
          .contains("RETR " + mask + ".txt")
          .contains("/home/" + mask);
    }
    assertThat(CliRun.of("simulate", "--profile", "proftpd", script.toString()).out())
        .contains("230 User **** logged in");
  }

  @Test
  void secretsOfEveryKindAndOfADialogueAreMasked() throws IOException {
    Path script =
        script(
            "C: USER alice\nS: 331 Password required for alice\nC: PASS pwd1\n"
                + "S: 230 User alice logged in\nC: ACCT acc2\nC: ADAT YWRhdDM=\n"
                + "C: SITE PSWD old4 new5\nC: RETR ftp://bob:url6@host/f\nC: SITE GPASS grp7\n"
                + "C: STOR pwd1 acc2 YWRhdDM= old4 new5 url6 grp7\nC: QUIT\n");

    for (String format : new String[] {"text", "markdown", "json"}) {
      String out =
          CliRun.of("simulate", "--profile", "all", "--format", format, script.toString()).out();

      String mask = format.equals("markdown") ? "\\*\\*\\*\\*" : "****";

      assertThat(out)
          .as(format)
          .contains("STOR " + String.join(" ", java.util.Collections.nCopies(7, mask)))
          .doesNotContain("pwd1", "acc2", "YWRhdDM=", "old4", "new5", "url6", "grp7");
    }
  }

  @Test
  void theFirstOfManyPasswordsIsStillMasked() throws IOException {
    StringBuilder text = new StringBuilder("USER first1\n");
    for (int i = 1; i <= 100; i++) {
      text.append("PASS first").append(i).append(" x").append(i).append('\n');
    }
    Path script = script(text.append("RETR first1.txt\nQUIT\n").toString());

    CliRun run = CliRun.of("simulate", "--profile", "proftpd", script.toString());

    assertThat(run.out()).doesNotContain("first1").contains("RETR ****.txt");
  }

  @Test
  void aLatin1OrBinaryScriptIsReadAndAByteOrderMarkDropped() throws IOException {
    Path latin = dir.resolve("latin.txt");
    Files.write(latin, "USER jos\u00e9\nPASS x\nQUIT\n".getBytes(StandardCharsets.ISO_8859_1));
    Path junk = dir.resolve("junk.bin");
    Files.write(junk, new byte[] {0x1b, 0x00, (byte) 0xff, (byte) 0xc3, '\n', 'Q', 'U', 'I', 'T'});
    Path bom = dir.resolve("bom.txt");
    Files.write(bom, "\ufeffUSER bom\nPASS x\nQUIT\n".getBytes(StandardCharsets.UTF_8));

    CliRun latinRun = CliRun.of("simulate", "--profile", "vsftpd", latin.toString());
    CliRun junkRun = CliRun.of("simulate", "--profile", "vsftpd", junk.toString());
    CliRun bomRun = CliRun.of("simulate", "--profile", "vsftpd", bom.toString());

    assertThat(latinRun.exitCode()).as(latinRun.err()).isZero();
    assertThat(latinRun.out()).contains("USER jos\u00e9");
    assertThat(junkRun.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(junkRun.err())
        .isEqualTo(junk + ":1: problem: not a command: \"\\x1b\\x00\u00ff\u00c3\"\n")
        .doesNotContain("internal error")
        .doesNotContain("\u001b");
    assertThat(bomRun.exitCode()).as(bomRun.err()).isZero();
    assertThat(bomRun.err()).isEmpty();
    assertThat(bomRun.out()).containsPattern("1\\s+USER bom ").contains("230 Login successful.");
  }

  @Test
  void aUtf16ScriptWithAByteOrderMarkIsReadAsText() throws IOException {
    Path utf16 = dir.resolve("powershell.txt");
    Files.write(
        utf16, "\ufeffUSER bob\r\nPASS hunter22\r\nRNTO x\r\n".getBytes(StandardCharsets.UTF_16LE));

    CliRun run = CliRun.of("simulate", "--profile", "vsftpd", utf16.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .containsPattern("2\\s+PASS \\*\\*\\*\\* ")
        .containsPattern("3\\s+RNTO x\\s+! 503")
        .doesNotContain("hunter22");
  }

  /**
   * The text table's columns start at the same terminal column on every line, whatever language its
   * header is in and whatever the commands name: a Japanese header or file name takes two columns a
   * character, as a terminal draws it.
   */
  @Test
  void theTableLinesUpInJapaneseAsATerminalDrawsIt() throws IOException {
    Path script = dir.resolve("ja.txt");
    Files.writeString(script, "USER bob\nPASS x\nRNFR \u65e5\u672c.txt\nRNTO x\n");

    CliRun run = CliRun.of("simulate", "--lang", "ja", "--profile", "vsftpd", script.toString());

    List<String> table =
        run.out()
            .lines()
            .dropWhile(l -> !l.startsWith("#  "))
            .takeWhile(l -> !l.isEmpty())
            .toList();
    assertThat(table).hasSize(5);
    int column = DisplayWidth.of(table.get(0).substring(0, table.get(0).indexOf("vsftpd")));
    Pattern cell = Pattern.compile("[ !?] [1-5]\\d\\d ");
    for (String row : table.subList(1, table.size())) {
      Matcher reply = cell.matcher(row);
      assertThat(reply.find()).as(row).isTrue();
      assertThat(DisplayWidth.of(row.substring(0, reply.start()))).as(row).isEqualTo(column);
    }
  }

  @Test
  void aGzipScriptIsReadAsCheckReadsIt() throws IOException {
    Path gz = dir.resolve("script.txt.gz");
    try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("USER bob\nPASS hunter22\nRNTO x\n".getBytes(StandardCharsets.UTF_8));
    }
    Path cut =
        Files.write(dir.resolve("cut.txt.gz"), java.util.Arrays.copyOf(Files.readAllBytes(gz), 12));

    CliRun run = CliRun.of("simulate", "--profile", "vsftpd", gz.toString());
    CliRun broken = CliRun.of("simulate", "--profile", "vsftpd", cut.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("3\\s+RNTO x\\s+! 503").doesNotContain("hunter22");
    assertThat(broken.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(broken.err())
        .startsWith(cut + ": problem: the input breaks off after 1 byte (")
        .contains("ftpseq simulate: " + cut + ": no command to simulate")
        .doesNotContain("Exception");
  }

  /**
   * A script cut in the middle of a line is simulated up to its last whole line, with a problem
   * that says where it broke, as check reads a cut log; it was refused as a whole.
   */
  @Test
  void aGzipScriptCutInALineIsSimulatedUpToIt() throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int cut;
    try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes, true)) {
      gzip.write("USER bob\nPASS hunter22\nRNTO".getBytes(StandardCharsets.UTF_8));
      gzip.flush(); // the compressed data so far ends on a byte: cut there
      cut = bytes.size();
      gzip.write(" x\n".getBytes(StandardCharsets.UTF_8));
    }
    Path script =
        Files.write(dir.resolve("cut.txt.gz"), java.util.Arrays.copyOf(bytes.toByteArray(), cut));

    CliRun run = CliRun.of("simulate", "--profile", "vsftpd", script.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.out()).contains("PASS ****").doesNotContain("RNTO").doesNotContain("hunter22");
    assertThat(run.err())
        .contains(
            "the input breaks off after 27 bytes (the gzip data is cut short), in the middle of a"
                + " line whose first 4 bytes are not checked; the 2 lines before the break were"
                + " checked")
        .doesNotContain("Exception");
  }

  @Test
  void aDirectoryIsOneLineAndAnInputError() {
    CliRun run = CliRun.of("simulate", "--profile", "vsftpd", dir.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.err())
        .isEqualTo("ftpseq simulate: " + dir + ": cannot read: a directory, not a script\n");
  }

  @Test
  void controlCharactersAreShownEscapedAndLongCommandsAreCut() throws IOException {
    Path escape = script("USER a\u001b[31mred\nQUIT\n");
    CliRun text = CliRun.of("simulate", "--profile", "proftpd", escape.toString());
    CliRun markdown =
        CliRun.of("simulate", "--profile", "proftpd", "--format", "markdown", escape.toString());

    assertThat(text.out())
        .doesNotContain("\u001b")
        .containsPattern("1  USER a\\\\x1b\\[31mred    331 Password required for a\\\\x1b");
    assertThat(markdown.out()).doesNotContain("\u001b").contains("| USER a\\\\x1b\\[31mred |");

    Path longUser = script("USER " + "a".repeat(100_000) + "\nPASS x\nQUIT\n");
    CliRun wide = CliRun.of("simulate", "--profile", "vsftpd,proftpd", longUser.toString());

    assertThat(wide.exitCode()).as(wide.err()).isZero();
    assertThat(wide.out().lines().mapToInt(String::length).max().orElse(0)).isLessThan(200);
    assertThat(wide.out()).contains("USER " + "a".repeat(28) + "…  ");
  }

  @Test
  void aMistypedProfileNameSuggestsTheNearestOneAsEveryOtherOptionDoes() throws IOException {
    Path script = script("USER u\nPASS p\n");

    CliRun run = CliRun.of("simulate", "--profile", "vsftp", script.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).startsWith("ftpseq: unknown profile 'vsftp' (did you mean 'vsftpd'?);");
    assertThat(CliRun.of("simulate", "--profile", "al", script.toString()).err())
        .contains("(did you mean 'all'?)");
  }

  @Test
  void profileNamesAndAllAreReadInAnyCase() throws IOException {
    Path script = script("USER u\nPASS p\nQUIT\n");

    CliRun all = CliRun.of("simulate", "--profile", "all", script.toString());
    CliRun upper = CliRun.of("simulate", "--profile", "ALL", script.toString());
    CliRun mixed = CliRun.of("simulate", "--profile", "VsFtpd,Pure-FTPd", script.toString());

    assertThat(upper.exitCode()).as(upper.err()).isZero();
    assertThat(upper.out()).isEqualTo(all.out());
    assertThat(mixed.exitCode()).as(mixed.err()).isZero();
    assertThat(mixed.out())
        .isEqualTo(CliRun.of("simulate", "--profile", "vsftpd,pure-ftpd", script.toString()).out());
  }

  @Test
  void namesFromTheScriptShowLiterallyInMarkdown() throws IOException {
    Path script =
        script("USER u\nPASS p\nPASV\nRETR [x](http://evil)\nPASV\nSTOR *b*_i_`c`~s~&amp;\nQUIT\n");

    CliRun markdown =
        CliRun.of("simulate", "--profile", "vsftpd", "--format", "markdown", script.toString());

    assertThat(markdown.exitCode()).as(markdown.err()).isZero();
    assertThat(markdown.out())
        .contains("| RETR \\[x\\](http://evil) |")
        .contains("| STOR \\*b\\*\\_i\\_\\`c\\`\\~s\\~\\&amp; |")
        .doesNotContain(" [x]")
        .doesNotContain(" *b*");
  }

  @Test
  void markdownCellsAreCutAndTheirTabsEscapedAsTextCellsAre() throws IOException {
    Path script = script("USER u\nPASS p\nCWD a\tb\nMKD " + "d".repeat(200) + "\nQUIT\n");

    CliRun text = CliRun.of("simulate", "--profile", "proftpd", script.toString());
    CliRun markdown =
        CliRun.of("simulate", "--profile", "proftpd", "--format", "markdown", script.toString());

    assertThat(text.out())
        .doesNotContain("\t")
        .contains("CWD a\\x09b", "MKD " + "d".repeat(29) + "…");
    assertThat(markdown.out())
        .doesNotContain("\t")
        .contains("| CWD a\\\\x09b |", "| MKD " + "d".repeat(29) + "… |");
    String row =
        markdown.out().lines().filter(l -> l.startsWith("| 4 |")).findFirst().orElseThrow();
    assertThat(row.length()).isLessThan(100);
  }

  @Test
  void aUserNameThatEqualsThePasswordIsMaskedOnEveryLineEvenBeforeThePassTheSafeChoice()
      throws IOException {
    // the script's secrets are all known before any line is shown, and the user name alone
    // would give the password away: USER alice is shown USER **** though PASS comes after it
    Path script = script("USER alice\nPASS alice\nCWD /home/alice\nQUIT\n");

    for (String format : new String[] {"text", "markdown", "json"}) {
      CliRun run =
          CliRun.of("simulate", "--profile", "vsftpd", "--format", format, script.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).as(format).doesNotContain("alice");
    }
  }

  private Path script(String text) throws IOException {
    Path file = dir.resolve("script.txt");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
