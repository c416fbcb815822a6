package io.ftpseq.explain;

import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every reply code ftpseq explains, with the language-neutral facts about it: the RFC that defines
 * it, its related codes, whether the server closes the connection after it, which commands may get
 * it (from {@link Verb#replyCodes()}) and which ordering rules it answers (from {@link
 * Rule#rfcReply()}).
 *
 * <p>The codes and their facts are read from {@code reply-codes.properties}; the texts about them
 * are in the {@code Replies} bundles, one per language.
 */
public final class ReplyCatalog {

  private static final String DATA = "reply-codes.properties";
  private static final ReplyCatalog STANDARD = load();

  /** The facts about one code, as the data file gives them. */
  private record Entry(String source, List<Integer> related, boolean closes, boolean greeting) {}

  private final Map<Integer, Entry> entries;

  private ReplyCatalog(Map<Integer, Entry> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  /** The catalogue of every code ftpseq knows. */
  public static ReplyCatalog standard() {
    return STANDARD;
  }

  /** Every known code, in ascending order. */
  public List<Integer> codes() {
    return List.copyOf(entries.keySet());
  }

  /** Whether ftpseq has an explanation for the code. */
  public boolean knows(int code) {
    return entries.containsKey(code);
  }

  /**
   * Checks that the catalogue knows the code.
   *
   * @throws IllegalArgumentException naming the code when it does not
   */
  public void require(int code) {
    entry(code);
  }

  /** The RFC that defines the code, for example "RFC 959 §4.2.2"; empty when no RFC does. */
  public String source(int code) {
    return entry(code).source();
  }

  /** Codes worth reading about together with this one, in the order the data file gives. */
  public List<Integer> related(int code) {
    return entry(code).related();
  }

  /** Whether the server closes the control connection after sending this code (221, 421). */
  public boolean closesConnection(int code) {
    return entry(code).closes();
  }

  /** Whether the server may send this code on connecting, before any command (120, 220, 421). */
  public boolean greets(int code) {
    return entry(code).greeting();
  }

  /**
   * Whether every command may get this code: RFC 959 allows 421, 500, 501 and 502 everywhere, so
   * {@link Verb#allowsReply(int)} is true for every verb with a reply set.
   */
  public boolean answersEveryCommand(int code) {
    return Arrays.stream(Verb.values())
        .filter(Verb::hasReplySet)
        .allMatch(verb -> verb.allowsReply(code));
  }

  /** The commands whose RFC reply set lists the code, in the order of {@link Verb}. */
  public List<Verb> commandsAnswering(int code) {
    List<Verb> verbs = new ArrayList<>();
    for (Verb verb : Verb.values()) {
      if (verb.replyCodes().contains(code)) {
        verbs.add(verb);
      }
    }
    return verbs;
  }

  /** The ordering rules whose breach the RFCs (or most servers) answer with this code. */
  public List<Rule> rulesReplying(int code) {
    return Arrays.stream(Rule.values()).filter(rule -> rule.rfcReply() == code).toList();
  }

  /** Whether the code is the answer to a command sent out of order (503, 530, 425). */
  public boolean signalsSequenceProblem(int code) {
    return !rulesReplying(code).isEmpty();
  }

  private Entry entry(int code) {
    Entry entry = entries.get(code);
    if (entry == null) {
      throw new IllegalArgumentException("no reply code " + code + " in " + DATA);
    }
    return entry;
  }

  private static ReplyCatalog load() {
    Properties data = new Properties();
    try (InputStream in = ReplyCatalog.class.getResourceAsStream(DATA);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      data.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DATA, e);
    }
    Map<Integer, Entry> entries = new TreeMap<>();
    for (String key : data.stringPropertyNames()) {
      entries.put(Integer.valueOf(key), parse(key, data.getProperty(key)));
    }
    return new ReplyCatalog(entries);
  }

  /** Reads {@code source|related codes|flags}, for example {@code RFC 959 §4.2.2|220|closes}. */
  private static Entry parse(String code, String line) {
    String[] fields = line.split("\\|", -1);
    if (fields.length != 3) {
      throw new IllegalStateException(
          DATA + ": " + code + " needs source|related|flags, not '" + line + "'");
    }
    List<Integer> related =
        fields[1].isBlank()
            ? List.of()
            : Arrays.stream(fields[1].trim().split(" +")).map(Integer::valueOf).toList();
    List<String> flags = Arrays.asList(fields[2].trim().split(" +"));
    return new Entry(
        fields[0].trim(), related, flags.contains("closes"), flags.contains("greeting"));
  }
}
