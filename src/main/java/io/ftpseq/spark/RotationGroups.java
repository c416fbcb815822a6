package io.ftpseq.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups a server's rotated logs so they are read in order as one stream. logrotate and newsyslog
 * name the generations of {@code vsftpd.log} as {@code vsftpd.log.1}, {@code vsftpd.log.2.gz}, ...
 * (the higher the number, the older) or, with {@code dateext}, {@code vsftpd.log-20261122[.gz]}
 * (the earlier the date, the older); the current log keeps the plain name. Files of one directory
 * that share the plain name form a group, oldest first and the current log last; a file with no
 * sibling stays alone.
 */
public final class RotationGroups {

  private static final Pattern NUMBERED = Pattern.compile("(.+)\\.(\\d{1,6})");
  private static final Pattern DATED = Pattern.compile("(.+)-(\\d{8}(?:\\d{2})?)");

  /** A file's place among its generations: the current log's name, and how old it is. */
  private record Generation(String base, int kind, String age, InputFile file) {
    /** Dated generations first (oldest date first), then numbered (highest first), then current. */
    static final Comparator<Generation> OLDEST_FIRST =
        Comparator.comparingInt(Generation::kind)
            .thenComparing(
                (a, b) ->
                    a.kind == NUMBERED_KIND
                        ? Long.compare(Long.parseLong(b.age), Long.parseLong(a.age))
                        : a.age.compareTo(b.age))
            .thenComparing(g -> g.file.name());
  }

  private static final int DATED_KIND = 0;
  private static final int NUMBERED_KIND = 1;
  private static final int CURRENT_KIND = 2;

  private RotationGroups() {}

  /** Every file in a group of its own, for {@code --no-rotation}; sorted by name. */
  public static List<InputGroup> single(List<InputFile> files) {
    return files.stream()
        .sorted(Comparator.comparing(InputFile::name))
        .map(InputGroup::of)
        .toList();
  }

  /** The files grouped by rotation, groups sorted by name, each group oldest first. */
  public static List<InputGroup> group(List<InputFile> files) {
    Map<String, List<Generation>> byBase = new TreeMap<>();
    List<InputGroup> groups = new ArrayList<>();
    for (InputFile file : files) {
      if (file.mayBeReport()) {
        // only its end tells whether it is a report: read alone, to its end
        groups.add(InputGroup.of(file));
        continue;
      }
      Generation generation = generation(file);
      byBase.computeIfAbsent(generation.base(), b -> new ArrayList<>()).add(generation);
    }
    for (Map.Entry<String, List<Generation>> entry : byBase.entrySet()) {
      List<Generation> generations = entry.getValue();
      if (generations.size() == 1) {
        groups.add(InputGroup.of(generations.get(0).file()));
        continue;
      }
      generations.sort(Generation.OLDEST_FIRST);
      groups.add(
          new InputGroup(entry.getKey(), generations.stream().map(Generation::file).toList()));
    }
    groups.sort(Comparator.comparing(InputGroup::name));
    return groups;
  }

  /** The name of the current log a file is a generation of, and its age. */
  private static Generation generation(InputFile file) {
    String name =
        file.name().endsWith(".gz")
            ? file.name().substring(0, file.name().length() - 3)
            : file.name();
    Matcher numbered = NUMBERED.matcher(name);
    if (numbered.matches() && !lastSegment(numbered.group(1)).isEmpty()) {
      return new Generation(numbered.group(1), NUMBERED_KIND, numbered.group(2), file);
    }
    Matcher dated = DATED.matcher(name);
    if (dated.matches() && !lastSegment(dated.group(1)).isEmpty()) {
      return new Generation(dated.group(1), DATED_KIND, dated.group(2), file);
    }
    return new Generation(name, CURRENT_KIND, "", file);
  }

  /** The part of a name after its last slash: a rotation suffix needs a file name before it. */
  private static String lastSegment(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }
}
