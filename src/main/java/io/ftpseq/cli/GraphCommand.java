package io.ftpseq.cli;

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

  // what it draws is the model's own names (facets, states, verbs), which no language changes; it
  // takes --lang as every command does, for its help and usage errors
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
    if (format == GraphFormat.dot) {
      dot(out, edges);
    } else {
      mermaid(out, edges);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void dot(PrintWriter out, List<Edge> edges) {
    out.println("digraph ftpseq {");
    out.println("  rankdir=LR;");
    out.println("  node [shape=box, style=rounded];");
    int cluster = 0;
    for (Facet facet : StateGraph.facets()) {
      out.printf("  subgraph cluster_%d {%n    label=\"%s\";%n", cluster++, facet.name());
      for (String value : facet.values()) {
        out.printf("    \"%s\" [label=\"%s\"];%n", id(facet.name(), value), value);
      }
      for (Edge edge : edges) {
        if (edge.facet().equals(facet.name())) {
          out.printf(
              "    \"%s\" -> \"%s\" [label=\"%s\"];%n",
              id(edge.facet(), edge.from()), id(edge.facet(), edge.to()), edge.label());
        }
      }
      out.println("  }");
    }
    out.println("}");
  }

  private static void mermaid(PrintWriter out, List<Edge> edges) {
    out.println("stateDiagram-v2");
    for (Facet facet : StateGraph.facets()) {
      String facetId = facet.name().replace(' ', '_');
      out.printf("  state \"%s\" as %s {%n", facet.name(), facetId);
      for (String value : facet.values()) {
        out.printf("    state \"%s\" as %s%n", value, id(facet.name(), value));
      }
      out.printf("    [*] --> %s%n", id(facet.name(), facet.values().get(0)));
      for (Edge edge : edges) {
        if (edge.facet().equals(facet.name())) {
          out.printf(
              "    %s --> %s : %s%n",
              id(edge.facet(), edge.from()), id(edge.facet(), edge.to()), edge.label());
        }
      }
      out.println("  }");
    }
  }

  private static String id(String facet, String value) {
    return (facet + "_" + value).replace(' ', '_');
  }
}
