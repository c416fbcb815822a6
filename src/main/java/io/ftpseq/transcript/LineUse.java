package io.ftpseq.transcript;

/**
 * What a reader made of one input line (or packet). Every line ends up in exactly one of these, so
 * a report can say how much of an input was dialogue, how much was left out on purpose and how much
 * could not be read: nothing is dropped without being counted.
 */
public enum LineUse {
  /** Part of the dialogue: a command, a reply line, or a note the record makes about a session. */
  DIALOGUE,
  /**
   * Left out by design, being no part of the dialogue: a blank line, a comment, the program's own
   * messages, a directory listing, an event of another kind.
   */
  SKIPPED,
  /** Could not be read; the reader reported a problem that quotes it. */
  PROBLEM
}
