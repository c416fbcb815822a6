package io.ftpseq.cli;

import java.io.File;
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
