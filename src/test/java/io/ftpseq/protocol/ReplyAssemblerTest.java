package io.ftpseq.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyAssemblerTest {

  private final ReplyAssembler assembler = new ReplyAssembler();

  private List<ReplyAssembler.Outcome> feed(String... lines) {
    List<ReplyAssembler.Outcome> outcomes = new ArrayList<>();
    for (String line : lines) {
      outcomes.add(assembler.accept(line));
    }
    return outcomes;
  }

  @Test
  void singleLineReplyIsComplete() {
    ReplyAssembler.Outcome outcome = assembler.accept("503 Bad sequence of commands.");
    assertThat(outcome).isInstanceOf(ReplyAssembler.Complete.class);
    Reply reply = ((ReplyAssembler.Complete) outcome).reply();
    assertThat(reply.code().value()).isEqualTo(503);
    assertThat(reply.text()).isEqualTo("Bad sequence of commands.");
  }

  @Test
  void continuationLinesWithoutCodeBelongToTheReply() {
    List<ReplyAssembler.Outcome> outcomes = feed("211-Features:", " EPSV", " PASV", "211 End");
    assertThat(outcomes.subList(0, 3)).allMatch(o -> o instanceof ReplyAssembler.Pending);
    Reply reply = ((ReplyAssembler.Complete) outcomes.get(3)).reply();
    assertThat(reply.lines()).containsExactly("211-Features:", " EPSV", " PASV", "211 End");
    assertThat(reply.isMultiLine()).isTrue();
  }

  @Test
  void continuationLinesRepeatingTheCodeBelongToTheReply() {
    List<ReplyAssembler.Outcome> outcomes =
        feed("230-Welcome", "230-Second line", "230 Logged in.");
    assertThat(outcomes.get(2)).isInstanceOf(ReplyAssembler.Complete.class);
    assertThat(((ReplyAssembler.Complete) outcomes.get(2)).reply().lines()).hasSize(3);
  }

  @Test
  void anotherCodeInsideAMultiLineReplyDoesNotEndIt() {
    List<ReplyAssembler.Outcome> outcomes =
        feed("230-Banner", "220 looks like a reply", "230-more", "230 done");
    assertThat(outcomes.subList(0, 3)).allMatch(o -> o instanceof ReplyAssembler.Pending);
    assertThat(outcomes.get(3)).isInstanceOf(ReplyAssembler.Complete.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "22 short",
        "2200 long",
        "abc text",
        "099 too low",
        "700 too high",
        "",
        "2",
        "22",
        "2-",
        "a"
      })
  void replyCodeThatIsNotThreeDigitsIsMalformed(String line) {
    ReplyAssembler.Outcome outcome = assembler.accept(line);
    assertThat(outcome).isInstanceOf(ReplyAssembler.Malformed.class);
    assertThat(((ReplyAssembler.Malformed) outcome).line()).isEqualTo(line);
  }

  @Test
  void replyOfTwentyThousandLinesIsOneReply() {
    // STAT of a big directory: many lines, few bytes
    assertThat(assembler.accept("213-Status of /pub:")).isInstanceOf(ReplyAssembler.Pending.class);
    for (int i = 0; i < 20_000; i++) {
      assertThat(assembler.accept("-rw-r--r--   1 ftp ftp  1024 Nov 30 12:00 file" + i + ".txt"))
          .isInstanceOf(ReplyAssembler.Pending.class);
    }
    ReplyAssembler.Outcome last = assembler.accept("213 End of status");
    assertThat(last).isInstanceOf(ReplyAssembler.Complete.class);
    assertThat(((ReplyAssembler.Complete) last).reply().lines()).hasSize(20_002);
  }

  @Test
  void multiLineReplyThatNeverClosesIsGivenOnceItHoldsTooManyBytes() {
    assertThat(assembler.accept("211-Features:")).isInstanceOf(ReplyAssembler.Pending.class);
    String line = " " + "x".repeat(999);
    ReplyAssembler.Outcome last = new ReplyAssembler.Pending();
    int lines = 1;
    while (last instanceof ReplyAssembler.Pending) {
      last = assembler.accept(line);
      lines++;
    }
    assertThat(last).isInstanceOf(ReplyAssembler.Overlong.class);
    Reply reply = ((ReplyAssembler.Overlong) last).reply();
    assertThat(reply.lines()).hasSize(lines);
    // cut at the first line past the bound, a thousand bytes of text each
    assertThat((lines - 1) * 1_000L)
        .isLessThanOrEqualTo(ReplyAssembler.MAX_REPLY_BYTES)
        .isGreaterThan(ReplyAssembler.MAX_REPLY_BYTES / 2);
    // its rest, up to its closing line, still belongs to it: counted, not kept
    assertThat(assembler.isOpen()).isTrue();
    assertThat(assembler.cutRest()).isEqualTo(new ReplyAssembler.Rest(reply.code(), 0, 0));
  }

  @Test
  void emptyLinesThatNeverCloseAreBoundedToo() {
    // each line kept costs memory beyond its text: a stream of empty ones is cut as well
    assembler.accept("211-Features:");
    int lines = 1;
    ReplyAssembler.Outcome last = new ReplyAssembler.Pending();
    while (last instanceof ReplyAssembler.Pending && lines < 1_000_000) {
      last = assembler.accept("");
      lines++;
    }
    assertThat(last).isInstanceOf(ReplyAssembler.Overlong.class);
    assertThat(lines).isLessThan(ReplyAssembler.MAX_REPLY_BYTES / 32);
  }

  @Test
  void unfinishedMultiLineReplyIsFlushedAsItStands() {
    feed("211-Features:", " EPSV");
    Reply reply = assembler.flush();
    assertThat(reply.lines()).containsExactly("211-Features:", " EPSV");
    assertThat(assembler.isOpen()).isFalse();
    assertThat(assembler.flush()).isNull();
  }

  @Test
  void codeAloneIsAReply() {
    assertThat(assembler.accept("200")).isInstanceOf(ReplyAssembler.Complete.class);
  }

  @Test
  void replyCodeClassesComeFromTheDigits() {
    assertThat(new ReplyCode(150).category()).isEqualTo(ReplyCode.Category.POSITIVE_PRELIMINARY);
    assertThat(new ReplyCode(503).category()).isEqualTo(ReplyCode.Category.PERMANENT_NEGATIVE);
    assertThat(new ReplyCode(503).function()).isEqualTo(ReplyCode.Function.SYNTAX);
    assertThat(new ReplyCode(530).function()).isEqualTo(ReplyCode.Function.AUTHENTICATION);
    assertThat(new ReplyCode(631).category()).isEqualTo(ReplyCode.Category.PROTECTED);
    assertThat(new ReplyCode(150).isPreliminary()).isTrue();
    assertThat(new ReplyCode(350).isFinal()).isTrue();
  }

  @Test
  void theRestOfACutReplyIsCountedNotKeptUpToItsClosingLine() {
    ReplyAssembler assembler = new ReplyAssembler();
    assembler.accept("213-Status");
    String line = "x".repeat(998); // 1,000 bytes with its CRLF
    ReplyAssembler.Outcome outcome;
    do {
      outcome = assembler.accept(line);
    } while (outcome instanceof ReplyAssembler.Pending);
    assertThat(outcome).isInstanceOf(ReplyAssembler.Overlong.class);

    // lines after the cut, even one that looks like another reply's opening, are dropped
    assertThat(assembler.accept(line)).isInstanceOf(ReplyAssembler.Dropped.class);
    assertThat(assembler.accept("211-not a reply of its own"))
        .isInstanceOf(ReplyAssembler.Dropped.class);
    assertThat(assembler.isOpen()).isTrue();
    assertThat(assembler.accept("213 End"))
        .isEqualTo(
            new ReplyAssembler.RestClosed(
                new ReplyAssembler.Rest(ReplyCode.parse("213"), 3, 1_000 + 28 + 9)));
    assertThat(assembler.isOpen()).isFalse();
    assertThat(assembler.accept("200 next")).isInstanceOf(ReplyAssembler.Complete.class);
  }

  @Test
  void theRestOfACutReplyThatNeverClosesIsGivenWhenAsked() {
    ReplyAssembler assembler = new ReplyAssembler();
    assembler.accept("213-Status");
    while (!(assembler.accept("x".repeat(998)) instanceof ReplyAssembler.Overlong)) {}
    assembler.accept("more");
    assertThat(assembler.cutRest())
        .isEqualTo(new ReplyAssembler.Rest(ReplyCode.parse("213"), 1, 6));
    assertThat(assembler.cutRest()).isNull();
    assertThat(assembler.flush()).isNull();
  }
}
