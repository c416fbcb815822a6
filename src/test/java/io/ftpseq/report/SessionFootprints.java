package io.ftpseq.report;

import io.ftpseq.benchmark.LogGenerator;
import io.ftpseq.report.html.HtmlReport;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.SessionCheck;
import io.ftpseq.transcript.TranscriptChecker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the sessions of some inputs as a run's store would, and prints what the heap holds for them
 * and what {@link SessionStore#estimate} counts, in bytes, on one line: {@code held estimated
 * sessions}. Run in a JVM of its own, with the serial collector, by {@link SessionFootprintTest}:
 * the heap's use after a full collection, with the sessions and without them, is their cost.
 *
 * <p>Arguments: {@code table} (a 6 MB vsftpd log's sessions as the HTML report keeps those it does
 * not draw), {@code none} (the same without steps, as a JSON run keeps them) or {@code every}
 * (every sample, read 20 times, with every step, as {@code --explain-all} keeps them); then a
 * folder for the generated log.
 */
final class SessionFootprints {

  private SessionFootprints() {}

  public static void main(String[] args) throws IOException {
    String kind = args[0];
    List<Path> inputs = new ArrayList<>();
    if (kind.equals("every")) {
      List<Path> samples;
      try (Stream<Path> files = Files.walk(Path.of("samples"))) {
        samples = files.filter(Files::isRegularFile).sorted().toList();
      }
      for (int pass = 0; pass < 20; pass++) {
        inputs.addAll(samples);
      }
    } else {
      Path log = Path.of(args[1], "vsftpd.log");
      LogGenerator.vsftpd(log, 6 << 20);
      inputs.add(log);
    }
    TranscriptChecker checker = new TranscriptChecker(ProfileChoice.AUTO, null, null);
    if (!kind.equals("none")) {
      checker.keepingSteps();
    }
    SessionStore.Drawings table = HtmlReport.drawings(false);
    List<SessionCheck> kept = new ArrayList<>();
    long base = used();
    for (Path input : inputs) {
      try (InputStream in = Files.newInputStream(input)) {
        checker.check(
            input.toString(),
            in,
            (order, session) -> {
              synchronized (kept) {
                kept.add(kind.equals("table") ? table.undrawn(session) : session);
              }
            });
      }
    }
    long estimated = 0;
    for (SessionCheck session : kept) {
      estimated += SessionStore.estimate(session);
    }
    long with = used();
    int sessions = kept.size();
    kept.clear();
    long without = used();
    System.out.println((with - without) + " " + estimated + " " + sessions + " " + base);
  }

  private static long used() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
