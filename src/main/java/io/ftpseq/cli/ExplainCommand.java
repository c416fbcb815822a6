package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.explain.Explanations;
import io.ftpseq.explain.Page;
import io.ftpseq.protocol.Secrets;
import io.ftpseq.session.SessionEvent;
import io.ftpseq.session.SessionEvent.ReplyReceived;
import io.ftpseq.transcript.PastedLine;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ftpseq explain}: explains reply codes, reply or command lines pasted from a log, verbs and
 * rule ids, each argument on its own page.
 *
 * <p>An argument that cannot be explained is one line on standard error and the others are still
 * explained; the exit code is then {@link ExitCodes#USAGE}, as for any argument ftpseq cannot use.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    preprocessor = ExplainArguments.class,
    description = {
      "Explains a reply code (503), a reply line pasted from a log (\"503 Bad sequence of"
          + " commands\", \"S: 503 Bad sequence\", \"*resp* '503 Bad sequence'\"), a command"
          + " line (\"C: RNTO x\"), a command verb (RNTO) or a rule id (RNTO_WITHOUT_RNFR).",
      "For a code: its class, meaning, when servers send it, which commands may get it, the"
          + " orders that cause it and how to resolve it.",
      "Each argument is explained in turn (explain 503 425); words that mean nothing alone are"
          + " read as one line (explain 503 Bad sequence of commands).",
      "Options are known by their whole names, before or after the words (explain 503 --lang"
          + " fr, --lang=fr); any other argument is a word, even one that starts with a dash"
          + " (explain C: LIST -hal). After -- every argument is a word."
    })
final class ExplainCommand implements Callable<Integer> {

  private static final Pattern OPTION = Pattern.compile("--?[A-Za-z].*");

  private static final Pattern LONG_OPTION = Pattern.compile("--[A-Za-z].*");

  /** A run of spaces and tabs, or a tab. */
  private static final Pattern BLANKS = Pattern.compile("[ \\t]{2,}|\\t");

  private static final Pattern CODE = Pattern.compile("[0-9]{3}");

  /** Words after which the rest of a line is secret. */
  private static final Set<String> SECRET_WORDS =
      Stream.concat(Stream.of("PASS", "ACCT", "ADAT"), Secrets.SITE_PASSWORD_COMMANDS.stream())
          .collect(Collectors.toUnmodifiableSet());

  /** Longer arguments are named by their place in an error, not quoted. */
  private static final int LONGEST_QUOTED = 200;

  @Spec CommandSpec spec;

  @Mixin LanguageOption language = new LanguageOption();

  @Mixin PageFormatOption format = new PageFormatOption();

  @Parameters(
      arity = "1..*",
      paramLabel = "WHAT",
      descriptionKey = "words",
      description =
          "A reply code, a reply or command line as any log ftpseq reads shows it, a verb or a"
              + " rule id.")
  String[] words;

  /** The places of the arguments that are not empty or blank. */
  private List<Integer> given = List.of();

  /** The first place whose argument follows a word a secret follows ({@link #afterSecretWord}). */
  private int firstAfterSecretWord;

  /** The run's language, chosen when it starts. */
  private Explainer explainer;

  @Override
  public Integer call() throws IOException {
    explainer = language.explainer();
    Explanations explanations = new Explanations(explainer, PastedLine::read);
    PrintWriter err = spec.commandLine().getErr();
    // an empty or blank argument is an error of its own; the others are still explained
    for (int i = 0; i < words.length; i++) {
      if (words[i].isBlank()) {
        err.println(blank(i));
      }
    }
    given = nonBlank();
    firstAfterSecretWord = firstAfterSecretWord();
    boolean blanks = given.size() < words.length;
    List<Page> pages = new ArrayList<>();
    List<Integer> unexplained = new ArrayList<>();
    for (int i : given) {
      explain(explanations, words[i]).ifPresentOrElse(pages::add, () -> unexplained.add(i));
    }
    if (!unexplained.isEmpty() && typedUnquoted()) {
      // an unquoted line (explain 503 Bad sequence of commands) is one subject, as it was meant
      String joined = String.join(" ", given.stream().map(i -> words[i]).toList());
      Optional<Page> line = explain(explanations, joined);
      if (line.isPresent()) {
        format.pageFormat().write(line.get(), spec.commandLine().getOut());
        return blanks ? ExitCodes.USAGE : ExitCodes.OK;
      }
    }
    for (int i : unexplained) {
      err.println(nothingToExplain(i));
    }
    int exitCode = unexplained.isEmpty() && !blanks ? ExitCodes.OK : ExitCodes.USAGE;
    if (pages.isEmpty()) {
      return exitCode;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (given.size() == 1) {
      format.pageFormat().write(pages.get(0), out);
    } else {
      format.pageFormat().write(pages, out);
    }
    return exitCode;
  }

  /**
   * The page for an argument. A line pasted from a log may have a run of spaces or tabs after its
   * prefix ({@code S: 503 Bad sequence}), which a transcript reader takes for an indented
   * continuation line and a pasted line cannot be: when the line as given names nothing, it is read
   * again with each run of spaces and tabs as one space.
   */
  static Optional<Page> explain(Explanations explanations, String text) {
    Optional<Page> page = explanations.explain(text);
    if (page.isPresent()) {
      return page;
    }
    String single = BLANKS.matcher(text.strip()).replaceAll(" ");
    return single.equals(text.strip()) ? page : explanations.explain(single);
  }

  /** The places of the arguments that are not empty or blank. */
  private List<Integer> nonBlank() {
    List<Integer> places = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (!words[i].isBlank()) {
        places.add(i);
      }
    }
    return places;
  }

  /** The one line for an empty or blank argument, named by its place. */
  private String blank(int index) {
    return "ftpseq explain: "
        + explainer.text(
            words[index].isEmpty() ? "explain.emptyArgument" : "explain.blankArgument",
            Integer.toString(index + 1));
  }

  /**
   * Whether the words at the given places may be one line typed without quotes: several single
   * words, none of them an option ({@code --formatt}; lftp's {@code --->} is a word, and so is a
   * dash word after the first, as in {@code explain C: LIST -hal}), at most one of them a code
   * (words between two codes, as in {@code explain 503 xyzzy 425}, are not a line).
   */
  private boolean typedUnquoted() {
    return given.size() > 1
        && given.stream()
            .noneMatch(i -> words[i].chars().anyMatch(Character::isWhitespace) || likeOption(i))
        && given.stream().filter(i -> CODE.matcher(words[i]).matches()).count() <= 1;
  }

  /**
   * Whether the argument is most likely a mistyped option: it starts with {@code --} and a letter,
   * or is the first word and starts with {@code -} and a letter. A dash word after another word is
   * a word of a line ({@code LIST -la}).
   */
  private boolean likeOption(int index) {
    String word = words[index];
    return LONG_OPTION.matcher(word).matches()
        || (OPTION.matcher(word).matches() && !given.isEmpty() && given.get(0) == index);
  }

  /**
   * An argument as an error may quote it, in quotes: passwords masked, those shown in it and those
   * the words before it announce ({@code explain xyzzy PASS hunter2} looks up {@code hunter2}
   * alone), and control characters escaped. A reply line is the server's text, in which no password
   * is looked for in words ({@code 599 Password required for alice}), as {@code check} shows a
   * reply. A line with a tab, where a password may stand in a column of its own (a Zeek row), or
   * longer than any command is named by its place instead.
   */
  private String shown(int index) {
    String word = words[index];
    if (word.indexOf('\t') >= 0 || word.length() > LONGEST_QUOTED) {
      return explainer.text(
          "explain.argumentNotShown", Integer.toString(index + 1), (long) word.length());
    }
    if (afterSecretWord(index)) {
      return "'" + io.ftpseq.protocol.Command.MASK + "'";
    }
    StringBuilder printable = new StringBuilder();
    (isReply(word) ? word : io.ftpseq.protocol.Command.maskPasswords(word))
        .codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                printable.append(String.format(Locale.ROOT, "\\x%02x", c));
              } else {
                printable.appendCodePoint(c);
              }
            });
    return "'" + printable + "'";
  }

  /** Whether the readers read nothing but replies in the text: the server's words. */
  private static boolean isReply(String text) {
    List<SessionEvent> events = PastedLine.read(text);
    return !events.isEmpty() && events.stream().allMatch(e -> e instanceof ReplyReceived);
  }

  /**
   * Whether an argument before this one ends with PASS, ACCT, ADAT or a SITE password command,
   * whose argument runs to the line's end.
   */
  private boolean afterSecretWord(int index) {
    return index >= firstAfterSecretWord;
  }

  /**
   * The place after the first argument that ends with a word a secret follows, or the number of
   * arguments when none does: found once, as every argument that cannot be explained asks.
   */
  private int firstAfterSecretWord() {
    for (int i = 0; i < words.length; i++) {
      String word = words[i].strip();
      String letters =
          word.substring(word.lastIndexOf(' ') + 1)
              .replaceAll("^[^A-Za-z]+|[^A-Za-z]+$", "")
              .toUpperCase(Locale.ROOT);
      if (SECRET_WORDS.contains(letters)) {
        return i + 1;
      }
    }
    return words.length;
  }

  /**
   * The one line for an argument that cannot be explained. An argument like an option is most
   * likely a mistyped one: this command takes arguments that start with a dash as words, as lftp's
   * command lines start with {@code --->}.
   */
  private String nothingToExplain(int index) {
    String word = words[index];
    String shown = shown(index);
    if (likeOption(index) && !word.contains(" ") && !afterSecretWord(index)) {
      return "ftpseq explain: "
          + explainer.text(
              "explain.unknownOption",
              shown,
              Suggestions.didYouMean(word, spec.optionsMap().keySet(), explainer));
    }
    return "ftpseq explain: "
        + explainer.text(
            words.length > 1 ? "explain.nothing.eachArgument" : "explain.nothing", shown);
  }
}
