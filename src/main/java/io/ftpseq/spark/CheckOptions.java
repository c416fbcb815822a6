package io.ftpseq.spark;

import io.ftpseq.rules.Severity;
import io.ftpseq.usage.Language;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one run of the Spark check is asked to do.
 *
 * @param inputs Hadoop paths, directories or globs to check
 * @param output the directory to write the tables and summaries under
 * @param profile {@code auto}, a built-in profile's name, or a profile JSON file
 * @param failOn the least severity that makes the run fail, or {@code null} for never
 * @param language {@code en}, {@code fr} or {@code ja}
 * @param format the format to read every input as, or {@code null} to detect it per file
 * @param rotation whether rotated logs are read together as one stream
 * @param maxTasks the most tasks to deal the files to, or 0 for four per core of the cluster
 */
public record CheckOptions(
    List<String> inputs,
    String output,
    String profile,
    Severity failOn,
    String language,
    String format,
    boolean rotation,
    int maxTasks) {

  /** Validates and copies the parts. */
  public CheckOptions {
    inputs = List.copyOf(inputs);
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(language, "language");
    if (Arrays.stream(Language.values()).noneMatch(l -> l.name().equals(language))) {
      throw new IllegalArgumentException(
          "language must be one of " + Arrays.toString(Language.values()) + ", not " + language);
    }
    if (maxTasks < 0) {
      throw new IllegalArgumentException("maxTasks must be 0 or more, not " + maxTasks);
    }
  }

  /** The defaults of {@code ftpseq check}: rfc profile, fail on errors, English, rotation on. */
  public static CheckOptions of(List<String> inputs, String output) {
    return new CheckOptions(inputs, output, "rfc", Severity.ERROR, "en", null, true, 0);
  }
}
