package io.ftpseq.spark;

import io.ftpseq.rules.SessionCheck;
import io.ftpseq.session.Problem;
import io.ftpseq.session.Source;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;

/**
 * Checks one group on an executor: a single file as {@code ftpseq check} checks it, rotated logs as
 * one stream oldest first (positions pointed back into each file), and rotated packet captures one
 * by one, since a capture cannot be joined to another. A file that cannot be read becomes a problem
 * naming it, as on the command line, and the task goes on.
 */
final class GroupCheck {

  private final JobSettings settings;
  private final CheckerAdapter checker;
  private final SessionRows rows;

  GroupCheck(JobSettings settings) {
    this.settings = settings;
    this.checker = new CheckerAdapter(settings.profile(), settings.format());
    this.rows = new SessionRows(settings.explainer());
  }

  /** The rows of one group. */
  GroupResult check(InputGroup group) {
    GroupResult.Builder out = new GroupResult.Builder();
    if (!group.rotated() || anyCapture(group)) {
      for (InputFile file : group.files()) {
        checkAlone(file, out);
      }
      return out.build();
    }
    GroupStream stream = new GroupStream(group.files(), this::open);
    try (stream) {
      CheckerAdapter.Checked checked = checker.check(group.name(), stream);
      stream.problems().forEach(p -> out.problem(SessionRows.inputProblem(group.name(), p)));
      add(checked, group.name(), stream.lineMap(), out);
    } catch (IOException e) {
      stream.problems().forEach(p -> out.problem(SessionRows.inputProblem(group.name(), p)));
      out.problem(cannotRead(group.name(), stream.currentFile(), e));
    }
    return out.build();
  }

  private void checkAlone(InputFile file, GroupResult.Builder out) {
    try (InputStream in = open(file)) {
      CheckerAdapter.Checked checked = checker.check(file.name(), in);
      add(checked, file.name(), new LineMap(List.of(file.name()), new long[] {0}), out);
    } catch (IOException e) {
      out.problem(cannotRead(file.name(), file, e));
    }
  }

  private void add(
      CheckerAdapter.Checked checked, String input, LineMap lines, GroupResult.Builder out) {
    for (SessionCheck session : checked.sessions()) {
      rows.add(session, input, lines, out);
    }
    if (checked.unreadable() != null) {
      out.problem(SessionRows.inputProblem(input, checked.unreadable()));
    }
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

  /** Opens a file through Hadoop, decompressed when its name ends in .gz. */
  private InputStream open(InputFile file) throws IOException {
    Path path = new Path(file.path());
    InputStream raw = path.getFileSystem(settings.hadoop().configuration()).open(path);
    try {
      return file.gzipped() ? new GZIPInputStream(raw, 1 << 16) : raw;
    } catch (IOException e) {
      raw.close();
      throw e;
    }
  }

  private static Row cannotRead(String input, InputFile file, IOException e) {
    return SessionRows.inputProblem(
        input, new Problem(new Source(file.name(), 0), "cannot read: " + e.getMessage()));
  }
}
