package io.ftpseq.probe;

import io.ftpseq.protocol.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes what a server answered to the scenarios as text a person reads: every step with its
 * replies, then each measured situation key with the first reply it got.
 */
final class ConformanceLog {

  private ConformanceLog() {}

  static void write(Path file, String server, List<ScenarioResult> results) throws IOException {
    List<String> lines = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    lines.add("# " + server + ": " + results.size() + " scenarios");
    for (ScenarioResult result : results) {
      lines.add("");
      lines.add("[" + result.scenario().name() + "] " + result.scenario().description());
      for (StepResult step : result.steps()) {
        String key = step.measures() == null ? "" : "  => " + step.measures();
        lines.add(
            String.format(
                Locale.ROOT, "  %2d %-34s %s%s", step.index(), step.command(), replies(step), key));
        if (step.measures() != null) {
          keys.add(String.format(Locale.ROOT, "%-42s %s", step.measures(), first(step)));
        }
      }
      result.problems().forEach(problem -> lines.add("  ! " + problem));
    }
    lines.add("");
    lines.add("# Measured situation keys (first reply)");
    lines.addAll(keys);
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private static String replies(StepResult step) {
    if (step.replies().isEmpty()) {
      return step.closed() ? "(connection closed)" : "(no reply in time)";
    }
    String text =
        step.replies().stream().map(ConformanceLog::reply).collect(Collectors.joining(" | "));
    return step.closed() ? text + " | (connection closed)" : text;
  }

  private static String first(StepResult step) {
    if (step.replies().isEmpty()) {
      return step.closed() ? "0 closed" : "- (no reply in time)";
    }
    return reply(step.replies().get(0));
  }

  private static String reply(Reply reply) {
    return reply.isMultiLine()
        ? reply.firstLine() + " (+" + (reply.lines().size() - 1) + " lines)"
        : reply.firstLine();
  }
}
