package io.ftpseq.transcript;

import io.ftpseq.protocol.Secrets;
import java.util.ArrayList;
import java.util.List;

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
 */
final class ScriptSecrets {

  /**
   * How many lines with secrets one {@link Secrets} learns from: with up to four readings of a
   * password each, well within the secrets it keeps.
   */
  static final int LINES_PER_GROUP = 8;

  private final List<Secrets> groups = new ArrayList<>();
  private int linesInGroup;

  /**
   * Learns the secrets of a raw line of the script.
   *
   * @param raw the line as read
   * @param command the command the line gives, or {@code null} when it gives none
   */
  void learn(String raw, String command) {
    int candidate = Secrets.candidateIn(raw);
    boolean masked = command != null && !command.isBlank() && Secrets.mayHoldSecret(command);
    if (candidate < 0 && !masked) {
      return;
    }
    if (groups.isEmpty() || linesInGroup == LINES_PER_GROUP) {
      groups.add(new Secrets());
      linesInGroup = 0;
    }
    Secrets group = groups.get(groups.size() - 1);
    linesInGroup++;
    group.learn(raw, candidate);
    if (masked) {
      group.learnMasked(command);
    }
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
