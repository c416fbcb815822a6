package io.ftpseq.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import io.ftpseq.rules.Situation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every code, verb and rule has every text in every language, and the translations agree with the
 * English bundle key for key and placeholder for placeholder.
 */
class KnowledgeBaseCompletenessTest {

  /**
   * The codes the knowledge base must explain: RFC 959, 2228, 2428, 1639, the 554 and 555 of RFC
   * 1123 and 3659 (a REST offset refused), and common extras.
   */
  private static final List<Integer> REQUIRED =
      List.of(
          110, 120, 125, 150, 200, 202, 211, 212, 213, 214, 215, 220, 221, 225, 226, 227, 228, 229,
          230, 232, 234, 235, 250, 257, 331, 332, 334, 335, 336, 350, 421, 425, 426, 430, 431, 434,
          450, 451, 452, 500, 501, 502, 503, 504, 521, 522, 530, 532, 533, 534, 535, 536, 537, 550,
          551, 552, 553, 554, 555, 631, 632, 633);

  private static final List<String> LANGUAGES = List.of("", "_fr", "_ja");
  private static final List<String> REPLY_FIELDS =
      List.of("description", "when", "client", "server");
  private static final List<String> RULE_FIELDS = List.of("title", "message", "explanation", "fix");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

  static Properties bundle(String baseName, String suffix) throws IOException {
    String path = "/" + baseName.replace('.', '/') + suffix + ".properties";
    Properties properties = new Properties();
    try (InputStream in = KnowledgeBaseCompletenessTest.class.getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        properties.load(reader);
      }
    }
    return properties;
  }

  private static String messages(String suffix) {
    return Explainer.bundleNames().get(0) + suffix;
  }

  @Test
  void catalogueHasEveryRequiredCode() {
    assertThat(ReplyCatalog.standard().codes()).containsAll(REQUIRED);
  }

  @Test
  void catalogueHasEveryCodeAVerbMayGet() {
    for (Verb verb : Verb.values()) {
      assertThat(ReplyCatalog.standard().codes()).as(verb.name()).containsAll(verb.replyCodes());
    }
  }

  @Test
  void relatedCodesAreKnown() {
    ReplyCatalog catalog = ReplyCatalog.standard();
    for (int code : catalog.codes()) {
      assertThat(catalog.codes()).as("related of " + code).containsAll(catalog.related(code));
      assertThat(catalog.related(code)).as("related of " + code).doesNotContain(code);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_fr", "_ja"})
  void everyCodeHasEveryText(String language) throws IOException {
    Properties messages = bundle(Explainer.bundleNames().get(0), language);
    Properties replies = bundle(Explainer.bundleNames().get(1), language);
    for (int code : ReplyCatalog.standard().codes()) {
      assertThat(messages.getProperty("reply." + code))
          .as(language + " reply." + code)
          .isNotBlank();
      for (String field : REPLY_FIELDS) {
        assertThat(replies.getProperty(code + "." + field))
            .as(language + " " + code + "." + field)
            .isNotBlank();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_fr", "_ja"})
  void everyVerbHasASummary(String language) throws IOException {
    Properties commands = bundle(Explainer.bundleNames().get(2), language);
    for (Verb verb : CommandCatalog.verbs()) {
      assertThat(commands.getProperty(verb.name())).as(language + " " + verb).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_fr", "_ja"})
  void everyRuleAndSeverityHasEveryText(String language) throws IOException {
    Properties messages = bundle(messages(""), language);
    for (Rule rule : Rule.values()) {
      for (String field : RULE_FIELDS) {
        String key = "rule." + rule.name() + "." + field;
        assertThat(messages.getProperty(key)).as(language + " " + key).isNotBlank();
      }
      assertThat(messages.getProperty("severity." + rule.severity().name())).isNotBlank();
    }
  }

  @Test
  void everyMessageTheCodeAsksForByNameIsInTheBundle() throws IOException {
    // explainer.text("report.unlisted", ...) with no such key failed only when a report reached
    // the line that asked for it: a session with more problems than it lists
    // and a phrase (Phrase.of("problem.lftp", ...)) only when a report said it
    Pattern asked =
        Pattern.compile(
            "(?:(?:explainer|ENGLISH)\\.text|Phrase\\.of)\\(\\s*\"([A-Za-z][\\w.]*\\w)\"");
    Properties messages = bundle(messages(""), "");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = asked.matcher(Files.readString(file));
        while (m.find()) {
          if (!messages.containsKey(m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void aNoteIsLabelledWithOneWordInEachLanguage() throws IOException {
    for (String language : LANGUAGES) {
      Properties messages = bundle(messages(""), language);
      // the label is what stands between the place and the note's words: "{0}: note: ..."
      String note = label(messages.getProperty("report.note"));
      assertThat(label(messages.getProperty("report.session.midSession")))
          .as("the mid-session note's label" + language)
          .isEqualTo(note);
    }
  }

  /** The second part of a "{0}: label: text" message, with either colon. */
  private static String label(String message) {
    return message.split("[:：]")[1].strip();
  }

  @Test
  void everySituationIsPutInWords() throws IOException {
    Properties messages = bundle(messages(""), "");
    for (Situation situation : Situation.values()) {
      assertThat(messages.getProperty("situation." + situation.name()))
          .as("situation." + situation.name())
          .isNotBlank();
    }
  }

  @Test
  void translationsHaveExactlyTheEnglishKeys() throws IOException {
    for (String baseName : Explainer.bundleNames()) {
      Set<String> english = bundle(baseName, "").stringPropertyNames();
      for (String language : LANGUAGES) {
        assertThat(new TreeSet<>(bundle(baseName, language).stringPropertyNames()))
            .as(baseName + language)
            .isEqualTo(new TreeSet<>(english));
      }
    }
  }

  @Test
  void translationsUseTheSamePlaceholders() throws IOException {
    List<String> mismatches = new ArrayList<>();
    for (String baseName : Explainer.bundleNames()) {
      Properties english = bundle(baseName, "");
      for (String language : LANGUAGES) {
        Properties translated = bundle(baseName, language);
        for (String key : english.stringPropertyNames()) {
          Set<String> expected = placeholders(english.getProperty(key));
          Set<String> actual = placeholders(translated.getProperty(key, ""));
          if (!expected.equals(actual)) {
            mismatches.add(baseName + language + " " + key + ": " + actual + " != " + expected);
          }
        }
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void patternsWithArgumentsKeepTheirApostrophes() throws IOException {
    for (String language : LANGUAGES) {
      Properties messages = bundle(messages(""), language);
      for (String key : messages.stringPropertyNames()) {
        String pattern = messages.getProperty(key);
        if (placeholders(pattern).isEmpty()) {
          continue;
        }
        assertThat(pattern.replace("''", "")).as(language + " " + key).doesNotContain("'");
        assertThat(new MessageFormat(pattern).format(new Object[10])).isNotBlank();
      }
    }
  }

  @Test
  void frenchTypographyUsesNonBreakingSpaces() throws IOException {
    for (String baseName : Explainer.bundleNames()) {
      Properties french = bundle(baseName, "_fr");
      for (String key : french.stringPropertyNames()) {
        String text = french.getProperty(key);
        assertThat(text)
            .as(baseName + "_fr " + key)
            .doesNotContain(" :", " ;", " ?", " !", " »", "« ", "'");
      }
    }
  }

  private static Set<String> placeholders(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(pattern);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }
}
