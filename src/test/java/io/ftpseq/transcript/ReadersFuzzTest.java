package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Reply;
import io.ftpseq.protocol.ReplyAssembler;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.rules.Validator;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.Note;
import io.ftpseq.session.SessionEvent.NoteKind;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Coverage-guided fuzzing of every reader, of reply assembly and of pairing, with Jazzer. {@code
 * mvn verify} replays the saved inputs under {@code ReadersFuzzTestInputs/<method>/} (seeds from
 * the samples, and every input a fuzzing run found a fault with); {@code scripts/fuzz} runs each
 * method in fuzzing mode for as long as asked.
 *
 * <p>On every input: no exception escapes (a defect is rethrown, not turned into a problem line);
 * the result is the same read whole and read byte by byte, and with its lines ended by LF and by CR
 * LF; and every line is counted once, as dialogue, skipped or a problem.
 */
class ReadersFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void dialogue(byte[] input) {
    holds("dialogue", input);
  }

  @FuzzTest(maxDuration = "10m")
  void commonsNet(byte[] input) {
    holds("commons-net", input);
  }

  @FuzzTest(maxDuration = "10m")
  void curl(byte[] input) {
    holds("curl", input);
  }

  @FuzzTest(maxDuration = "10m")
  void ftplib(byte[] input) {
    holds("ftplib", input);
  }

  @FuzzTest(maxDuration = "10m")
  void lftp(byte[] input) {
    holds("lftp", input);
  }

  @FuzzTest(maxDuration = "10m")
  void bsdFtp(byte[] input) {
    holds("ftp", input);
  }

  @FuzzTest(maxDuration = "10m")
  void filezilla(byte[] input) {
    holds("filezilla", input);
  }

  @FuzzTest(maxDuration = "10m")
  void winscp(byte[] input) {
    holds("winscp", input);
  }

  @FuzzTest(maxDuration = "10m")
  void fluentftp(byte[] input) {
    holds("fluentftp", input);
  }

  @FuzzTest(maxDuration = "10m")
  void vsftpd(byte[] input) {
    holds("vsftpd", input);
  }

  @FuzzTest(maxDuration = "10m")
  void zeek(byte[] input) {
    holds("zeek", input);
  }

  @FuzzTest(maxDuration = "10m")
  void pureFtpd(byte[] input) {
    holds("pure-ftpd", input);
  }

  @FuzzTest(maxDuration = "10m")
  void proftpd(byte[] input) {
    holds("proftpd", input);
  }

  @FuzzTest(maxDuration = "10m")
  void pyftpdlib(byte[] input) {
    holds("pyftpdlib", input);
  }

  @FuzzTest(maxDuration = "10m")
  void apacheFtpServer(byte[] input) {
    holds("apache-ftpserver", input);
  }

  @FuzzTest(maxDuration = "10m")
  void filezillaServer(byte[] input) {
    holds("filezilla-server", input);
  }

  @FuzzTest(maxDuration = "10m")
  void iis(byte[] input) {
    holds("iis", input);
  }

  @FuzzTest(maxDuration = "10m")
  void suricata(byte[] input) {
    holds("suricata", input);
  }

  @FuzzTest(maxDuration = "10m")
  void pcap(byte[] input) {
    holds("pcap", input);
  }

  /** Format detection: whatever the input, some reader (or none) takes it, and the rest holds. */
  @FuzzTest(maxDuration = "10m")
  void detected(byte[] input) {
    holds(null, input);
  }

  @FuzzTest(maxDuration = "10m")
  void replyAssembler(byte[] input) {
    ReplyAssembler assembler = new ReplyAssembler();
    for (String line : Lines.of(input)) {
      ReplyAssembler.Outcome outcome = assembler.accept(line);
      if (outcome instanceof ReplyAssembler.Complete complete) {
        assertThat(complete.reply().lines()).isNotEmpty();
      } else if (outcome instanceof ReplyAssembler.Overlong overlong) {
        assertThat(overlong.reply().lines()).isNotEmpty();
        assertThat(assembler.isOpen()).isFalse(); // nothing past the bound is held
      }
    }
    assembler.flush();
    assertThat(assembler.isOpen()).isFalse();
  }

  /** Any order of commands, replies and notes is paired and judged without an exception. */
  @FuzzTest(maxDuration = "10m")
  void pairer(FuzzedDataProvider data) {
    Validator validator = new Validator("fuzz", "", "fuzz", ServerProfiles.RFC);
    long line = 0;
    while (data.remainingBytes() > 0) {
      Source at = new Source("fuzz", ++line);
      String text = data.consumeString(40);
      SessionEvent event =
          switch (data.consumeInt(0, 2)) {
            case 0 -> text.isBlank() ? null : new CommandSent(at, Command.parse(text));
            case 1 -> new ReplyReceived(at, Reply.of(data.consumeInt(100, 699), text));
            default -> new Note(at, data.pickValue(NoteKind.values()), text);
          };
      if (event != null) {
        validator.accept(event);
      }
    }
    SessionCheck check = validator.finish();
    assertThat(check.findings().size()).isLessThanOrEqualTo(Validator.LISTED_FINDINGS);
  }

  /** The properties every reader keeps on every input. */
  private static void holds(String format, byte[] input) {
    TranscriptChecker.Result whole = check(format, new ByteArrayInputStream(input));
    assertThat(describe(check(format, new OneByteAtATime(input))))
        .as("read byte by byte")
        .isEqualTo(describe(whole));
    boolean capture =
        "pcap".equals(format) || (format == null && whole.summary().unit() == Source.Unit.PACKET);
    if (capture) {
      return;
    }
    List<String> lines = Lines.of(input);
    assertThat(whole.summary().read()).as("every line counted").isEqualTo(lines.size());
    byte[] lf = Lines.join(lines, "\n");
    byte[] crlf = Lines.join(lines, "\r\n");
    assertThat(describe(check(format, new ByteArrayInputStream(crlf))))
        .as("CR LF line ends")
        .isEqualTo(describe(check(format, new ByteArrayInputStream(lf))));
  }

  private static TranscriptChecker.Result check(String format, InputStream input) {
    TranscriptFormat text = format == null ? null : TranscriptFormats.named(format).orElse(null);
    CaptureFormat capture = format == null ? null : TranscriptFormats.capture(format).orElse(null);
    try {
      return new TranscriptChecker(ServerProfiles.RFC, text, capture)
          .keepingSteps()
          .rethrowingDefects()
          .check("fuzz", input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything a report could show of a result, as one text to compare. */
  private static String describe(TranscriptChecker.Result result) {
    StringBuilder out = new StringBuilder(result.summary().toString()).append('\n');
    for (SessionCheck session : result.sessions()) {
      out.append(session.session()).append(' ').append(session.start()).append(' ');
      out.append(session.commands()).append('/').append(session.replies()).append('\n');
      session.findings().forEach(f -> out.append(' ').append(f).append('\n'));
      session.problems().forEach(p -> out.append(' ').append(p).append('\n'));
      session.notes().forEach(n -> out.append(' ').append(n).append('\n'));
      out.append(' ').append(session.unlisted()).append(' ').append(session.steps().size());
      out.append('\n');
    }
    return out.toString();
  }

  /** An input that gives one byte per read, as a slow pipe may. */
  private static final class OneByteAtATime extends FilterInputStream {
    OneByteAtATime(byte[] bytes) {
      super(new ByteArrayInputStream(bytes));
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return super.read(buffer, offset, Math.min(length, 1));
    }
  }

  /** The lines of an input as the readers see them: ended by LF, CR LF or a lone CR. */
  private static final class Lines {
    private Lines() {}

    static List<String> of(byte[] input) {
      int start = 0;
      if (input.length >= 3
          && input[0] == (byte) 0xEF
          && input[1] == (byte) 0xBB
          && input[2] == (byte) 0xBF) {
        start = 3; // a byte order mark is not part of the first line
      }
      List<String> lines = new ArrayList<>();
      int from = start;
      for (int i = start; i < input.length; i++) {
        if (input[i] == '\n' || input[i] == '\r') {
          lines.add(new String(input, from, i - from, StandardCharsets.ISO_8859_1));
          if (input[i] == '\r' && i + 1 < input.length && input[i + 1] == '\n') {
            i++;
          }
          from = i + 1;
        }
      }
      if (from < input.length) {
        lines.add(new String(input, from, input.length - from, StandardCharsets.ISO_8859_1));
      }
      return lines;
    }

    static byte[] join(List<String> lines, String ending) {
      StringBuilder text = new StringBuilder();
      lines.forEach(l -> text.append(l).append(ending));
      return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
  }
}
