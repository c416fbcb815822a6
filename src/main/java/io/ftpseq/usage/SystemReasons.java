package io.ftpseq.usage;

import io.ftpseq.session.Phrase;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * What the JDK and the operating system say in English, said in ftpseq's words so that a French or
 * Japanese run says it in its language: the reason a file system refused a file ({@code
 * FileSystemException.getReason()}, the system's error text, such as "Not a directory"), and why a
 * glob is not one ({@code PatternSyntaxException.getDescription()}, such as "Missing ']"). A reason
 * no table here knows is quoted as the system gave it.
 */
public final class SystemReasons {

  /**
   * The error texts of the C library (strerror), which the JDK gives as reasons, and their keys.
   */
  private static final Map<String, String> FILE_SYSTEM =
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

  /** The descriptions of {@code sun.nio.fs.Globs}, which name a glob's mistake, and their keys. */
  private static final Map<String, String> GLOB =
      Map.ofEntries(
          Map.entry("Missing ']", "usage.glob.missingBracket"),
          Map.entry("Missing '}", "usage.glob.missingBrace"),
          Map.entry("Cannot nest groups", "usage.glob.nestedGroups"),
          Map.entry("Explicit 'name separator' in class", "usage.glob.separatorInClass"),
          Map.entry("Invalid range", "usage.glob.invalidRange"),
          Map.entry("No character to escape", "usage.glob.nothingToEscape"));

  private SystemReasons() {}

  /**
   * What the system's reason says, in ftpseq's words: "Too many levels of symbolic links", to which
   * the JDK may add "or unable to access attributes of symbolic link", is a link loop; an unknown
   * reason is quoted as it is.
   */
  public static Phrase said(String reason) {
    String said = reason.strip();
    String key = FILE_SYSTEM.get(said);
    if (key == null && said.startsWith("Too many levels of symbolic links")) {
      key = "input.reason.loop";
    }
    return key != null ? Phrase.of(key) : Phrase.of("input.reason.system", said);
  }

  /**
   * Why {@code glob} is not one, naming where in it when the mistake is the glob's own (the JDK
   * counts from 0; people from 1). A mistake found only in the regular expression the glob becomes
   * ({@code []} is "Unclosed character class" at a place in that expression) has no place in the
   * glob to name.
   */
  public static Phrase glob(String glob, PatternSyntaxException e) {
    String key = GLOB.get(e.getDescription());
    if (key == null) {
      return Phrase.of("usage.notAGlob", glob, Phrase.of("usage.glob.other"));
    }
    return Phrase.of("usage.notAGlob.at", glob, Phrase.of(key), e.getIndex() + 1);
  }
}
