package io.ftpseq.explain;

import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.CommandSent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a user asks about and builds its page: a reply code ({@code 503}), a reply line pasted
 * from a log ({@code "503 Bad sequence of commands"}, {@code "S: 503 Bad sequence"}, {@code
 * "Response: 503 ..."}), a rule id ({@code RNTO_WITHOUT_RNFR}), a verb ({@code RNTO}) or a command
 * line ({@code "RNTO new.txt"}, {@code "C: RNTO new.txt"}).
 */
public final class Explanations {

  /** A reply code at the start of a line, after any log prefix such as "<" or "<--". */
  private static final Pattern REPLY_LINE =
      Pattern.compile("^\\W*([1-6]\\d\\d)(?:[ -]|$)", Pattern.UNICODE_CHARACTER_CLASS);

  private static final Pattern CODE = Pattern.compile("\\d{3}");

  private final Explainer explainer;
  private final Function<String, List<SessionEvent>> logLine;

  /** Explanations in the explainer's language, of codes, verbs, rules and bare lines only. */
  public Explanations(Explainer explainer) {
    this(explainer, line -> List.of());
  }

  /**
   * Explanations in the explainer's language that also read a line copied from a log, with its
   * prefix, time or other decoration: {@code logLine} gives the commands and replies such a line
   * shows, as the transcript readers read it. This package does not know the readers, so the caller
   * passes them in.
   */
  public Explanations(Explainer explainer, Function<String, List<SessionEvent>> logLine) {
    this.explainer = explainer;
    this.logLine = logLine;
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
      return Optional.of(replyPage(code.get()));
    }
    Optional<Verb> verb = verb(text);
    if (verb.isPresent()) {
      return Optional.of(commandPage(verb.get()));
    }
    return text.isEmpty() ? Optional.empty() : fromLogLine(text);
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

  /**
   * The page for what a log line shows: its reply when a reader finds one with a known code, as a
   * line that shows a command and its reply (a server log's) is most likely pasted for the reply;
   * else its command when a reader finds one with a known verb. A reader may misread a line that is
   * not its own, so what it finds counts only when ftpseq can explain it.
   */
  private Optional<Page> fromLogLine(String text) {
    List<SessionEvent> events = logLine.apply(text);
    for (SessionEvent event : events) {
      if (event instanceof ReplyReceived received) {
        int code = received.reply().code().value();
        if (ReplyCatalog.standard().knows(code)) {
          return Optional.of(replyPage(code));
        }
      }
    }
    for (SessionEvent event : events) {
      if (event instanceof CommandSent sent && sent.command().verb() != Verb.OTHER) {
        return Optional.of(commandPage(sent.command().verb()));
      }
    }
    return Optional.empty();
  }

  private Page replyPage(int code) {
    return new ReplyExplanation(explainer).page(code);
  }

  private Page commandPage(Verb verb) {
    return new CommandExplanation(explainer).page(verb);
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
