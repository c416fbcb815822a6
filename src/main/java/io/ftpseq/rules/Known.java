package io.ftpseq.rules;

/** Whether a fact about the session holds, does not hold, or cannot be told from the record. */
public enum Known {
  /** The record does not show it (it starts mid-session or lost lines). */
  UNKNOWN,
  /** It does not hold. */
  NO,
  /** It holds. */
  YES
}
