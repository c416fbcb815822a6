package io.ftpseq.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reply codes are three digits from 100 to 699, read alone or from the start of a line. */
class ReplyCodeTest {

  @Test
  void threeDigitsFrom100To699AreACode() {
    assertThat(ReplyCode.parse("503").value()).isEqualTo(503);
    assertThat(ReplyCode.parse("100").value()).isEqualTo(100);
    assertThat(ReplyCode.parse("699").value()).isEqualTo(699);
    assertThat(ReplyCode.parse("099")).isNull();
    assertThat(ReplyCode.parse("700")).isNull();
    assertThat(ReplyCode.parse("5O3")).isNull();
    assertThat(ReplyCode.parse("50")).isNull();
    assertThat(ReplyCode.parse("5030")).isNull();
  }

  @Test
  void theStartOfALineIsReadWithoutLookingFurther() {
    assertThat(ReplyCode.startOf("227 Entering Passive Mode (127,0,0,1,4,1)").value())
        .isEqualTo(227);
    assertThat(ReplyCode.startOf("211-Features:").value()).isEqualTo(211);
    assertThat(ReplyCode.startOf("2119")).isSameAs(ReplyCode.parse("211"));
    assertThat(ReplyCode.startOf("21")).isNull();
    assertThat(ReplyCode.startOf("")).isNull();
    assertThat(ReplyCode.startOf("x21 no")).isNull();
  }

  @Test
  void aCodeOutsideTheRangeIsRefusedWithTheRule() {
    assertThatThrownBy(() -> new ReplyCode(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a reply code is three digits from 100 to 699, not 99");
  }
}
