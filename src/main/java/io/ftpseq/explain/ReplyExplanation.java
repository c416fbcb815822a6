package io.ftpseq.explain;

import io.ftpseq.explain.Page.Section;
import io.ftpseq.protocol.ReplyCode;
import io.ftpseq.protocol.Verb;
import io.ftpseq.rules.Rule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the page for one reply code: its class and function group, what it means, when servers
 * send it, which commands may get it, the orders that cause it, and how to resolve it from either
 * side.
 */
public final class ReplyExplanation {

  /** At most this many verbs are named in a list; the rest are counted. */
  static final int LIST_LIMIT = 12;

  private final Explainer explainer;
  private final ReplyCatalog catalog;

  /** Explanations in the explainer's language, from the standard catalogue. */
  public ReplyExplanation(Explainer explainer) {
    this(explainer, ReplyCatalog.standard());
  }

  ReplyExplanation(Explainer explainer, ReplyCatalog catalog) {
    this.explainer = explainer;
    this.catalog = catalog;
  }

  /**
   * The page for a known code.
   *
   * @throws IllegalArgumentException when the catalogue does not know the code
   */
  public Page page(int code) {
    catalog.require(code);
    List<Section> sections = new ArrayList<>();
    sections.add(Section.text("class", explainer.text("page.heading.class"), classLine(code)));
    sections.add(
        Section.text("function", explainer.text("page.heading.function"), functionLine(code)));
    sections.add(Section.text("source", explainer.text("page.heading.source"), source(code)));
    sections.addAll(meaning(code));
    sections.add(commands(code));
    if (catalog.signalsSequenceProblem(code)) {
      sections.add(orders(code));
    }
    if (explainer.hasReply(code, "servers")) {
      sections.add(
          Section.text("servers", explainer.text("page.heading.servers"), text(code, "servers")));
    }
    sections.addAll(resolution(code));
    sections.add(Section.list("related", explainer.text("page.heading.related"), related(code)));
    return new Page(
        "reply",
        Integer.toString(code),
        explainer.languageTag(),
        title(code),
        sections,
        facts(code));
  }

  /** "503 Bad sequence of commands": the code and its standard text. */
  public String title(int code) {
    return explainer.text("page.code", Integer.toString(code), explainer.standardText(code));
  }

  /** The class line, for example "5yz Permanent Negative: the command failed ...". */
  public String classLine(int code) {
    ReplyCode reply = new ReplyCode(code);
    return explainer.text(
        "page.class",
        Integer.toString(code / 100),
        explainer.category(reply),
        explainer.text("category." + reply.category().name() + ".description"));
  }

  /** The function-group line, for example "x0z Syntax: ...". */
  public String functionLine(int code) {
    ReplyCode.Function function = new ReplyCode(code).function();
    return explainer.text(
        "page.function",
        Integer.toString(code / 10 % 10),
        explainer.text("function." + function.name()),
        explainer.text("function." + function.name() + ".description"));
  }

  /** The sections on what the code means and when it is sent. */
  List<Section> meaning(int code) {
    return List.of(
        Section.text(
            "description", explainer.text("page.heading.description"), text(code, "description")),
        Section.text("when", explainer.text("page.heading.when"), text(code, "when")));
  }

  /** The sections on how to resolve the reply, from the client's and the server's side. */
  List<Section> resolution(int code) {
    return List.of(
        Section.text("clientFix", explainer.text("page.heading.clientFix"), text(code, "client")),
        Section.text("serverFix", explainer.text("page.heading.serverFix"), text(code, "server")));
  }

  /** The commands that may get the code, as the body of the page's section. */
  private String commandLine(int code) {
    if (catalog.answersEveryCommand(code)) {
      return explainer.text("page.commands.every");
    }
    boolean none = catalog.commandsAnswering(code).isEmpty() && !catalog.greets(code);
    if (none) {
      return explainer.text("page.commands.none");
    }
    String answering = answering(code);
    return answering.substring(0, 1).toUpperCase(explainer.locale()) + answering.substring(1);
  }

  /**
   * What may get the code, for a sentence: "every command", or the connection (for a greeting) and
   * the verbs.
   */
  String answering(int code) {
    if (catalog.answersEveryCommand(code)) {
      return explainer.text("page.answers.every");
    }
    List<Verb> verbs = catalog.commandsAnswering(code);
    String list = verbList(verbs);
    if (catalog.greets(code)) {
      return verbs.isEmpty()
          ? explainer.text("page.answers.greeting")
          : explainer.text("page.answers.greetingAnd", list);
    }
    return verbs.isEmpty() ? explainer.text("page.answers.none") : list;
  }

  /** The verbs joined with commas, cut after {@link #LIST_LIMIT} with a count of the rest. */
  String verbList(List<Verb> verbs) {
    return verbs.size() <= LIST_LIMIT ? names(verbs) : limited(verbs);
  }

  private String names(List<Verb> verbs) {
    return join(verbs.stream().map(Verb::name).toList());
  }

  /** The words joined with the language's list separator (", " or "、"). */
  String join(List<String> words) {
    return String.join(explainer.text("page.separator"), words);
  }

  private String limited(List<Verb> verbs) {
    return explainer.text(
        "page.more", names(verbs.subList(0, LIST_LIMIT)), Integer.toString(verbs.size()));
  }

  /** One rule as a line: id, title and RFC reference. */
  String ruleLine(Rule rule) {
    return explainer.text("page.rule", rule.name(), explainer.title(rule), rule.reference());
  }

  private Section commands(int code) {
    return Section.text("commands", explainer.text("page.heading.commands"), commandLine(code));
  }

  private Section orders(int code) {
    List<String> items = catalog.rulesReplying(code).stream().map(this::ruleLine).toList();
    return Section.list("orders", explainer.text("page.heading.orders"), items);
  }

  private List<String> related(int code) {
    return catalog.related(code).stream().map(this::title).toList();
  }

  private String source(int code) {
    String source = catalog.source(code);
    return source.isEmpty() ? explainer.text("page.source.none") : source;
  }

  private String text(int code, String field) {
    return explainer.reply(code, field);
  }

  private Map<String, Object> facts(int code) {
    ReplyCode reply = new ReplyCode(code);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("code", code);
    facts.put("category", reply.category().name());
    facts.put("function", reply.function().name());
    facts.put("final", reply.isFinal());
    facts.put("closesConnection", catalog.closesConnection(code));
    facts.put("sequenceProblem", catalog.signalsSequenceProblem(code));
    facts.put("source", catalog.source(code));
    facts.put("everyCommand", catalog.answersEveryCommand(code));
    facts.put("commands", catalog.commandsAnswering(code).stream().map(Verb::name).toList());
    facts.put("rules", catalog.rulesReplying(code).stream().map(Rule::name).toList());
    facts.put("related", catalog.related(code));
    return facts;
  }
}
