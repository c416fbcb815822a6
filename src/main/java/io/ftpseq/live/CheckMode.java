package io.ftpseq.live;

/** What a checked client does with a command that breaks an ordering rule. */
public enum CheckMode {
  /** Send it anyway and record the finding: the session runs exactly as without ftpseq. */
  OBSERVE,
  /**
   * Refuse to send it: throw {@link FtpSequenceException} naming the rule and the fix, so the
   * faulty call fails where it is made.
   */
  STRICT
}
