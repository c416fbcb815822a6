package io.ftpseq.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Rule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The texts a strict client uses for the commands it refused. */
class FindingTextTest {

  @Test
  void everyRuleAStrictClientCanRefuseForHasARefusalText() {
    Arrays.stream(Rule.values())
        .filter(r -> r.isClientRule() || r == Rule.SERVER_SPECIFIC_REFUSAL)
        .forEach(r -> assertThat(FindingText.REFUSALS.containsKey(r.name())).as(r.name()).isTrue());
  }

  @Test
  void everyRefusalTextSaysTheCommandWasRefusedBeforeSending() {
    FindingText.REFUSALS
        .keySet()
        .forEach(
            key ->
                assertThat(FindingText.REFUSALS.getString(key))
                    .as(key)
                    .contains(" was refused before sending: ")
                    .doesNotContain("{0} was sent", "PASS was sent", "RNTO was sent"));
  }
}
