package io.ftpseq.transcript.capture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Session names of control connections: numbered per pair of ends, in a bounded table. */
class SessionNamesTest {

  @Test
  void aLaterConnectionOnTheSameEndsIsNumbered() {
    SessionNames names = new SessionNames();

    assertThat(names.next("a:1 -> b:21")).isEqualTo("a:1 -> b:21");
    assertThat(names.next("c:2 -> b:21")).isEqualTo("c:2 -> b:21");
    assertThat(names.next("a:1 -> b:21")).isEqualTo("a:1 -> b:21 (2)");
    assertThat(names.next("a:1 -> b:21")).isEqualTo("a:1 -> b:21 (3)");
  }

  /**
   * A table with an entry for every connection ever seen grew with the capture (a million
   * connections, a million entries): only the most recently named pairs are kept.
   */
  @Test
  void onlyTheMostRecentPairsAreRemembered() {
    SessionNames names = new SessionNames(2);

    names.next("a");
    names.next("b");
    names.next("a"); // a is now the most recent
    names.next("c"); // b goes

    assertThat(names.next("a")).isEqualTo("a (3)");
    assertThat(names.next("b")).isEqualTo("b");
    assertThat(SessionNames.REMEMBERED).isEqualTo(65_536);
  }
}
