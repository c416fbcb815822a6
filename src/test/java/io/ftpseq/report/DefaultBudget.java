package io.ftpseq.report;

import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.report.html.HtmlReport;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds the sessions of a 6 MB vsftpd log, read eight times (42,000 sessions, about 40 MB as the
 * heap holds them), to a store with the default budget that keeps them as an HTML run does, and
 * reads them back. Run in a JVM of its own with a 32 MB heap by {@link SessionStoreTest}: it exits
 * 0 when the default budget leaves the rest of the heap to the run, and with an {@link
 * OutOfMemoryError} when it does not.
 *
 * <p>Arguments: a folder for the generated log.
 */
final class DefaultBudget {

  private DefaultBudget() {}

  public static void main(String[] args) throws IOException {
    Path log = Path.of(args[0], "vsftpd.log");
    LogGenerator.vsftpd(log, 6 << 20);
    TranscriptChecker checker =
        new TranscriptChecker(ProfileChoice.AUTO, null, null).keepingSteps();
    try (SessionStore store =
        new SessionStore().readingAhead().keepingStepsOf(HtmlReport.drawings(false))) {
      for (int pass = 0; pass < 8; pass++) {
        int input = pass;
        try (InputStream in = Files.newInputStream(log)) {
          checker.check(
              log.toString(),
              in,
              (order, session) -> store.add(SessionStore.key(input, order), session));
        }
      }
      int read = 0;
      for (var session : store) {
        read += session.session().isEmpty() ? 0 : 1;
      }
      if (read != store.size() || read < 40_000) {
        throw new IllegalStateException(read + " sessions read back of " + store.size());
      }
    }
  }
}
