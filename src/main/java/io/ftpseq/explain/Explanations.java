package io.ftpseq.explain;

import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a user asks about and builds its page: a reply code ({@code 503}), a reply line pasted
 * from a log ({@code "503 Bad sequence of commands"}), a rule id ({@code RNTO_WITHOUT_RNFR}), a
 * verb ({@code RNTO}) or a command line ({@code "RNTO new.txt"}).
 */
public final class Explanations {

  /** A reply code at the start of a line, after any log prefix such as "<" or "<--". */
  private static final Pattern REPLY_LINE =
      Pattern.compile("^\\W*([1-6]\\d\\d)(?:[ -]|$)", Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern CODE = Pattern.compile("\\d{3}");

  private final Explainer explainer;

  /** Explanations in the explainer's language. */
  public Explanations(Explainer explainer) {
    this.explainer = explainer;
  }

  /** The page for the input, or empty when it names nothing ftpseq can explain. */
  public Optional<Page> explain(String input) {
    String text = input.strip();
    Optional<Rule> rule = rule(text);
    if (rule.isPresent()) {
      return Optional.of(new RuleExplanation(explainer).page(rule.get()));
    }
    Optional<Integer> code = code(text);
    if (code.isPresent()) {
      return Optional.of(new ReplyExplanation(explainer).page(code.get()));
    }
    return verb(text).map(verb -> new CommandExplanation(explainer).page(verb));
  }

  /**
   * The known reply code the input names: three digits, or the code that starts a reply line. Empty
   * when the input names no code or a code the catalogue does not know.
   */
  public static Optional<Integer> code(String input) {
    String text = input.strip();
    Matcher line = REPLY_LINE.matcher(text);
    if (!CODE.matcher(text).matches() && !line.find()) {
      return Optional.empty();
    }
    int code = Integer.parseInt(CODE.matcher(text).matches() ? text : line.group(1));
    return ReplyCatalog.standard().knows(code) ? Optional.of(code) : Optional.empty();
  }

  private static Optional<Rule> rule(String text) {
    String id = text.toUpperCase(Locale.ROOT);
    return Arrays.stream(Rule.values()).filter(r -> r.name().equals(id)).findFirst();
  }

  /** The verb of a single word or of a command line's first word. */
  private static Optional<Verb> verb(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return CommandCatalog.find(text.split("\\s+", 2)[0]);
  }
}
