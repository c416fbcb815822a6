package io.ftpseq.rules;

import io.ftpseq.session.BadValue;
import io.ftpseq.session.Phrase;
import io.ftpseq.session.PhrasedError;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code --profile NAME|auto|FILE} option names, for every command that takes one ({@code
 * ftpseq check}, the Spark job): {@code auto}, a built-in profile, or a profile JSON file (a value
 * with a path separator or a {@code .json} ending). Anything else, and a file that cannot be read
 * or is not a profile, is refused with a one-line message: a usage error, before any input is read.
 *
 * @param choice how each session's profile is chosen
 * @param json the profile file's JSON text, or {@code null} for {@code auto} and built-ins (for a
 *     job that ships the profile to other machines)
 */
public record ProfileOption(ProfileChoice choice, String json) {

  /** The value that picks a profile per session from what the server says of itself. */
  public static final String AUTO = "auto";

  /** Reads the text of a profile file, wherever the command reads files from. */
  @FunctionalInterface
  public interface FileReader {
    /**
     * The file's text.
     *
     * @throws IOException if it cannot be read; {@link NoSuchFileException} or {@link
     *     FileNotFoundException} if it does not exist, a {@link CharacterCodingException} if it is
     *     not UTF-8
     */
    String read(String file) throws IOException;
  }

  /**
   * A value that is neither {@code auto}, a built-in profile's name nor a file; its {@link
   * #reason()} lists the known profiles, without the suggestion a command line may add.
   */
  public static final class UnknownProfileException extends IllegalArgumentException
      implements PhrasedError {
    private static final long serialVersionUID = 1L;

    private final String value;

    UnknownProfileException(String value) {
      super(describe(value, ""));
      this.value = value;
    }

    /** The value given. */
    public String value() {
      return value;
    }

    @Override
    public Phrase reason() {
      return Phrase.of(
          "usage.unknownProfile",
          value,
          "",
          Phrase.of("usage.knownProfiles.orFile", String.join(", ", names())));
    }

    /**
     * The message with a suggestion after the value, such as {@code " (did you mean 'vsftpd'?)"}.
     */
    public String describe(String suggestion) {
      return describe(value, suggestion);
    }

    private static String describe(String value, String suggestion) {
      return "unknown profile '"
          + value
          + "'"
          + suggestion
          + "; known profiles: "
          + String.join(", ", ServerProfiles.names())
          + ", "
          + AUTO
          + ", or a profile JSON file";
    }
  }

  /** Every name the option takes besides a file: the built-ins and {@code auto}. */
  public static List<String> names() {
    List<String> names = new ArrayList<>(ServerProfiles.names());
    names.add(AUTO);
    return names;
  }

  /** Whether the value names a file rather than a profile: a path separator or a .json ending. */
  public static boolean namesFile(String value) {
    return value.endsWith(".json") || value.contains("/") || value.contains("\\");
  }

  /**
   * Refuses a value that can name nothing, without reading any file.
   *
   * @throws UnknownProfileException if the value is neither {@code auto}, a built-in nor a file
   */
  public static void check(String value) {
    if (!value.equals(AUTO) && ServerProfiles.builtIn(value).isEmpty() && !namesFile(value)) {
      throw new UnknownProfileException(value);
    }
  }

  /**
   * The profile the value names, a file's read with the reader.
   *
   * @throws UnknownProfileException if the value is neither {@code auto}, a built-in nor a file
   * @throws BadValue if the file cannot be read or is not a profile; the message is one line,
   *     {@code profile FILE: why}
   */
  public static ProfileOption of(String value, FileReader files) {
    if (value.equals(AUTO)) {
      return new ProfileOption(ProfileChoice.AUTO, null);
    }
    Optional<ServerProfile> builtIn = ServerProfiles.builtIn(value);
    if (builtIn.isPresent()) {
      return new ProfileOption(ProfileChoice.of(builtIn.get()), null);
    }
    check(value);
    String json;
    try {
      json = files.read(value);
    } catch (NoSuchFileException | FileNotFoundException e) {
      throw new BadValue(Phrase.of("usage.profileFile.missing", value));
    } catch (CharacterCodingException e) {
      // not "Input length = 1", the JDK's words for a byte that is not UTF-8
      throw new BadValue(
          Phrase.of("usage.profileFile.unreadable", value, Phrase.of("usage.profileFile.notUtf8")));
    } catch (IOException | RuntimeException e) {
      throw new BadValue(Phrase.of("usage.profileFile.unreadable", value, oneLine(e)));
    }
    try {
      return new ProfileOption(ProfileChoice.of(ServerProfiles.read(value, json)), json);
    } catch (IOException | RuntimeException e) {
      // what is wrong inside the file is said by the JSON reader and the profile's checks, in the
      // words of its fields
      throw new BadValue(
          Phrase.of(
              "usage.profileFile.invalid",
              PhrasedError.phraseOf(e).<Object>map(p -> p).orElseGet(() -> oneLine(e))));
    }
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
