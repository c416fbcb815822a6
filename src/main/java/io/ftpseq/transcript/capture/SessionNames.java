package io.ftpseq.transcript.capture;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The session names of a capture's control connections: {@code client -> server}, and for a later
 * connection on the same addresses and ports (a new SYN after the first ended) {@code (2)}, {@code
 * (3)} and so on. Only the most recent pairs of ends are remembered, so a capture of millions of
 * connections holds a bounded table: a port pair is reused within minutes (after TIME_WAIT), and
 * one reused after more than {@link #REMEMBERED} other pairs is named as if it were new.
 */
final class SessionNames {

  /** How many pairs of ends are remembered, the most recently named. */
  static final int REMEMBERED = 1 << 16;

  private final Map<String, Integer> seen;

  SessionNames() {
    this(REMEMBERED);
  }

  SessionNames(int remembered) {
    this.seen =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > remembered;
          }
        };
  }

  /** The name of the next control connection between {@code ends}. */
  String next(String ends) {
    int count = seen.merge(ends, 1, Integer::sum);
    return count == 1 ? ends : ends + " (" + count + ")";
  }
}
