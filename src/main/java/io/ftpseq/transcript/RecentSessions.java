package io.ftpseq.transcript;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reader of a multi-session log keeps per session, by session key, for the sessions seen
 * most recently: at most as many as the checker keeps open, so a log of millions of sessions that
 * never shows them ending holds memory for the latest ones only. The one quiet for longest is
 * forgotten first; if it shows up again, it is read as a session that starts mid-session.
 *
 * @param <V> what is kept per session
 */
final class RecentSessions<V> extends LinkedHashMap<String, V> {

  private static final long serialVersionUID = 1L;

  RecentSessions() {
    super(16, 0.75f, true);
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
    return size() > OpenSessions.MAX_OPEN;
  }
}
