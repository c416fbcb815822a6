package io.ftpseq.report;

/** What a report shows of every exchange, beyond the findings, when asked for. */
public enum Detail {
  /** Every reply with its class and meaning ({@code check --explain-all}). */
  REPLY_LOG,
  /** Every command with the reply the profile predicted beside the real one ({@code --predict}). */
  PREDICTIONS
}
