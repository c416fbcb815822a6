package io.ftpseq.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Lines for a reader written by hand to be held against the pattern it stands for: real lines, and
 * many more made from them by small random edits in the characters that matter to the pattern, so
 * that the near misses a pattern decides on its edges are there too. Seeded: the same lines each
 * run.
 */
final class LineMutations {

  private LineMutations() {}

  /** Every line of every file in a folder of samples. */
  static List<String> linesOf(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<String> lines = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lines and {@code count} edited copies of them: one to three characters inserted, deleted or
   * replaced by one of {@code alphabet}, or a stretch of the line doubled.
   */
  static List<String> of(List<String> lines, String alphabet, int count) {
    Random random = new Random(20261201L);
    List<String> out = new ArrayList<>(lines);
    for (int i = 0; i < count; i++) {
      StringBuilder line = new StringBuilder(lines.get(random.nextInt(lines.size())));
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        int at = random.nextInt(line.length() + 1);
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        switch (random.nextInt(4)) {
          case 0 -> line.insert(at, c);
          case 1 -> {
            if (at < line.length()) {
              line.deleteCharAt(at);
            }
          }
          case 2 -> {
            if (at < line.length()) {
              line.setCharAt(at, c);
            }
          }
          default -> {
            int end = Math.min(line.length(), at + 1 + random.nextInt(12));
            line.insert(at, line.substring(at, end));
          }
        }
      }
      out.add(line.toString());
    }
    return out;
  }

  /**
   * Holds a reader written by hand to the pattern it stands for: each line is read by both, each
   * giving the parts it took apart or {@code null} for a line it does not read, and they must give
   * the same. Returns how many lines they read.
   */
  static int assertReadAlike(
      List<String> lines,
      Function<String, List<String>> byHand,
      Function<String, List<String>> byPattern) {
    int read = 0;
    for (String line : lines) {
      List<String> expected = byPattern.apply(line);
      assertThat(byHand.apply(line)).as(line).isEqualTo(expected);
      read += expected == null ? 0 : 1;
    }
    return read;
  }

  /** The groups of a pattern's match of the whole line, or {@code null} when it does not match. */
  static List<String> groups(Matcher matcher, int... groups) {
    if (!matcher.matches()) {
      return null;
    }
    return Arrays.stream(groups).mapToObj(matcher::group).toList();
  }
}
