package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ftpseq.explain.CommandCatalog;
import io.ftpseq.explain.ReplyCatalog;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.io.IOException;
import org.junit.jupiter.api.Test;

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
    assertThat(CliRun.of("explain", "<", "530-Login", "incorrect.", "--lang", "en").out())
        .startsWith("530 Not logged in\n");
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
}
