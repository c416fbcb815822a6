package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.LinePatterns;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A pattern tried only where it can start sees the characters before it, as find() does. */
class CandidateStartsTest {

  @Test
  void lookBehindsAndWordBoundariesSeeTheCharacterBeforeTheStart() {
    Pattern word = LinePatterns.compile("\\bCLOSED");
    Pattern notAfterA = LinePatterns.compile("(?<!a)b");

    assertThat(CandidateStarts.find(word, "xCLOSED CLOSED", at -> true).start()).isEqualTo(8);
    assertThat(CandidateStarts.find(word, "\u00e9CLOSED", at -> true)).isNull();
    assertThat(CandidateStarts.find(notAfterA, "abcb", at -> true).start()).isEqualTo(3);
  }

  @Test
  void placesTheTestLeavesOutAreNotTried() {
    Pattern digits = LinePatterns.compile("\\d+");

    assertThat(CandidateStarts.find(digits, "a12b345", at -> at > 3).group()).isEqualTo("345");
    assertThat(CandidateStarts.find(digits, "a12b345", at -> false)).isNull();
    assertThat(CandidateStarts.find(digits, "", at -> true)).isNull();
  }
}
