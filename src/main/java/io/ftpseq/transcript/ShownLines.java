package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * The lines of one input read again, front to back, for a report that asks for them a session at a
 * time: each line is numbered and decoded as the readers do, and masked with every secret the input
 * showed up to the last line asked for, so a password that stands before the line showing it to be
 * one (typed at the user prompt, then sent with PASS) is masked there too. Reading goes on from
 * where the last request stopped, and the lines read are kept until the caller lets them go, so a
 * run's sessions, asked for in the order they start, cost one read of the input instead of one
 * each.
 *
 * <pre>{@code
 * ShownLines shown = new ShownLines(in, "vsftpd");
 * shown.read(linesOfFirstSession);  // reads up to its last line
 * shown.forgetBefore(firstLineOfSecondSession);
 * shown.read(linesOfSecondSession); // goes on from there
 * }</pre>
 */
public final class ShownLines {

  /** The most lines kept at once; the oldest go first, and a request for them must start again. */
  static final int MAX_KEPT = 1 << 16;

  private final LineReader reader;
  private final Secrets secrets = new Secrets();
  private final TranscriptParser parser;
  private final NavigableMap<Long, String> kept = new TreeMap<>();
  private long number;
  private long keptFrom = 1;
  private boolean ended;

  /**
   * Lines of an input read as the given format, whose reader learns the secrets to mask again (a
   * password column included).
   *
   * @param input the input, not closed here
   * @param format the format the input was read as
   */
  public ShownLines(InputStream input, String format) {
    this.reader = new LineReader(new BufferedInputStream(input, 1 << 16));
    this.parser =
        TranscriptFormats.named(format)
            .map(f -> f.parser("", new TranscriptLines.SecretsOnly(secrets)))
            .orElse(null);
  }

  /** Whether lines from {@code line} on can still be given: none before it was let go. */
  public boolean reaches(long line) {
    return line >= keptFrom;
  }

  /**
   * The lines with the given 1-based numbers that the input has; reading stops after the last one
   * wanted.
   *
   * @throws IllegalArgumentException when a line wanted was let go already (see {@link #reaches})
   */
  public Map<Long, String> read(NavigableSet<Long> wanted) throws IOException {
    Map<Long, String> lines = new HashMap<>();
    if (wanted.isEmpty()) {
      return lines;
    }
    if (!reaches(wanted.first())) {
      throw new IllegalArgumentException(
          "line " + wanted.first() + " was let go; lines from " + keptFrom + " on are kept");
    }
    long last = wanted.last();
    while (number < last && !ended) {
      String line = reader.next();
      if (line == null) {
        ended = true;
        break;
      }
      number++;
      secrets.learn(line);
      learnThroughReader(line);
      kept.put(number, line);
      if (kept.size() > MAX_KEPT) {
        kept.pollFirstEntry();
        keptFrom = kept.firstKey();
      }
    }
    // masked with every secret read so far, those after a line too: a password typed at the
    // user prompt by mistake stands on a line before the PASS that shows it
    for (long line : wanted.headSet(number, true)) {
      String raw = kept.get(line);
      if (raw != null) {
        lines.put(line, secrets.mask(raw));
      }
    }
    return lines;
  }

  /** Lets go of the lines before {@code line}: no later request wants them. */
  public void forgetBefore(long line) {
    if (line > keptFrom) {
      kept.headMap(line).clear();
      keptFrom = line;
    }
  }

  private void learnThroughReader(String line) {
    if (parser == null) {
      return;
    }
    try {
      parser.line(number, line);
    } catch (RuntimeException | StackOverflowError e) {
      // the check reported this line as a problem already; its secrets are the line's own
    }
  }
}
