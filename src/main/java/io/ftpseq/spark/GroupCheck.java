package io.ftpseq.spark;

import io.ftpseq.explain.Explainer;
import io.ftpseq.listing.OwnReports;
import io.ftpseq.session.Gunzipped;
import io.ftpseq.session.InputSummary;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.hadoop.fs.Path;

/**
 * Checks one group on an executor: a single file as {@code ftpseq check} checks it, rotated logs as
 * one input read oldest first as one stream (positions pointed back into each file), and rotated
 * packet captures one by one, since a capture cannot be joined to another. Sessions become rows as
 * they end; each input gives a row of counts and a row per problem of its own. A file that cannot
 * be read is a problem naming it, as on the command line, and the task goes on.
 */
final class GroupCheck {

  private final JobSettings settings;
  private final CheckerAdapter checker;
  private final Explainer explainer;
  private final SessionRows rows;

  GroupCheck(JobSettings settings) {
    this.settings = settings;
    this.checker = new CheckerAdapter(settings.profile(), settings.format());
    this.explainer = settings.explainer();
    this.rows = new SessionRows(explainer);
  }

  /** Adds the rows of one group. */
  void check(InputGroup group, GroupResult.Builder out) {
    if (!group.rotated() || anyCapture(group)) {
      for (InputFile file : group.files()) {
        checkAlone(file, out);
      }
    } else {
      checkJoined(group, out);
    }
  }

  /**
   * Checks one file as an input of its own. A file that may be a gzip-compressed text report keeps
   * its last bytes as it is read: when no reader knew it, it was read to its end, where a report
   * has its summary line, and it is then a report, no input, as for {@code ftpseq check}.
   */
  private void checkAlone(InputFile file, GroupResult.Builder out) {
    LineMap lines = new LineMap(List.of(file.name()), new long[] {0});
    InputSummary input = null;
    OwnReports.KeepingItsEnd kept = null;
    try (InputStream opened = open(file)) {
      kept = file.mayBeReport() ? new OwnReports.KeepingItsEnd(opened) : null;
      input =
          checker.check(
              file.name(),
              kept != null ? kept : opened,
              (order, s) -> rows.add(s, file.name(), lines, out, file.order(), order));
    } catch (IOException e) {
      // when only closing failed, the whole file was read and its summary stands
      if (input == null) {
        input = CheckerAdapter.unreadable(file.name(), e);
        kept = null;
      }
    }
    if (kept != null && input.format().isEmpty() && kept.endsAsTextReport()) {
      out.report(file.name());
      return;
    }
    InputRows.add(input, List.of(file.name()), lines, out, explainer);
  }

  private void checkJoined(InputGroup group, GroupResult.Builder out) {
    List<String> names = group.files().stream().map(InputFile::name).toList();
    GroupStream stream = new GroupStream(group.files(), this::open);
    int first = group.files().stream().mapToInt(InputFile::order).min().orElse(0);
    InputSummary input;
    try (stream) {
      // a session ends once its lines are read, so the lines read so far place it
      input =
          checker.check(
              group.name(),
              stream,
              (order, s) -> rows.add(s, group.name(), stream.lineMap(), out, first, order));
    } catch (IOException e) {
      input = CheckerAdapter.unreadable(group.name(), e);
    }
    InputRows.add(
        InputRows.withProblems(input, stream.problems()), names, stream.lineMap(), out, explainer);
  }

  /** Whether a file of the group is a packet capture; an unreadable one is left to the check. */
  private boolean anyCapture(InputGroup group) {
    for (InputFile file : group.files()) {
      try (InputStream in = open(file)) {
        if (CheckerAdapter.isCapture(in.readNBytes(CheckerAdapter.captureMagicBytes()))) {
          return true;
        }
      } catch (IOException e) {
        // reported when the group is read
      }
    }
    return false;
  }

  /**
   * Opens a file through Hadoop, decompressed when it is gzip (named .gz, or starting with gzip's
   * bytes), its faults said as {@code ftpseq check} says them.
   */
  private InputStream open(InputFile file) throws IOException {
    Path path = new Path(file.path());
    InputStream raw =
        new LocalReadErrors(path.getFileSystem(settings.hadoop().configuration()).open(path));
    try {
      return Gunzipped.decompressed(file.name(), raw);
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }
}
