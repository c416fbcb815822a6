package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a new user meets first: typos in option values, shell completion, the version. */
class FirstHourTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "check --report jsn x.log | but was 'jsn' (did you mean 'json'?)",
        "check --fail-on warn x.log | but was 'warn' (did you mean 'warning'?)",
        "check --lang jp x.log | but was 'jp' (did you mean 'ja'?)",
        "check --profile vsftp x.log | unknown profile 'vsftp' (did you mean 'vsftpd'?)",
        "check --format vsftp x.log | unknown format 'vsftp' (did you mean 'vsftpd'?)",
        "check --format json x.log | unknown format 'json': --format names the format of the"
            + " transcripts to read; for a json report use --report json",
        "explain 503 --format jsn | but was 'jsn' (did you mean 'json'?)",
        "check --report xml x.log | but was 'xml' (did you mean 'junit'?)",
        "check --report junit-xml x.log | but was 'junit-xml' (did you mean 'junit'?)",
        "check --report junitxml x.log | but was 'junitxml' (did you mean 'junit'?)",
        "check --report json5 x.log | but was 'json5' (did you mean 'json'?)",
        "check --report sarif-json x.log | but was 'sarif-json' (did you mean 'sarif'?)",
        "check --report md x.log | but was 'md' (did you mean 'markdown'?)",
        "check --report txt x.log | but was 'txt' (did you mean 'text'?)",
        "check --report plain x.log | but was 'plain' (did you mean 'text'?)",
        "check --report gh x.log | but was 'gh' (did you mean 'github'?)",
        "check --report gha x.log | but was 'gha' (did you mean 'github'?)",
        "check --report github-actions x.log | but was 'github-actions' (did you mean 'github'?)",
        "explain 503 --format md | but was 'md' (did you mean 'markdown'?)",
        "explain 503 --format xml | but was 'xml' (did you mean 'html'?)",
        "profiles --save proftp x.json | unknown profile 'proftp' (did you mean 'proftpd'?)"
      })
  void mistypedValueSuggestsTheNearestValidOne(String args, String expected) {
    CliRun run = CliRun.of(args.split(" "));
    assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().lines().findFirst().orElseThrow())
        .startsWith("ftpseq: ")
        .contains(expected);
  }

  @Test
  void farOffValueSuggestsNothing() {
    CliRun run = CliRun.of("check", "--report", "zzz", "x.log");
    assertThat(run.err()).contains("but was 'zzz'").doesNotContain("did you mean");
  }

  @Test
  void nearestIsByEditDistance() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.nearest("pyftpd", List.of("pyftpdlib", "proftpd")))
        .contains("pyftpdlib");
    assertThat(Suggestions.nearest("text", List.of("text", "json"))).isEmpty();
  }

  @Test
  void completionScriptCoversCommandsAndOptionValues() {
    CliRun run = CliRun.of("completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("complete -F _complete_ftpseq -o default ftpseq")
        .contains("check", "explain", "probe", "--report", "--fail-on")
        .contains("html", "markdown", "sarif");
    assertThat(CliRun.of("--help").out()).contains("completion");
    // its help names it as it is called
    assertThat(CliRun.of("completion", "--help").out())
        .contains("source <(ftpseq completion)")
        .doesNotContain("generate-completion");
  }

  @Test
  void debugIsListedInTheHelpOfEveryCommand() {
    for (String command :
        List.of("check", "rules", "profiles", "probe", "proxy", "graph", "explain", "compare")) {
      assertThat(CliRun.of(command, "--help").out()).as(command).contains("--debug");
    }
    assertThat(CliRun.of("--help").out()).contains("--debug");
  }

  @Test
  void versionNamesTheBuild() {
    CliRun run = CliRun.of("--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("ftpseq 0.1.0-SNAPSHOT (commit ").contains("\nJava 17");
  }
}
