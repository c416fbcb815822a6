package io.ftpseq.spark;

import io.ftpseq.session.Source;
import java.util.List;

/**
 * Points a line of a group's stream back to the file it came from and that file's own line. A
 * capture or a single file maps to itself.
 */
final class LineMap {

  private final List<String> names;
  private final long[] starts;

  /**
   * A map over files with the given line counts.
   *
   * @param names the files' names, in stream order
   * @param lineCounts how many lines each file gave the stream
   */
  LineMap(List<String> names, long[] lineCounts) {
    this.names = List.copyOf(names);
    this.starts = new long[lineCounts.length];
    long start = 0;
    for (int i = 0; i < lineCounts.length; i++) {
      starts[i] = start;
      start += lineCounts[i];
    }
  }

  /**
   * The place in its own file of a place in the stream. A single file keeps its places (lines or
   * packets); a place with no line (the input as a whole, line 0) takes the group's name.
   */
  Source locate(Source source, String groupName) {
    if (names.size() == 1) {
      return new Source(names.get(0), source.line(), source.unit(), source.time());
    }
    if (source.line() == 0) {
      return new Source(groupName, 0, source.unit(), source.time());
    }
    int low = 0;
    int high = starts.length - 1;
    while (low < high) {
      int middle = (low + high + 1) >>> 1;
      if (starts[middle] < source.line()) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return new Source(names.get(low), source.line() - starts[low], source.unit(), source.time());
  }
}
