package io.ftpseq.cli;

import io.ftpseq.report.html.InputLines;
import io.ftpseq.transcript.TranscriptLines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * The raw lines of the files a run checked, read again for the HTML report. Standard input, a FIFO
 * or a device cannot be read twice, so they have none.
 */
final class CheckedFileLines implements InputLines {

  private final Map<String, Path> files = new HashMap<>();

  CheckedFileLines(List<Inputs.Input> inputs) {
    for (Inputs.Input input : inputs) {
      if (input.path() != null && Files.isRegularFile(input.path())) {
        files.put(input.name(), input.path());
      }
    }
  }

  @Override
  public Map<Long, String> read(String input, String format, NavigableSet<Long> lines)
      throws IOException {
    Path path = files.get(input);
    if (path == null) {
      return Map.of();
    }
    try (InputStream raw = Files.newInputStream(path);
        InputStream in = Inputs.decompressed(input, raw)) {
      return TranscriptLines.readShown(in, format, lines);
    }
  }
}
