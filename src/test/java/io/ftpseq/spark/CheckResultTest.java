package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Severity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckResultTest {

  @ParameterizedTest(name = "errors={0} warnings={1} infos={2} problems={3} fail-on={4}: {5}")
  @CsvSource(
      nullValues = "never",
      value = {
        "0, 0, 0, 0, ERROR, 0",
        "1, 0, 0, 0, ERROR, 1",
        "0, 1, 0, 0, ERROR, 0",
        "0, 1, 0, 0, WARNING, 1",
        "0, 0, 1, 0, WARNING, 0",
        "0, 0, 1, 0, INFO, 1",
        "1, 1, 1, 0, never, 0",
        "1, 0, 0, 1, ERROR, 3",
        "0, 0, 0, 1, never, 3"
      })
  void exitCodeFollowsTheCommandLinesOrder(
      long errors, long warnings, long infos, long problems, Severity failOn, int code) {
    CheckResult result =
        new CheckResult(
            1,
            1,
            errors,
            warnings,
            infos,
            problems,
            0,
            CheckResult.Lines.NONE,
            CheckResult.Lines.NONE,
            "",
            List.of());
    assertThat(result.exitCode(failOn)).isEqualTo(code);
  }
}
