package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Verb;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SituationKeyTest {

  @Test
  void keysOrderAsTheirWrittenForms() {
    List<SituationKey> keys = new ArrayList<>();
    for (Situation situation : Situation.values()) {
      keys.add(new SituationKey(situation, null));
      for (Verb verb : Verb.values()) {
        keys.add(new SituationKey(situation, verb));
      }
    }
    for (SituationKey key : keys) {
      for (SituationKey other : keys) {
        assertThat(Integer.signum(key.compareTo(other)))
            .as(key + " against " + other)
            .isEqualTo(Integer.signum(key.toString().compareTo(other.toString())));
      }
    }
    assertThat(keys.stream().sorted().toList())
        .isEqualTo(keys.stream().sorted(Comparator.comparing(SituationKey::toString)).toList());
  }
}
