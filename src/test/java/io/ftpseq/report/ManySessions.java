package io.ftpseq.report;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds many sessions to a {@link SessionStore} with a small budget, each window of 64 in reverse
 * order (as interleaved sessions end), and reads them back twice, checking their order. Run in a
 * JVM of its own with a small heap by {@link SessionStoreTest}: it exits 0 when every session came
 * back in order, and with an {@link OutOfMemoryError} when the store's memory grows with the
 * sessions.
 *
 * <p>Arguments: the number of sessions.
 */
final class ManySessions {

  private ManySessions() {}

  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    SessionCheck template;
    try (InputStream in = Files.newInputStream(Path.of("samples/dialogue/clean-session.txt"))) {
      template =
          new TranscriptChecker(ProfileChoice.AUTO, null, null).check("t", in).sessions().get(0);
    }
    try (SessionStore store = new SessionStore(1 << 20)) {
      for (int window = 0; window < count; window += 64) {
        for (int order = Math.min(count, window + 64) - 1; order >= window; order--) {
          store.add(SessionStore.key(0, order), named(template, order));
        }
      }
      for (int pass = 0; pass < 2; pass++) {
        int expected = 0;
        for (SessionCheck session : store) {
          if (!session.session().equals(Integer.toString(expected++))) {
            throw new IllegalStateException("session " + session.session() + " out of order");
          }
        }
        if (expected != count) {
          throw new IllegalStateException(expected + " sessions came back, not " + count);
        }
      }
    }
  }

  private static SessionCheck named(SessionCheck template, int order) {
    return new SessionCheck(
        template.source(),
        Integer.toString(order),
        template.format(),
        template.profile(),
        template.profileBasis(),
        template.start(),
        template.findings(),
        template.problems(),
        template.commands(),
        template.replies(),
        List.of(),
        template.notes(),
        template.unlisted());
  }
}
