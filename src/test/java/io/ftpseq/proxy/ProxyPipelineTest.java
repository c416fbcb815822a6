package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Severity;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The control relay keeps commands whole and replies in order however the client's bytes arrive:
 * pipelined, split at any byte, with the proxy's own replies between the server's.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProxyPipelineTest {

  private static final String DIALOGUE =
      "USER alice\r\nPASS wonderland\r\nRNTO x\r\nPWD\r\nQUIT\r\n";

  @TempDir Path dir;

  @Test
  void pipelinedCommandsGetTheirRepliesInOrderWithStrictRefusalsInTheirPlace() throws Exception {
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.strict(Severity.ERROR));
        RawControl control = new RawControl(rig.port())) {
      control.send(DIALOGUE);
      List<String> replies =
          List.of(
              control.reply(),
              control.reply(),
              control.reply(),
              control.reply(),
              control.reply(),
              control.reply());
      assertThat(replies.stream().map(r -> r.substring(0, 3)))
          .containsExactly("220", "331", "230", "503", "257", "221");
      assertThat(replies.get(3)).contains("RNTO_WITHOUT_RNFR").contains("did not forward");
      rig.awaitClosed(1);
      assertThat(rig.recordedFindings("s1")).isEqualTo(rig.liveFindings("s1"));
    }
  }

  @Test
  void everySplitPointGivesTheSameRepliesFindingsAndTranscript() throws Exception {
    byte[] bytes = DIALOGUE.getBytes(StandardCharsets.US_ASCII);
    try (ProxyRig rig = ProxyRig.embedded(dir, UnaryOperator.identity())) {
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<List<String>>> codes = new ArrayList<>();
      for (int split = 0; split < bytes.length; split++) {
        int at = split;
        codes.add(
            clients.submit(
                () -> {
                  try (RawControl control = new RawControl(rig.port())) {
                    control.send(Arrays.copyOfRange(bytes, 0, at));
                    Thread.sleep(2); // the two parts arrive in separate reads
                    control.send(Arrays.copyOfRange(bytes, at, bytes.length));
                    return control.codes(6);
                  }
                }));
      }
      for (int split = 0; split < bytes.length; split++) {
        assertThat(codes.get(split).get())
            .as("split at %d", split)
            .containsExactly("220", "331", "230", "503", "257", "221");
      }
      clients.shutdown();
      rig.awaitClosed(bytes.length);
      // pipelined commands are recorded as they arrive, so lines differ; their order does not
      for (int session = 1; session <= bytes.length; session++) {
        String id = "s" + session;
        String transcript = rig.transcript(id);
        assertThat(rig.liveFindings(id))
            .as(id)
            .singleElement()
            .asString()
            .startsWith("RNTO_WITHOUT_RNFR@");
        assertThat(rig.recordedFindings(id)).as(id).isEqualTo(rig.liveFindings(id));
        assertThat(lines(transcript, "C: "))
            .as(id)
            .containsExactly("C: USER alice", "C: PASS ****", "C: RNTO x", "C: PWD", "C: QUIT");
        assertThat(lines(transcript, "S: "))
            .as(id)
            .containsExactly(
                "S: 220 Service ready for new user.",
                "S: 331 User name okay, need password for alice.",
                "S: 230 User logged in, proceed.",
                "S: 503 Can't find the file which has to be renamed.",
                "S: 257 \"/\" is current directory.",
                "S: 221 Goodbye.");
      }
      try (var files = Files.list(rig.records)) {
        assertThat(files).hasSize(bytes.length);
      }
    }
  }

  /**
   * A line the proxy cannot take ends the session with 421, but only once the server has answered
   * every command sent before it: the client reads its replies in the order of its commands. The
   * RETR before it has its final reply only once the client has taken the file, so a 421 sent at
   * once would come before it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "NUL byte, 'NO\u0000OP', the client sent a NUL byte",
    "over-long line, NOOP {long}, the client sent a line longer than 1024 bytes"
  })
  void aLineTheProxyRefusesIsAnsweredAfterTheRepliesToTheCommandsBeforeIt(
      String kind, String line, String why) throws Exception {
    String last = line.replace("{long}", "x".repeat(5000));
    try (ProxyRig rig = ProxyRig.embedded(dir, s -> s.limits(10, 1024));
        RawControl control = new RawControl(rig.port())) {
      Files.writeString(dir.resolve("files").resolve("day.csv"), "day,total\n1,42\n");
      control.send("USER alice\r\nPASS wonderland\r\nPASV\r\nRETR day.csv\r\n" + last + "\r\n");
      List<String> replies = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        replies.add(control.reply());
      }
      String pasv = replies.get(3);
      assertThat(replies)
          .as(kind + ": the replies before the transfer")
          .allSatisfy(r -> assertThat(r).isNotNull().doesNotStartWith("421"));
      try (Socket data = new Socket()) {
        data.connect(passive(pasv), 10_000);
        data.setSoTimeout(10_000);
        assertThat(new String(data.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
            .isEqualTo("day,total\r\n1,42\r\n"); // TYPE A, the default: CRLF on the wire
      }
      replies.add(control.reply());
      replies.add(control.reply());
      assertThat(replies.stream().map(r -> r == null ? "EOF" : r.substring(0, 3)))
          .as(kind)
          .containsExactly("220", "331", "230", "227", "150", "226");
      assertThat(control.reply()).as(kind).startsWith("421 ftpseq proxy: " + why);
      assertThat(control.rest()).as(kind).isEmpty();
      rig.awaitClosed(1);
      assertThat(rig.events().closed().get(0).ending().english()).as(kind).startsWith(why);
      assertThat(lines(rig.transcript("s1"), "S: "))
          .as(kind)
          .hasSize(7)
          .last()
          .asString()
          .startsWith("S: 421 ftpseq proxy: " + why);
    }
  }

  /** The address a 227 reply names. */
  private static InetSocketAddress passive(String reply) {
    Matcher m = Pattern.compile("(\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)").matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    String host = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
    return new InetSocketAddress(
        host, Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6)));
  }

  private static List<String> lines(String transcript, String prefix) {
    return transcript.lines().filter(l -> l.startsWith(prefix)).toList();
  }
}
