package io.ftpseq.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Verb;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReactionsTest {

  @Test
  void everyKeyOfEveryBuiltInProfileIsFoundAsInASortedMap() {
    List<SituationKey> keys = new ArrayList<>();
    for (Situation situation : Situation.values()) {
      keys.add(situation.key());
      for (Verb verb : Verb.values()) {
        keys.add(situation.key(verb));
      }
    }
    for (ServerProfile profile : ServerProfiles.builtIns()) {
      TreeMap<SituationKey, Reaction> sorted = new TreeMap<>(profile.reactions());
      for (SituationKey key : keys) {
        assertThat(profile.reactions().get(key))
            .as(profile.name() + " " + key)
            .isEqualTo(sorted.get(key));
        assertThat(profile.reactions().containsKey(key)).isEqualTo(sorted.containsKey(key));
      }
      assertThat(profile.reactions()).isEqualTo(sorted);
      assertThat(List.copyOf(profile.reactions().keySet())).isEqualTo(List.copyOf(sorted.keySet()));
    }
    assertThat(ServerProfiles.builtIns().stream().mapToInt(p -> p.reactions().size()).sum())
        .isPositive();
  }

  @Test
  void theReactionsCannotBeChangedAndAnythingElseIsNoKey() {
    ServerProfile profile = ServerProfiles.builtIn("vsftpd").orElseThrow();
    java.util.Map<?, ?> any = profile.reactions();
    assertThat(any.get("BEFORE_LOGIN")).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> profile.reactions().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> profile.reactions().entrySet().iterator().remove())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
