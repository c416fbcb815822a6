package io.ftpseq.rules;

/** How serious a finding is, from least to most. */
public enum Severity {
  /** Worth knowing; not a fault. */
  INFO,
  /** Legal or undefined by the RFCs, but refused or mishandled by many servers. */
  WARNING,
  /** Breaks an ordering rule the RFCs state; servers answer it with 503 or similar. */
  ERROR;

  /** Whether this severity is the given one or more serious. */
  public boolean atLeast(Severity other) {
    return compareTo(other) >= 0;
  }
}
