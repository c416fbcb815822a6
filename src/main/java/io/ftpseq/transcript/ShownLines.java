package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Secrets;
import io.ftpseq.protocol.Verb;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.Problem;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * The lines of one input read again, front to back, for a report that asks for them a session at a
 * time: each line is numbered and decoded as the readers do, and masked as what was read from it
 * is. Every secret the input showed up to the last line asked for is masked, so a password that
 * stands before the line showing it to be one (typed at the user prompt, then sent with PASS) is
 * masked there too. A line its reader read as commands and the server's text (replies, a reply it
 * could not read; all that a command's masking hides is learnt then) has nothing else masked:
 * {@code 331 Password required for alice} names no password. Any other line (one that could not be
 * read, a comment, a command of no known verb) may hold a password in words, and is masked as a
 * problem masks the input it quotes ({@link Command#maskPasswords}). Reading goes on from where the
 * last request stopped, and the lines read are kept until the caller lets them go, so a run's
 * sessions, asked for in the order they start, cost one read of the input instead of one each.
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
  private final SplitOffSecret splitOff = new SplitOffSecret();
  private final LineKind kind = new LineKind();
  private final TranscriptParser parser;
  private final NavigableMap<Long, String> kept = new TreeMap<>();

  /** The numbers of the lines kept that hold no dialogue alone: masked as free text too. */
  private final Set<Long> freeText = new HashSet<>();

  /** The numbers of the lines kept that are the rest of a command carrying a secret: all masked. */
  private final Set<Long> splitOffLines = new HashSet<>();

  private long number;
  private long keptFrom = 1;
  private boolean ended;

  /**
   * Lines of an input read as the given format, whose reader learns the secrets to mask again (a
   * password column included).
   *
   * @param input the input, not closed here
   * @param format the format the input was read as
   * @throws IOException when the input's first bytes, which may be a byte order mark, cannot be
   *     read
   */
  public ShownLines(InputStream input, String format) throws IOException {
    this.reader = LineReader.ofText(input);
    this.parser = TranscriptFormats.named(format).map(f -> f.parser("", kind)).orElse(null);
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
      splitOff.line(number, line);
      if (!readAsDialogue(line)) {
        freeText.add(number);
      }
      if (kind.unread
          && (kind.leftOut
              ? splitOff.leftOutGoesOn(number, line, secrets)
              : splitOff.goesOn(number, line, secrets))
          && !line.isBlank()) {
        splitOffLines.add(number);
      }
      kept.put(number, kind.passwordEnd > 0 ? kind.maskedPassword(line) : line);
      if (kept.size() > MAX_KEPT) {
        long first = kept.pollFirstEntry().getKey();
        freeText.remove(first);
        splitOffLines.remove(first);
        keptFrom = kept.firstKey();
      }
    }
    // masked with every secret read so far, those after a line too: a password typed at the
    // user prompt by mistake stands on a line before the PASS that shows it
    for (long line : wanted.headSet(number, true)) {
      String raw = kept.get(line);
      if (raw != null) {
        String masked = secrets.mask(raw);
        lines.put(
            line,
            splitOffLines.contains(line)
                ? Command.MASK
                : freeText.contains(line) ? Command.maskPasswords(masked) : masked);
      }
    }
    return lines;
  }

  /** Lets go of the lines before {@code line}: no later request wants them. */
  public void forgetBefore(long line) {
    if (line > keptFrom) {
      kept.headMap(line).clear();
      freeText.removeIf(number -> number < line);
      splitOffLines.removeIf(number -> number < line);
      keptFrom = line;
    }
  }

  /**
   * Gives the line to the reader, which learns its secrets, and says whether the reader read only
   * commands of known verbs and the server's text from it: replies, a line of a reply still open, a
   * reply that could not be read.
   */
  private boolean readAsDialogue(String line) {
    if (parser == null) {
      return false;
    }
    kind.start();
    LineUse use;
    try {
      use = parser.line(number, line);
    } catch (RuntimeException | StackOverflowError e) {
      // the check reported this line as a problem already; its secrets are the line's own
      kind.unread = true;
      return false;
    }
    // as the check tells a line left out or that gave a problem, but not the server's text
    kind.unread = !kind.serverText && (kind.problem || use == LineUse.SKIPPED);
    kind.leftOut = kind.unread && !kind.problem;
    boolean read = kind.dialogue || kind.serverText || (use == LineUse.DIALOGUE && !kind.note);
    return read && !kind.freeText;
  }

  /** Learns the secrets a reader shows, and what it made of the line being read. */
  private final class LineKind implements TranscriptSink {
    private boolean dialogue;
    private boolean serverText;
    private boolean freeText;
    private boolean note;
    private boolean problem;

    /** Whether the reader could not read the line or left it out, as the check counts it. */
    private boolean unread;

    /** Whether the reader left the line out, with no problem: {@link #unread} and no problem. */
    private boolean leftOut;

    /**
     * Where the line shows a password in a field kept for one ({@link #passwordAt}); 0 for none.
     */
    private int passwordStart;

    private int passwordEnd;

    void start() {
      dialogue = false;
      serverText = false;
      freeText = false;
      note = false;
      problem = false;
      unread = false;
      leftOut = false;
      passwordStart = 0;
      passwordEnd = 0;
    }

    /** The line with the password its reader showed in a field of its own masked. */
    String maskedPassword(String line) {
      return line.substring(0, passwordStart) + Command.MASK + line.substring(passwordEnd);
    }

    @Override
    public void passwordAt(int start, int end) {
      passwordStart = start;
      passwordEnd = end;
    }

    @Override
    public void event(String session, SessionEvent event) {
      splitOff.event(event);
      if (event instanceof CommandSent sent) {
        dialogue = true;
        freeText |= sent.command().verb() == Verb.OTHER;
      } else if (event instanceof ReplyReceived) {
        dialogue = true;
      } else {
        note = true;
      }
    }

    @Override
    public void command(String session, Source at, String line) {
      secretsIn(line);
      event(session, new CommandSent(at, Command.parse(line)));
    }

    @Override
    public void problem(String session, Problem problem) {
      freeText = true;
      this.problem = true;
    }

    @Override
    public void unreadableReply(String session, Source at, Phrase what, String text) {
      serverText = true;
      splitOff.serverText();
    }

    @Override
    public void secretsIn(String line) {
      secrets.learnCommand(line);
    }

    @Override
    public void secret(String value) {
      secrets.learnSecret(value);
    }
  }
}
