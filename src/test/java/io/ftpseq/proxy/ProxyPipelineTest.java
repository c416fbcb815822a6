package io.ftpseq.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.rules.Severity;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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

  private static List<String> lines(String transcript, String prefix) {
    return transcript.lines().filter(l -> l.startsWith(prefix)).toList();
  }
}
