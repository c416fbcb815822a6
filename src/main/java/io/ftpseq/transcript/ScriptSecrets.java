package io.ftpseq.transcript;

import io.ftpseq.protocol.Command;
import io.ftpseq.protocol.Secrets;
import io.ftpseq.protocol.Verb;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every secret a command script shows, learnt before any of its lines is used, to mask them
 * wherever the script's text comes back in a simulation: the user name a reply names, a home
 * directory, a file name. {@code check} learns an input's secrets as it reads, since an echo comes
 * after the password; a simulation fills replies from any line of the script, the USER before the
 * PASS included, so all of them are learnt first.
 *
 * <p>Secrets are learnt as {@code check} learns them: from the raw line ({@link Secrets#learn}) and
 * all that the masking of its command hides ({@link Secrets#learnMasked}). One {@link Secrets}
 * keeps only its most recent passwords, so each holds those of at most {@link #LINES_PER_GROUP}
 * lines and a script with many passwords has several.
 *
 * <p>A line of no known verb right after a command that carries a secret ({@code PASS}, {@code
 * ACCT}, {@code ADAT}), or after such a line, is the rest of that command, split off at a lone CR
 * or LF ({@code PASS\rhunter2} is read as {@code PASS}, then {@code hunter2}): it is learnt whole
 * as a secret, and {@link #splitOff} tells it: the script joins it to that command ({@code PASS
 * ****}, one step, as the line went on the wire).
 */
final class ScriptSecrets {

  /**
   * How many lines with secrets one {@link Secrets} learns from: with up to four readings of a
   * password each, well within the secrets it keeps.
   */
  static final int LINES_PER_GROUP = 8;

  private final List<Secrets> groups = new ArrayList<>();
  private int linesInGroup;
  private final Set<Long> splitOff = new HashSet<>();
  private long lines;

  /**
   * Whether the last line that was not blank gave a command carrying a secret, or went on with one.
   */
  private boolean afterSecret;

  /**
   * Learns the secrets of a raw line of the script.
   *
   * @param raw the line as read
   * @param command the command the line gives, or {@code null} when it gives none
   */
  void learn(String raw, String command) {
    lines++;
    boolean gives = command != null && !command.isBlank();
    afterSecret &= gives || raw.isBlank(); // a reply line ends what a command sent
    if (gives && goesOnWithSecret(command)) {
      splitOff.add(lines);
      group().learnSecret(command);
      return;
    }
    int candidate = Secrets.candidateIn(raw);
    boolean masked = gives && Secrets.mayHoldSecret(command);
    if (candidate < 0 && !masked) {
      return;
    }
    Secrets group = group();
    group.learn(raw, candidate);
    if (masked) {
      group.learnMasked(command);
    }
  }

  /**
   * Whether the line with the given 1-based number is the rest of a command carrying a secret,
   * split off its line: all of it is secret.
   */
  boolean splitOff(long line) {
    return splitOff.contains(line);
  }

  /**
   * Whether the command of the line being learnt goes on with a command carrying a secret before
   * it; notes whether a line after it may go on with one.
   */
  private boolean goesOnWithSecret(String command) {
    Command parsed = Command.parse(command);
    boolean goesOn = afterSecret && parsed.verb() == Verb.OTHER && !command.startsWith("#");
    afterSecret = goesOn || parsed.carriesSecret();
    return goesOn;
  }

  /** The group that learns the next line's secrets. */
  private Secrets group() {
    if (groups.isEmpty() || linesInGroup == LINES_PER_GROUP) {
      groups.add(new Secrets());
      linesInGroup = 0;
    }
    linesInGroup++;
    return groups.get(groups.size() - 1);
  }

  /** The text with every secret of the script masked where it stands as a whole word. */
  String mask(String text) {
    String masked = text;
    for (int i = groups.size() - 1; i >= 0; i--) {
      masked = groups.get(i).mask(masked);
    }
    return masked;
  }
}
