package io.ftpseq.listing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * A glob among the names given to {@code ftpseq check} or the Spark job, expanded on the local file
 * system by one rule, bash's with {@code globstar} set (the shell that expands an unquoted glob for
 * {@code check}):
 *
 * <ul>
 *   <li>braces first, in the order written: {@code logs/{b,a}.log} is {@code logs/b.log} then
 *       {@code logs/a.log}, each expanded on its own;
 *   <li>{@code *}, {@code ?} and {@code [...]} ({@code [!...]} for none of) match within one part
 *       of the path, and never a name's leading dot unless the part starts with one: hidden files
 *       are left out, as by the shell ({@code logs/.*} names them);
 *   <li>{@code **} as a whole part matches any number of directories, none included, never entering
 *       a hidden one or a link to a directory (a link to a parent would never end);
 *   <li>a pattern's matches come in name order (by code point, as in the C locale), a link to
 *       nothing included;
 *   <li>a pattern that matches nothing is kept as written, so that it is said as a name that is not
 *       there, as bash gives it on to the command.
 * </ul>
 *
 * <p>A name that is there as written is never expanded (a file named {@code a[1].log}). A directory
 * named or matched is read whole, hidden files included, as {@code grep -r} reads it.
 *
 * <p>Example: {@code ShellGlob.expand("logs/*.log")} gives {@code [logs/a.log, logs/b.log]}.
 */
public final class ShellGlob {

  private static final String DOUBLE_STAR = "**";

  private ShellGlob() {}

  /** Whether the name has a wildcard or a brace set ({@code {a,b}}) that a glob expands. */
  public static boolean isGlob(String name) {
    return hasWildcard(name) || braces(name).size() > 1;
  }

  /**
   * The names the glob gives, in order; each brace alternative that matches nothing is kept as
   * written. A name that is no glob is itself.
   */
  public static List<String> expand(String glob) {
    List<String> names = new ArrayList<>();
    for (String alternative : braces(glob)) {
      if (!hasWildcard(alternative)) {
        names.add(alternative);
        continue;
      }
      List<String> matches = matches(alternative);
      if (matches.isEmpty()) {
        names.add(alternative);
      } else {
        names.addAll(matches);
      }
    }
    return names;
  }

  private static boolean hasWildcard(String name) {
    return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
  }

  /** The brace alternatives of a pattern, in the order written; nested sets expanded too. */
  static List<String> braces(String pattern) {
    int open = -1;
    int depth = 0;
    List<Integer> commas = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{') {
        if (depth++ == 0) {
          open = i;
          commas.clear();
        }
      } else if (c == ',' && depth == 1) {
        commas.add(i);
      } else if (c == '}' && depth > 0 && --depth == 0) {
        if (commas.isEmpty()) {
          continue; // {a} is no set: bash keeps it as written
        }
        String before = pattern.substring(0, open);
        String after = pattern.substring(i + 1);
        List<String> alternatives = new ArrayList<>();
        int start = open + 1;
        commas.add(i);
        for (int comma : commas) {
          for (String expanded : braces(before + pattern.substring(start, comma) + after)) {
            alternatives.add(expanded);
          }
          start = comma + 1;
        }
        return alternatives;
      }
    }
    return List.of(pattern);
  }

  /** The paths a pattern with no braces matches, as names written as the pattern is. */
  private static List<String> matches(String pattern) {
    boolean absolute = pattern.startsWith("/");
    List<String> found = new ArrayList<>(List.of(absolute ? "/" : ""));
    String[] parts = pattern.split("/+", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        continue;
      }
      List<String> next = new ArrayList<>();
      for (String base : found) {
        if (part.equals(DOUBLE_STAR)) {
          next.add(base);
          descendants(base, next);
        } else if (hasWildcard(part)) {
          next.addAll(matching(base, part));
        } else {
          next.add(join(base, part));
        }
      }
      found = next;
    }
    List<String> matches = new ArrayList<>();
    for (String path : found) {
      if (!path.isEmpty()
          && !matches.contains(path)
          && Files.exists(local(path), LinkOption.NOFOLLOW_LINKS)) {
        matches.add(path);
      }
    }
    matches.sort(null);
    return matches;
  }

  /** The directories under {@code base}, at any depth, but hidden ones and links to directories. */
  private static void descendants(String base, List<String> into) {
    for (String entry : entries(base)) {
      String name = entry.substring(entry.lastIndexOf('/') + 1);
      if (!name.startsWith(".") && Files.isDirectory(local(entry), LinkOption.NOFOLLOW_LINKS)) {
        into.add(entry);
        descendants(entry, into);
      }
    }
  }

  /** The names in {@code base} that match one part of a pattern, leading dots as the shell has. */
  private static List<String> matching(String base, String part) {
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + part);
    } catch (PatternSyntaxException e) {
      return List.of(); // "[" unclosed: bash matches it as written, which is no glob
    }
    List<String> names = new ArrayList<>();
    for (String entry : entries(base)) {
      String name = entry.substring(entry.lastIndexOf('/') + 1);
      if ((!name.startsWith(".") || part.startsWith(".")) && matcher.matches(Path.of(name))) {
        names.add(entry);
      }
    }
    return names;
  }

  /** The names in a directory, sorted, as paths under {@code base}; none when it is none. */
  private static List<String> entries(String base) {
    Path directory = local(base);
    List<String> entries = new ArrayList<>();
    if (!Files.isDirectory(directory)) {
      return entries;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
      for (Path entry : stream) {
        entries.add(join(base, entry.getFileName().toString()));
      }
    } catch (IOException | SecurityException e) {
      // a directory that cannot be listed matches nothing, as for the shell
    }
    entries.sort(null);
    return entries;
  }

  private static String join(String base, String name) {
    if (base.isEmpty()) {
      return name;
    }
    return base.endsWith("/") ? base + name : base + "/" + name;
  }

  private static Path local(String path) {
    return Path.of(path.isEmpty() ? "." : path);
  }
}
