package io.ftpseq.cli;

import io.ftpseq.session.Phrase;
import io.ftpseq.usage.RefusedValue;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads a report's file name. A name that ends with a slash names a directory, which the path
 * itself would forget ({@code Path.of("report/")} is {@code report}): such a name is refused rather
 * than taken as the file {@code report}.
 */
final class OutputOption implements ITypeConverter<Path> {

  /**
   * What is wrong with a file an option names to be written, or null: a directory, or a file in a
   * directory that does not exist. Said before anything runs, in the same words for every option
   * that names a file to write ({@code check --output}, {@code probe --output}, {@code profiles
   * --save}), rather than once the work is done, as a stack trace.
   */
  static Phrase unwritable(String option, Path file) {
    Path output = file.toAbsolutePath().normalize();
    if (Files.isDirectory(output)) {
      return Phrase.of("usage.output.isDirectory", option, file.toString());
    }
    Path parent = output.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      return Phrase.of("usage.output.noDirectory", option, file.toString(), parent.toString());
    }
    return null;
  }

  @Override
  public Path convert(String value) {
    if (value.length() > 1 && (value.endsWith("/") || value.endsWith(File.separator))) {
      throw new RefusedValue(Phrase.of("usage.output.slash", value));
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new RefusedValue(Phrase.of("usage.output.notAName", value, e.getReason()));
    }
  }
}
