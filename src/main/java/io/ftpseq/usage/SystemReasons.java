package io.ftpseq.usage;

import io.ftpseq.session.Phrase;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * What the JDK says in English of a glob given on the command line, said in ftpseq's words so that
 * a French or Japanese run says it in its language: why it is not one ({@code
 * PatternSyntaxException.getDescription()}, such as "Missing ']"). Why a file failed is {@link
 * io.ftpseq.session.IoReason}'s.
 */
public final class SystemReasons {

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
