package io.ftpseq.cli;

import io.ftpseq.explain.Explainer;
import io.ftpseq.rules.StateGraph;
import io.ftpseq.rules.StateGraph.Edge;
import io.ftpseq.rules.StateGraph.Facet;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ftpseq graph}: draws the state machine, one cluster per facet. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Draws the session state machine, one cluster per facet, as Graphviz dot or Mermaid.",
      "Edges are computed from the model's own transition function."
    })
final class GraphCommand implements Callable<Integer> {

  /** Drawing formats. */
  enum GraphFormat {
    dot,
    mermaid
  }

  @Spec CommandSpec spec;

  // the node ids are the model's own names (facets, states), the same in every language; what a
  // node and a cluster show, and an edge's words, are in the language of --lang
  @Mixin LanguageOption language = new LanguageOption();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Drawing format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  GraphFormat format = GraphFormat.dot;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<Edge> edges = StateGraph.edges();
    Explainer words = language.explainer();
    if (format == GraphFormat.dot) {
      dot(out, edges, words);
    } else {
      mermaid(out, edges, words);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void dot(PrintWriter out, List<Edge> edges, Explainer words) {
    out.println("digraph ftpseq {");
    out.println("  rankdir=LR;");
    out.println("  node [shape=box, style=rounded];");
    int cluster = 0;
    for (Facet facet : StateGraph.facets()) {
      out.printf(
          "  subgraph cluster_%d {%n    label=%s;%n", cluster++, quoted(facetName(facet, words)));
      for (String value : facet.values()) {
        out.printf(
            "    %s [label=%s];%n",
            quoted(id(facet.name(), value)), quoted(stateName(facet, value, words)));
      }
      for (Edge edge : edges) {
        if (edge.facet().equals(facet.name())) {
          out.printf(
              "    %s -> %s [label=%s];%n",
              quoted(id(edge.facet(), edge.from())),
              quoted(id(edge.facet(), edge.to())),
              quoted(label(edge, words)));
        }
      }
      out.println("  }");
    }
    out.println("}");
  }

  private static void mermaid(PrintWriter out, List<Edge> edges, Explainer words) {
    out.println("stateDiagram-v2");
    for (Facet facet : StateGraph.facets()) {
      String facetId = facet.name().replace(' ', '_');
      out.printf("  state \"%s\" as %s {%n", mermaidText(facetName(facet, words)), facetId);
      for (String value : facet.values()) {
        out.printf(
            "    state \"%s\" as %s%n",
            mermaidText(stateName(facet, value, words)), id(facet.name(), value));
      }
      out.printf("    [*] --> %s%n", id(facet.name(), facet.values().get(0)));
      for (Edge edge : edges) {
        if (edge.facet().equals(facet.name())) {
          out.printf(
              "    %s --> %s : %s%n",
              id(edge.facet(), edge.from()),
              id(edge.facet(), edge.to()),
              mermaidText(label(edge, words)));
        }
      }
      out.println("  }");
    }
  }

  private static String facetName(Facet facet, Explainer words) {
    return words.text("graph.facet." + facet.name().replace(' ', '_'));
  }

  private static String stateName(Facet facet, String value, Explainer words) {
    return words.text("graph.state." + facet.name().replace(' ', '_') + "." + value);
  }

  /** The commands of an edge, in words where every command but a few causes it. */
  private static String label(Edge edge, Explainer words) {
    if (!edge.allBut()) {
      return String.join(", ", edge.causes());
    }
    return edge.causes().isEmpty()
        ? words.text("graph.edge.any")
        : words.text("graph.edge.anyBut", String.join(", ", edge.causes()));
  }

  /** A dot string: quotes and backslashes escaped, as the dot language has them. */
  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * Text for Mermaid: its own entity codes for the characters that end a label or a statement there
   * (a quote, a semicolon, a colon, a hash).
   */
  private static String mermaidText(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '#', '"', ';', ':' -> out.append('#').append((int) c).append(';');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String id(String facet, String value) {
    return (facet + "_" + value).replace(' ', '_');
  }
}
