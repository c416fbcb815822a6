package io.ftpseq.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SituationKey;
import io.ftpseq.testing.servers.RealServer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScenariosTest {

  /** Every situation key of the contract for issue #7, in its plain form. */
  private static final Set<String> CONTRACT_KEYS =
      Set.of(
          "PASS_WITHOUT_USER",
          "BEFORE_LOGIN",
          "USER_TWICE",
          "LOGIN_FAILED",
          "PASS_AFTER_FAILED_LOGIN",
          "USER_AFTER_LOGIN",
          "PASS_AFTER_LOGIN",
          "ACCT_NOT_REQUESTED",
          "RNTO_WITHOUT_RNFR",
          "COMMAND_WHILE_RENAME_PENDING",
          "RNTO_AFTER_INTERVENING_COMMAND",
          "RNFR_MISSING_FILE",
          "RNTO_AFTER_FAILED_RNFR",
          "RNTO_AFTER_RNTO",
          "TRANSFER_WITHOUT_DATA_CHANNEL",
          "TRANSFER_AFTER_USED_DATA_CHANNEL",
          "MISSING_FILE_WITHOUT_DATA_CHANNEL",
          "TRANSFER_AFTER_FAILED_TRANSFER",
          "PASV_TWICE",
          "REST_THEN_OTHER",
          "REST_IN_ASCII",
          "REST_THEN_APPE",
          "REST_THEN_STOU",
          "REST_THEN_LIST",
          "EPSV_ALL",
          "PASV_AFTER_EPSV_ALL",
          "PORT_AFTER_EPSV_ALL",
          "EPRT_AFTER_EPSV_ALL",
          "AUTH_TLS",
          "PBSZ_WITHOUT_AUTH",
          "PROT_WITHOUT_AUTH",
          "PROT_WITHOUT_PBSZ",
          "CCC_WITHOUT_AUTH",
          "ADAT_WITHOUT_AUTH",
          "HOST_BEFORE_USER",
          "HOST_AFTER_USER",
          "HOST_AFTER_LOGIN",
          "UNKNOWN_COMMAND",
          "REIN",
          "ABOR_WITHOUT_TRANSFER",
          "ALLO_THEN_OTHER",
          "COMMAND_AFTER_QUIT");

  @Test
  void builtInScenariosCoverEveryContractKey() {
    List<Scenario> scenarios = Scenarios.builtIn();

    Set<String> measured =
        scenarios.stream()
            .flatMap(scenario -> scenario.measuredKeys().stream())
            .map(key -> key.situation().name())
            .collect(Collectors.toSet());
    assertThat(scenarios).hasSizeGreaterThanOrEqualTo(40);
    assertThat(measured).containsAll(CONTRACT_KEYS);
  }

  /**
   * A key of a real server's profile that no step measures is assumed, not measured: nothing would
   * tell when the server answers otherwise ({@code ScenarioSuiteTest} holds every measured key to
   * the server's reply).
   */
  @ParameterizedTest
  @EnumSource(RealServer.class)
  void everyKeyOfARealServersProfileIsMeasuredByAScenario(RealServer server) {
    Set<SituationKey> measured =
        Scenarios.builtIn().stream()
            .flatMap(scenario -> scenario.measuredKeys().stream())
            .collect(Collectors.toSet());

    assertThat(ServerProfiles.builtIn(server.label()).orElseThrow().reactions().keySet())
        .as("keys of the %s profile that no scenario step measures", server)
        .isSubsetOf(measured);
  }

  @Test
  void loginExpandsToUserAndPassAndMarksAreKept() {
    Scenarios.Parsed parsed =
        Scenarios.parse(
            "s.txt",
            """
            # a comment
            [rnto-after-noop] RNFR, then NOOP, then RNTO.
            @login
            RNFR {file}
            NOOP
            RNTO {file}.renamed          => RNTO_AFTER_INTERVENING_COMMAND
            """);

    assertThat(parsed.problems()).isEmpty();
    Scenario scenario = parsed.scenarios().get(0);
    assertThat(scenario.name()).isEqualTo("rnto-after-noop");
    assertThat(scenario.description()).isEqualTo("RNFR, then NOOP, then RNTO.");
    assertThat(scenario.line()).isEqualTo(2);
    assertThat(scenario.steps())
        .extracting(Scenario.Step::template)
        .containsExactly(
            "USER {user}", "PASS {password}", "RNFR {file}", "NOOP", "RNTO {file}.renamed");
    assertThat(scenario.steps().get(4).measures())
        .isEqualTo(SituationKey.parse("RNTO_AFTER_INTERVENING_COMMAND"));
    assertThat(scenario.steps().get(4).line()).isEqualTo(6);
    assertThat(scenario.measuredKeys())
        .containsExactly(SituationKey.parse("RNTO_AFTER_INTERVENING_COMMAND"));
  }

  @Test
  void pipelinedStepsAndPasvMacroAndQualifiedKeysAreRead() {
    Scenarios.Parsed parsed =
        Scenarios.parse(
            "s.txt",
            "[a] first\r\nUSER {user}\r\n| PASS {password}\r\n@pasv => PASV_TWICE\r\n"
                + "\r\n[b] second\r\nNOOP => BEFORE_LOGIN:NOOP\r\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.scenarios()).extracting(Scenario::name).containsExactly("a", "b");
    List<Scenario.Step> steps = parsed.scenarios().get(0).steps();
    assertThat(steps).extracting(Scenario.Step::pipelined).containsExactly(false, true, false);
    assertThat(steps.get(1).template()).isEqualTo("PASS {password}");
    assertThat(steps.get(2).template()).isEqualTo("PASV");
    assertThat(steps.get(2).measures()).isEqualTo(SituationKey.parse("PASV_TWICE"));
    assertThat(parsed.scenarios().get(1).measuredKeys())
        .containsExactly(SituationKey.parse("BEFORE_LOGIN:NOOP"));
  }

  @Test
  void badLinesAreReportedWithFileAndLineAndReadingGoesOn() {
    Scenarios.Parsed parsed =
        Scenarios.parse(
            "bad.txt",
            """
            NOOP without a header

            [no-steps] only a header

            [bad-key] a key in lower case
            NOOP => not_a_key

            [pipe-first] nothing to pipeline with
            | NOOP

            [macro] an unknown macro
            @logout

            [good] still read
            NOOP

            [good] the same name again
            NOOP
            """);

    assertThat(parsed.scenarios()).extracting(Scenario::name).containsExactly("good");
    assertThat(parsed.problems())
        .containsExactly(
            "bad.txt:1: expected a header [name] description: \"NOOP without a header\"",
            "bad.txt:3: scenario [no-steps] has no steps",
            "bad.txt:6: unknown situation 'not_a_key' in key 'not_a_key':"
                + " \"NOOP => not_a_key\"",
            "bad.txt:9: a pipelined step needs a step before it: \"| NOOP\"",
            "bad.txt:12: unknown macro \"@logout\": \"@logout\"",
            "bad.txt:17: scenario name [good] is used twice");
  }
}
