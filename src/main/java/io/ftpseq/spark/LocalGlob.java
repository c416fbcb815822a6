package io.ftpseq.spark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A glob among the job's inputs expanded on the local file system as a shell expands it: each part
 * of the path with a star, question mark, bracket or brace in it matches the names in its directory
 * ({@code logs/vsftpd.log*}), a link to nothing included, so that {@link
 * io.ftpseq.listing.InputWalk} says it as {@code ftpseq check} says a name the shell gave it.
 * Hadoop's own expansion drops such a link without a word and hides {@code .crc} files.
 */
final class LocalGlob {

  private LocalGlob() {}

  /** Whether the name has a character a glob gives a meaning to. */
  static boolean isGlob(String name) {
    return name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  /** The paths the glob matches, in name order; none when it matches nothing. */
  static List<Path> matches(Path glob) {
    List<Path> found = new ArrayList<>();
    found.add(glob.getRoot());
    for (Path part : glob) {
      List<Path> next = new ArrayList<>();
      for (Path base : found) {
        if (isGlob(part.toString())) {
          next.addAll(matching(base, part.toString()));
        } else {
          next.add(base == null ? part : base.resolve(part));
        }
      }
      found = next;
    }
    return found.stream()
        .filter(p -> p != null && Files.exists(p, LinkOption.NOFOLLOW_LINKS))
        .sorted()
        .toList();
  }

  /** The names in a directory that match one part of a glob, as paths under {@code base}. */
  private static List<Path> matching(Path base, String pattern) {
    Path directory = base == null ? Path.of("") : base;
    List<Path> names = new ArrayList<>();
    if (!Files.isDirectory(base == null ? Path.of(".") : base)) {
      return names;
    }
    try (DirectoryStream<Path> entries =
        Files.newDirectoryStream(base == null ? Path.of(".") : base, pattern)) {
      for (Path entry : entries) {
        names.add(directory.resolve(entry.getFileName()));
      }
    } catch (IOException | IllegalArgumentException e) {
      // a directory that cannot be listed, or a part that is no glob: it matches nothing
    }
    names.sort(null);
    return names;
  }
}
