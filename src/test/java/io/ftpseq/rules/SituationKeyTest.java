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
    // millions of pairs: the message is made only for the pairs that disagree
    List<String> written = keys.stream().map(SituationKey::toString).toList();
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      for (int j = 0; j < keys.size(); j++) {
        if (Integer.signum(keys.get(i).compareTo(keys.get(j)))
            != Integer.signum(written.get(i).compareTo(written.get(j)))) {
          disagreements.add(written.get(i) + " against " + written.get(j));
        }
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(keys.stream().sorted().toList())
        .isEqualTo(keys.stream().sorted(Comparator.comparing(SituationKey::toString)).toList());
  }
}
