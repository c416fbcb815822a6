package io.ftpseq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build this is: the version, and the git commit and its date, written by Maven into {@code
 * build.properties} when the classes were built. A build outside a git checkout has no commit.
 *
 * @param version the project version, for example {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated commit id, or empty
 * @param date the commit's date (ISO 8601), or empty
 * @param dirty whether the working tree had uncommitted changes
 */
record Build(String version, String commit, String date, boolean dirty) {

  /** The build of these classes. */
  static Build read() {
    Properties properties = new Properties();
    try (InputStream in = Build.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Build(
        known(properties.getProperty("version"), "development"),
        known(properties.getProperty("commit"), ""),
        known(properties.getProperty("date"), ""),
        "true".equals(properties.getProperty("dirty")));
  }

  /** The value, or the fallback when Maven did not fill it in (no git, or not built by Maven). */
  private static String known(String value, String fallback) {
    return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
  }

  /** The commit in words: {@code commit 1a2b3c4 of 2026-11-28T16:21:00Z}, or that none is known. */
  String describe() {
    if (commit.isEmpty()) {
      return "commit unknown";
    }
    return "commit "
        + commit
        + (dirty ? " with uncommitted changes" : "")
        + (date.isEmpty() ? "" : " of " + date);
  }
}
