package io.ftpseq.testing.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local account the process servers authenticate against, made by {@code
 * scripts/install-ftp-servers}. Its password is used only by tests on 127.0.0.1.
 */
final class TestUser {

  static final String NAME = "ftpseq";
  static final String PASSWORD = "ftpseq-test-only";

  private TestUser() {}

  /** The user's home directory from {@code /etc/passwd}, empty when there is no such user. */
  static Optional<Path> home() {
    Path passwd = Path.of("/etc/passwd");
    if (!Files.isReadable(passwd)) {
      return Optional.empty();
    }
    try {
      return Files.readAllLines(passwd).stream()
          .map(line -> line.split(":", -1))
          .filter(fields -> fields.length >= 7 && fields[0].equals(NAME))
          .map(fields -> Path.of(fields[5]))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
