package io.ftpseq.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One explanation, ready to render: a title, sections of translated text, and the language-neutral
 * facts it was built from (for JSON).
 *
 * <p>For example {@code ftpseq explain 503} is a page of kind {@code reply} and subject {@code
 * 503}, with sections such as {@code class}, {@code when} and {@code clientFix}.
 *
 * @param kind what is explained: {@code reply}, {@code command}, {@code rule} or {@code compare}
 * @param subject the code, verb or rule id explained; two codes joined by a space for a comparison
 * @param language the language tag of the texts ({@code en}, {@code fr}, {@code ja})
 * @param title the page title
 * @param sections the sections, in reading order
 * @param facts the data behind the page, keyed by stable names, in a fixed order
 */
public record Page(
    String kind,
    String subject,
    String language,
    String title,
    List<Section> sections,
    Map<String, Object> facts) {

  /** Copies the lists so that a page never changes once built. */
  public Page {
    sections = List.copyOf(sections);
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /**
   * A titled part of a page: paragraphs, then a list.
   *
   * @param id a stable name for tools, for example {@code when} or {@code differences}
   * @param heading the translated heading
   * @param level 1 for a main section, 2 for a section inside the one before it
   * @param paragraphs paragraphs of text
   * @param items list items, shown after the paragraphs
   * @param numbered whether the items are numbered
   */
  public record Section(
      String id,
      String heading,
      int level,
      List<String> paragraphs,
      List<String> items,
      boolean numbered) {

    /** Checks the level and copies the lists. */
    public Section {
      if (level != 1 && level != 2) {
        throw new IllegalArgumentException("a section level is 1 or 2, not " + level);
      }
      paragraphs = List.copyOf(paragraphs);
      items = List.copyOf(items);
    }

    /** A main section of paragraphs only. */
    public static Section text(String id, String heading, String... paragraphs) {
      return new Section(id, heading, 1, List.of(paragraphs), List.of(), false);
    }

    /** A main section that is a bulleted list. */
    public static Section list(String id, String heading, List<String> items) {
      return new Section(id, heading, 1, List.of(), items, false);
    }

    /** The same section at level 2, inside the section before it. */
    public Section nested() {
      return new Section(id, heading, 2, paragraphs, items, numbered);
    }
  }
}
