package io.ftpseq.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

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
  static String unwritable(String option, Path file) {
    Path output = file.toAbsolutePath().normalize();
    if (Files.isDirectory(output)) {
      return option + " " + file + " is a directory; name a file";
    }
    Path parent = output.getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      return option + " " + file + ": the directory " + parent + " does not exist";
    }
    return null;
  }

  @Override
  public Path convert(String value) {
    if (value.length() > 1 && (value.endsWith("/") || value.endsWith(File.separator))) {
      throw new TypeConversionException(
          value + " ends with a slash, so it names a directory; name a file");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + value + "' is not a file name: " + e.getReason());
    }
  }
}
