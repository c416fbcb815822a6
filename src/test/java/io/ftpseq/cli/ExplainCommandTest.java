package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.explain.CommandCatalog;
import io.ftpseq.explain.ReplyCatalog;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ftpseq explain} and {@code ftpseq compare} through the real entry point. */
class ExplainCommandTest {

  @Test
  void aCodeIsExplainedWithTheCommandsThatMayGetItAndTheOrdersThatCauseIt() {
    CliRun run = CliRun.of("explain", "503", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .startsWith("503 Bad sequence of commands\n")
        .contains("5yz Permanent Negative")
        .contains("PASS, ACCT, RNTO, ADAT, PBSZ, PROT, MLST, MLSD, HOST")
        .contains("RNTO_WITHOUT_RNFR: RNTO not immediately after an RNFR answered 350")
        .contains("How real servers differ")
        .contains("How to resolve it on the client side");
  }

  @Test
  void statusReplyNamesStatFeatAndHelp() {
    assertThat(CliRun.of("explain", "211", "--lang", "en").out())
        .contains("STAT, HELP, FEAT")
        .doesNotContain("Orders that cause it");
  }

  @Test
  void aVerbListsItsRulesFromTheRulesTable() {
    CliRun run = CliRun.of("explain", "RNTO", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("The RNTO command\n").contains("RFC 959 §4.1.3");
    for (Rule rule : CommandCatalog.rulesFor(Verb.RNTO)) {
      assertThat(run.out()).contains(rule.name());
    }
    assertThat(run.out()).contains("503 Bad sequence of commands");
  }

  @Test
  void aPastedReplyLineIsExplainedByItsCode() {
    CliRun pasted = CliRun.of("explain", "503 Bad sequence of commands", "--lang", "en");
    assertThat(pasted.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(pasted.out()).isEqualTo(CliRun.of("explain", "503", "--lang", "en").out());
    assertThat(CliRun.of("explain", "< 530-Login incorrect.", "--lang", "en").out())
        .startsWith("530 Not logged in\n");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "S: 503 Bad sequence",
        "Response: 503 Bad sequence of commands",
        "*resp* '503 Bad sequence of commands'",
        "<-- 503 Bad sequence of commands",
        "< 503 Bad sequence of commands",
        "<--- 503 Bad sequence of commands",
        "12:00:00.123456 < 503 Bad sequence of commands",
        "08:41:10\tResponse:\t503 Bad sequence of commands",
        "2026-11-23 09:01:00.119 Response: 503 Bad sequence of commands [1ms]",
        "< 2026-11-23 08:55:00.207 503 Bad sequence of commands",
        "2026-11-23T08:15:00.607Z << [FTP Session 11 127.0.0.1] 503 Bad sequence of commands",
        "[ INFO] 2026-11-28 21:00:55,013 [alice] [127.0.0.1] SENT: 503 Bad sequence of commands",
        "Mon Nov 23 06:40:23 2026 [pid 17062] [ftpuser] FTP response: Client \"127.0.0.1\","
            + " \"503 Bad sequence of commands.\"",
        "Nov 22 10:00:02 host pure-ftpd: (alice@127.0.0.1) [DEBUG] 503 Need RNFR before RNTO"
      })
  void aReplyLineCopiedFromAnyLogIsExplainedByItsCode(String line) {
    CliRun pasted = CliRun.of("explain", line, "--lang", "en");
    assertThat(pasted.err()).isEmpty();
    assertThat(pasted.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(pasted.out()).isEqualTo(CliRun.of("explain", "503", "--lang", "en").out());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "C: RNTO x",
        "Command: RNTO x",
        "> RNTO x",
        "---> RNTO x",
        "*cmd* 'RNTO x'",
        "08:41:10\tCommand:\tRNTO x",
        "> 2026-11-23 08:55:00.206 RNTO x",
        "2026-11-23T08:15:00.407Z >> [FTP Session 11 127.0.0.1] RNTO x"
      })
  void aCommandLineCopiedFromAnyLogIsExplainedByItsVerb(String line) {
    CliRun pasted = CliRun.of("explain", line, "--lang", "en");
    assertThat(pasted.err()).isEmpty();
    assertThat(pasted.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(pasted.out()).isEqualTo(CliRun.of("explain", "RNTO", "--lang", "en").out());
  }

  @Test
  void aPastedPasswordIsNeverEchoed() {
    CliRun explained = CliRun.of("explain", "C: PASS Leak1", "--lang", "en");
    assertThat(explained.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(explained.out()).startsWith("The PASS command\n").doesNotContain("Leak");
    CliRun refused = CliRun.of("explain", "503", "C: XYZZY PASS Leak2");
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("'C: XYZZY PASS ****'").doesNotContain("Leak");
    assertThat(refused.out()).doesNotContain("Leak");
  }

  @Test
  void everyArgumentIsExplainedInOrderSetApartByTwoBlankLines() {
    CliRun run = CliRun.of("explain", "503", "425", "RNTO", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .isEqualTo(
            CliRun.of("explain", "503", "--lang", "en").out()
                + "\n\n"
                + CliRun.of("explain", "425", "--lang", "en").out()
                + "\n\n"
                + CliRun.of("explain", "RNTO", "--lang", "en").out());
  }

  @Test
  void anArgumentThatCannotBeExplainedIsOneLineWhileTheOthersAreStillExplained() {
    CliRun run = CliRun.of("explain", "503", "xyzzy", "425", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "ftpseq explain: nothing to explain for 'xyzzy': give a reply code (503), a reply"
                + " line, a verb (RNTO) or a rule id (each argument is one; quote a line that has"
                + " spaces)\n");
    assertThat(run.out()).isEqualTo(CliRun.of("explain", "503", "425", "--lang", "en").out());
  }

  @Test
  void wordsThatMeanNothingAloneAreReadAsTheLineTheyWereTypedAs() {
    CliRun unquoted = CliRun.of("explain", "503", "Bad", "sequence", "of", "commands");
    assertThat(unquoted.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(unquoted.err()).isEmpty();
    assertThat(unquoted.out())
        .isEqualTo(CliRun.of("explain", "503 Bad sequence of commands").out());
    CliRun command = CliRun.of("explain", "C:", "RNTO", "x");
    assertThat(command.err()).isEmpty();
    assertThat(command.out()).isEqualTo(CliRun.of("explain", "RNTO").out());
    CliRun lftp = CliRun.of("explain", "--->", "RNTO", "x");
    assertThat(lftp.err()).isEmpty();
    assertThat(lftp.out()).isEqualTo(CliRun.of("explain", "RNTO").out());
    CliRun reply = CliRun.of("explain", "230", "User", "logged", "in");
    assertThat(reply.err()).isEmpty();
    assertThat(reply.out()).isEqualTo(CliRun.of("explain", "230").out());
  }

  @Test
  void anArgumentFileThatIsADirectoryIsOneLineAndExitTwo(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    CliRun run = CliRun.of("explain", "@" + dir);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo("ftpseq: cannot read the argument file '@" + dir + "': it is a directory\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void everyCommandsVersionIsFtpseqsVersion() {
    String version = CliRun.of("--version").out();
    assertThat(version).startsWith("ftpseq ");
    for (String command : List.of("check", "explain", "simulate", "compare", "rules", "proxy")) {
      assertThat(CliRun.of(command, "--version").out()).as(command).isEqualTo(version);
    }
  }

  /**
   * The arguments are sorted before picocli reads them, with {@code --} before the words: an option
   * left without its value at the end was told it had "found '--'", which was never typed.
   */
  @Test
  void anOptionWithoutItsValueAtTheEndIsNamedAsTyped() {
    for (String option : List.of("--lang", "--format")) {
      CliRun atTheEnd = CliRun.of("explain", "503", option);
      CliRun compare = CliRun.of("compare", "220", "503", option); // picocli's words, unsorted

      assertThat(atTheEnd.exitCode()).as(option).isEqualTo(ExitCodes.USAGE);
      assertThat(atTheEnd.err().lines())
          .as(option)
          .containsExactly(
              compare.err().lines().findFirst().orElseThrow(),
              "ftpseq: try 'ftpseq explain --help' for usage");
      assertThat(atTheEnd.err())
          .startsWith("ftpseq: Missing required parameter for option '" + option + "' (")
          .doesNotContain("'--'");
    }
  }

  @Test
  void aMistypedOptionIsNamedAsOne() {
    CliRun run = CliRun.of("explain", "503", "--formatt", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err())
        .isEqualTo("ftpseq explain: unknown option '--formatt' (did you mean '--format'?)\n");
  }

  @Test
  void severalArgumentsAreOneJsonArrayOneHtmlDocumentAndMarkdownSetApartByRules()
      throws IOException {
    JsonNode pages =
        new ObjectMapper()
            .readTree(CliRun.of("explain", "503", "no such thing", "--format", "json").out());
    assertThat(pages.isArray()).isTrue();
    assertThat(pages).hasSize(1);
    assertThat(pages.get(0).get("subject").asText()).isEqualTo("503");
    JsonNode two =
        new ObjectMapper().readTree(CliRun.of("explain", "503", "RNTO", "--format", "json").out());
    assertThat(two.get(1).get("kind").asText()).isEqualTo("command");
    String html = CliRun.of("explain", "503", "503", "--format", "html", "--lang", "fr").out();
    assertThat(html)
        .startsWith("<!DOCTYPE html>\n<html lang=\"fr\">")
        .containsOnlyOnce("<!DOCTYPE html>")
        .contains("<article id=\"page-1\">\n<h1>503 ")
        .contains("<h2 id=\"page-2-class\">")
        .doesNotContain("id=\"class\"");
    assertThat(CliRun.of("explain", "503", "425", "--format", "markdown", "--lang", "en").out())
        .startsWith("# 503 Bad sequence of commands\n")
        .contains("\n\n---\n\n# 425 ");
  }

  @Test
  void aRuleIdIsExplained() {
    CliRun run = CliRun.of("explain", "RNTO_WITHOUT_RNFR", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .startsWith("RNTO_WITHOUT_RNFR: RNTO not immediately after an RNFR answered 350\n")
        .contains("503 Bad sequence of commands. The RFCs require the server to refuse the order.");
  }

  @Test
  void anUnknownWordIsOneLineOnStandardErrorAndExitTwo() {
    CliRun run = CliRun.of("explain", "xyzzy");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("'xyzzy'");
  }

  @Test
  void anUnknownCodeIsNotExplained() {
    assertThat(CliRun.of("explain", "299").exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(CliRun.of("compare", "220", "299").exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void everyCodeVerbAndRuleIsExplainedInEveryLanguage() {
    for (String language : new String[] {"en", "fr", "ja"}) {
      for (int code : ReplyCatalog.standard().codes()) {
        assertThat(CliRun.of("explain", "" + code, "--lang", language).exitCode()).isZero();
      }
      for (Verb verb : CommandCatalog.verbs()) {
        assertThat(CliRun.of("explain", verb.name(), "--lang", language).exitCode()).isZero();
      }
      for (Rule rule : Rule.values()) {
        assertThat(CliRun.of("explain", rule.name(), "--lang", language).exitCode()).isZero();
      }
    }
  }

  /** compare 503 503 listed "key differences" between a code and itself. */
  @Test
  void aCodeIsNotComparedWithItself() {
    CliRun run = CliRun.of("compare", "503", "503 Bad sequence");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(
            "ftpseq: compare sets two different codes side by side, and both are 503;"
                + " 'ftpseq explain 503' explains it\n");
  }

  @Test
  void compareAnyTwoCodes() {
    CliRun run = CliRun.of("compare", "221", "421", "--lang", "en");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Connection: 221 closes the control connection");
  }

  @Test
  void jsonCarriesLanguageNeutralFacts() throws IOException {
    JsonNode root =
        new ObjectMapper()
            .readTree(CliRun.of("explain", "425", "--format", "json", "--lang", "ja").out());
    assertThat(root.get("kind").asText()).isEqualTo("reply");
    assertThat(root.get("language").asText()).isEqualTo("ja");
    assertThat(root.get("facts").get("rules").get(0).asText())
        .isEqualTo("TRANSFER_WITHOUT_DATA_CHANNEL");
    assertThat(root.get("facts").get("commands").toString()).contains("RETR");
  }

  @Test
  void htmlAndMarkdownAreWritten() {
    assertThat(CliRun.of("compare", "220", "503", "--format", "html", "--lang", "fr").out())
        .startsWith("<!DOCTYPE html>\n<html lang=\"fr\">")
        .contains("<ol>");
    assertThat(CliRun.of("explain", "RNTO", "--format", "markdown", "--lang", "en").out())
        .startsWith("# The RNTO command\n")
        .contains("- RNTO\\_WITHOUT\\_RNFR");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"-hal", "-la", "-hl", "-Vx"})
  void aDashWordAfterTheFirstWordIsPartOfThePastedLineNotAClusterOfOptions(String flag) {
    // explain C: LIST -hal printed the help page: picocli read -hal as -h clustered with -a -l
    CliRun run = CliRun.of("explain", "C:", "LIST", flag, "--lang", "en");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("The LIST command\n").doesNotContain("Usage:");
  }

  @Test
  void optionsStillWorkBeforeAndAfterTheWordsWhateverTheWordsLookLike() {
    String french = CliRun.of("explain", "--lang", "fr", "503").out();
    assertThat(french).startsWith("503 Mauvaise séquence de commandes\n");
    assertThat(CliRun.of("explain", "503", "--lang", "fr").out()).isEqualTo(french);
    assertThat(CliRun.of("explain", "503", "--lang=fr").out()).isEqualTo(french);
    CliRun json = CliRun.of("explain", "C:", "LIST", "-hal", "--format", "json", "--lang", "en");
    assertThat(json.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(json.out()).startsWith("{").contains("\"subject\" : \"LIST\"");
    // the help is asked for by the option's whole name, wherever it stands
    assertThat(CliRun.of("explain", "503", "-h").out()).startsWith("Usage: ftpseq explain");
    // after -- every argument is a word
    assertThat(CliRun.of("explain", "--lang", "en", "--", "C:", "LIST", "-h").out())
        .startsWith("The LIST command\n");
  }

  @Test
  void aMistypedLongOptionAfterAWordIsStillCalledAnUnknownOption() {
    CliRun run = CliRun.of("explain", "503", "--formatt", "json", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("unknown option '--formatt' (did you mean '--format'?)");
  }

  @Test
  void anEmptyArgumentIsAnErrorOfItsOwnAndTheOthersAreStillExplained() {
    // explain "" 503 read the empty argument and 503 as the line " 503" and exited 0
    CliRun run = CliRun.of("explain", "", "503", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("ftpseq explain: argument 1 is empty");
    assertThat(run.out()).isEqualTo(CliRun.of("explain", "503", "--lang", "en").out());
  }

  @Test
  void aBlankArgumentIsNamedByItsPlaceAndTheLineAroundItIsStillRead() {
    CliRun run = CliRun.of("explain", "503", " \t", "Bad", "sequence", "--lang", "en");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("ftpseq explain: argument 2 is blank");
    assertThat(run.out()).startsWith("503 Bad sequence of commands\n");
    CliRun alone = CliRun.of("explain", "");
    assertThat(alone.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(alone.out()).isEmpty();
    assertThat(alone.err()).startsWith("ftpseq explain: argument 1 is empty");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "S:  503 Bad sequence",
        "S:\t503 Bad sequence",
        "S: \t 503 Bad sequence",
        "Response:  503 Bad sequence of commands",
        "<---   503 Bad sequence of commands",
        "*resp*  '503 Bad sequence of commands'"
      })
  void aRunOfSpacesOrTabsAfterALogPrefixIsRead(String line) {
    CliRun run = CliRun.of("explain", line, "--lang", "en");
    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("503 Bad sequence of commands\n");
  }

  @Test
  void aRunOfSpacesAfterACommandPrefixIsRead() {
    assertThat(CliRun.of("explain", "C:   RNTO new.txt", "--lang", "en").out())
        .startsWith("The RNTO command\n");
  }

  /**
   * Every argument that could not be explained looked again at every argument before it for a word
   * a password follows, with a regular expression each time: twenty thousand words (a glob gone
   * wrong, a pasted file) ran for minutes. The bound is no speed target: it stops a run that went
   * back to that, where this takes seconds.
   */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void twentyThousandWordsEachGetTheirLineInBoundedTime() {
    String[] args = new String[20_001];
    args[0] = "explain";
    Arrays.fill(args, 1, args.length, "xyzzy");
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().filter(l -> l.startsWith("ftpseq explain: nothing to explain")))
        .hasSize(20_000);
  }
}
