package io.ftpseq.session;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.Optional;

/**
 * Why a file could not be read, listed or written, in ftpseq's words, so that every command says it
 * in the run's language: an input, a report, the temporary file of sessions, a Spark job's file.
 * ftpseq's own errors say it already ({@link PhrasedError}); the JDK's kinds of failure and the
 * operating system's error texts, which the JDK gives in English ({@code No space left on device}),
 * are said as phrases; a text no table here knows is quoted as the system gave it.
 */
public final class IoReason {

  /**
   * The error texts of the C library (strerror), which the JDK gives as reasons, and their keys.
   */
  private static final Map<String, String> SYSTEM =
      Map.ofEntries(
          Map.entry("Permission denied", "input.reason.denied"),
          Map.entry("No such file or directory", "input.reason.missing"),
          Map.entry("Too many levels of symbolic links", "input.reason.loop"),
          Map.entry("Input/output error", "input.reason.io"),
          Map.entry("Not a directory", "input.reason.notADirectory"),
          Map.entry("Is a directory", "input.reason.isADirectory"),
          Map.entry("File name too long", "input.reason.nameTooLong"),
          Map.entry("No space left on device", "input.reason.noSpace"),
          Map.entry("Disk quota exceeded", "input.reason.quota"),
          Map.entry("Read-only file system", "input.reason.readOnlyFileSystem"),
          Map.entry("Operation not permitted", "input.reason.notPermitted"),
          Map.entry("Device or resource busy", "input.reason.busy"),
          Map.entry("Text file busy", "input.reason.busy"),
          Map.entry("Too many open files", "input.reason.tooManyOpen"),
          Map.entry("Too many open files in system", "input.reason.tooManyOpen"),
          Map.entry("No such device or address", "input.reason.noDevice"),
          Map.entry("Stale file handle", "input.reason.stale"),
          Map.entry("Broken pipe", "input.reason.brokenPipe"));

  private IoReason() {}

  /** Why the operation failed, from the exception it failed with. */
  public static Phrase of(Exception failure) {
    Optional<Phrase> own = PhrasedError.phraseOf(failure);
    if (own.isPresent()) {
      return own.get();
    }
    if (failure instanceof AccessDeniedException) {
      return Phrase.of("input.reason.denied");
    }
    if (failure instanceof NoSuchFileException) {
      return Phrase.of("input.reason.missing");
    }
    if (failure instanceof FileSystemLoopException) {
      return Phrase.of("input.reason.loop");
    }
    if (failure instanceof FileSystemException fs) {
      return fs.getReason() == null ? Phrase.of("input.reason.refused") : system(fs.getReason());
    }
    if (failure instanceof EOFException) {
      return Phrase.of("input.reason.cutShort");
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
    if (failure instanceof FileNotFoundException) {
      // java.io's "NAME (REASON)": the reason alone, the caller names the file; else (Hadoop's
      // "File ... does not exist") the file is missing
      int open = message.lastIndexOf(" (");
      return message.endsWith(")") && open >= 0
          ? system(message.substring(open + 2, message.length() - 1))
          : Phrase.of("input.reason.missing");
    }
    return message.isEmpty() ? Phrase.of("input.reason.io") : system(message);
  }

  /**
   * What the system's error text says, in ftpseq's words: "Too many levels of symbolic links", to
   * which the JDK may add "or unable to access attributes of symbolic link", is a link loop; an
   * unknown text is quoted as it is.
   */
  public static Phrase system(String reason) {
    String said = reason.strip();
    String key = SYSTEM.get(said);
    if (key == null && said.startsWith("Too many levels of symbolic links")) {
      key = "input.reason.loop";
    }
    return key != null ? Phrase.of(key) : Phrase.of("input.reason.system", said);
  }
}
