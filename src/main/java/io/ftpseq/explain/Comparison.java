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
 * Builds the page that sets two reply codes side by side: for each, its class, description, when it
 * is sent and how to resolve it; then the key differences, each computed from the data (class,
 * function group, place in the exchange, connection, commands, sequence) with when it matters.
 */
public final class Comparison {

  private final Explainer explainer;
  private final ReplyCatalog catalog;
  private final ReplyExplanation replies;

  /** Comparisons in the explainer's language. */
  public Comparison(Explainer explainer) {
    this.explainer = explainer;
    this.catalog = ReplyCatalog.standard();
    this.replies = new ReplyExplanation(explainer, catalog);
  }

  /**
   * The page comparing two known codes.
   *
   * @throws IllegalArgumentException when the catalogue does not know a code
   */
  public Page page(int first, int second) {
    catalog.require(first);
    catalog.require(second);
    List<Section> sections = new ArrayList<>(side(first));
    sections.addAll(side(second));
    sections.add(
        new Section(
            "differences",
            explainer.text("page.heading.differences"),
            1,
            List.of(),
            differences(first, second),
            true));
    String title =
        explainer.text("page.compare.title", replies.title(first), replies.title(second));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("codes", List.of(first, second));
    facts.put("commonCommands", common(first, second).stream().map(Verb::name).toList());
    return new Page(
        "compare", first + " " + second, explainer.languageTag(), title, sections, facts);
  }

  private List<Section> side(int code) {
    List<Section> sections = new ArrayList<>();
    sections.add(new Section("reply-" + code, replies.title(code), 1, List.of(), List.of(), false));
    sections.add(
        Section.text("class", explainer.text("page.heading.class"), replies.classLine(code))
            .nested());
    replies.meaning(code).forEach(s -> sections.add(s.nested()));
    replies.resolution(code).forEach(s -> sections.add(s.nested()));
    return sections;
  }

  /** The numbered differences, each "label: facts. When it matters." */
  List<String> differences(int a, int b) {
    List<String> items = new ArrayList<>();
    items.add(item("class", classFacts(a, b), "diff.class.applies"));
    items.add(item("function", functionFacts(a, b), "diff.function.applies"));
    items.add(item("exchange", pair(exchange(a), exchange(b)), "diff.exchange.applies"));
    if (catalog.closesConnection(a) || catalog.closesConnection(b)) {
      items.add(item("connection", pair(connection(a), connection(b)), "diff.connection.applies"));
    }
    items.add(item("commands", commandFacts(a, b), "diff.commands.applies"));
    boolean sequence = catalog.signalsSequenceProblem(a) || catalog.signalsSequenceProblem(b);
    items.add(
        item(
            "sequence",
            pair(sequence(a), sequence(b)),
            sequence ? "diff.sequence.applies" : "diff.sequence.none"));
    return items;
  }

  private String item(String label, String facts, String appliesKey) {
    return explainer.text(
        "diff.item", explainer.text("diff." + label), facts, explainer.text(appliesKey));
  }

  private String pair(String first, String second) {
    return explainer.text("diff.pair", first, second);
  }

  private String classFacts(int a, int b) {
    if (a / 100 == b / 100) {
      return explainer.text("diff.class.same", shortClass(a));
    }
    return explainer.text("diff.class.differ", code(a), shortClass(a), code(b), shortClass(b));
  }

  private String functionFacts(int a, int b) {
    if (a / 10 % 10 == b / 10 % 10) {
      return explainer.text("diff.function.same", shortFunction(a));
    }
    return explainer.text(
        "diff.function.differ", code(a), shortFunction(a), code(b), shortFunction(b));
  }

  private String commandFacts(int a, int b) {
    String each =
        pair(
            explainer.text("diff.commands.code", code(a), replies.answering(a)),
            explainer.text("diff.commands.code", code(b), replies.answering(b)));
    List<Verb> common = common(a, b);
    String both =
        common.isEmpty()
            ? explainer.text("diff.commands.disjoint")
            : explainer.text("diff.commands.common", replies.verbList(common));
    return explainer.text("diff.join", each, both);
  }

  /** The verbs whose RFC reply set allows both codes. */
  private static List<Verb> common(int a, int b) {
    return CommandCatalog.verbs().stream()
        .filter(Verb::hasReplySet)
        .filter(v -> v.allowsReply(a) && v.allowsReply(b))
        .toList();
  }

  private String exchange(int code) {
    return explainer.text(
        "exchange." + new ReplyCode(code).category().name(), Integer.toString(code));
  }

  private String connection(int code) {
    String key = catalog.closesConnection(code) ? "connection.closes" : "connection.open";
    return explainer.text(key, code(code));
  }

  private String sequence(int code) {
    List<Rule> rules = catalog.rulesReplying(code);
    if (rules.isEmpty()) {
      return explainer.text("sequence.no", code(code));
    }
    String ids = replies.join(rules.stream().map(Rule::name).toList());
    return explainer.text("sequence.yes", code(code), ids);
  }

  private String shortClass(int code) {
    return explainer.text(
        "page.classShort", Integer.toString(code / 100), explainer.category(new ReplyCode(code)));
  }

  private String shortFunction(int code) {
    ReplyCode.Function function = new ReplyCode(code).function();
    return explainer.text(
        "page.functionShort",
        Integer.toString(code / 10 % 10),
        explainer.text("function." + function.name()));
  }

  private static String code(int code) {
    return Integer.toString(code);
  }
}
