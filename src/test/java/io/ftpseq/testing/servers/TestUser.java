package io.ftpseq.testing.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The local account the process servers authenticate against, one of those made by {@code
 * scripts/install-ftp-servers}. Each test run claims one for itself with a lock file held until its
 * JVM ends, so two builds on one machine never share a home directory (and never see each other's
 * files). Their password is used only by tests on 127.0.0.1.
 */
final class TestUser {

  /** The accounts, in the order they are tried. */
  static final List<String> NAMES = List.of("ftpseq", "ftpseq2", "ftpseq3", "ftpseq4");

  static final String PASSWORD = "ftpseq-test-only";

  /** The account this run claimed: its name and home directory. */
  record Account(String name, Path home) {}

  private static Account claimed;

  /** Kept open for the run: closing it would release the lock. */
  @SuppressWarnings("unused")
  private static FileLock lock;

  private TestUser() {}

  /**
   * The account this run uses, claimed on first use: the first one no other run holds, or, when all
   * are held, the first one as soon as its run ends. Empty when no account exists.
   */
  static synchronized Optional<Account> account() {
    if (claimed == null) {
      List<Account> existing = NAMES.stream().flatMap(n -> home(n).stream()).toList();
      if (existing.isEmpty()) {
        return Optional.empty();
      }
      claimed = claim(existing);
    }
    return Optional.of(claimed);
  }

  private static Account claim(List<Account> accounts) {
    try {
      for (Account account : accounts) {
        FileLock free = channel(account).tryLock();
        if (free != null) {
          lock = free;
          return account;
        }
      }
      lock = channel(accounts.get(0)).lock();
      return accounts.get(0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot claim a test account", e);
    }
  }

  private static FileChannel channel(Account account) throws IOException {
    return FileChannel.open(
        Path.of(System.getProperty("java.io.tmpdir"), "ftpseq-test-account-" + account.name()),
        StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
  }

  /** An account's home directory from {@code /etc/passwd}, empty when there is no such user. */
  private static Optional<Account> home(String name) {
    Path passwd = Path.of("/etc/passwd");
    if (!Files.isReadable(passwd)) {
      return Optional.empty();
    }
    try {
      return Files.readAllLines(passwd).stream()
          .map(line -> line.split(":", -1))
          .filter(fields -> fields.length >= 7 && fields[0].equals(name))
          .map(fields -> new Account(name, Path.of(fields[5])))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
