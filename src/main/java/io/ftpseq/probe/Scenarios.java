package io.ftpseq.probe;

import io.ftpseq.rules.SituationKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads scenario files: blocks separated by blank lines, each a {@code [name] description} header
 * followed by one command per line; {@code #} starts a comment line, {@code @login} stands for
 * {@code USER {user}} and {@code PASS {password}}, {@code @pasv} for {@code PASV}, a line starting
 * with {@code |} is pipelined with the one before, and {@code => KEY} marks the step that measures
 * a situation key.
 *
 * <p>Bad lines are reported as {@code file:line: message} and reading goes on with the next block.
 */
public final class Scenarios {

  /** The scenarios that ship with ftpseq, as a resource next to this class. */
  public static final String BUILT_IN = "scenarios.txt";

  private static final Pattern HEADER = Pattern.compile("\\[([a-z0-9][a-z0-9-]*)]\\s+(\\S.*)");
  private static final Pattern MEASURE = Pattern.compile("(.*?)\\s*=>\\s*(\\S*)\\s*");

  /**
   * What a scenario file held.
   *
   * @param scenarios the scenarios read, in file order
   * @param problems one {@code file:line: message} per bad line or block
   */
  public record Parsed(List<Scenario> scenarios, List<String> problems) {

    /** Copies the lists. */
    public Parsed {
      scenarios = List.copyOf(scenarios);
      problems = List.copyOf(problems);
    }
  }

  private Scenarios() {}

  /** Reads the built-in scenarios; a problem in them is a defect of ftpseq itself. */
  public static List<Scenario> builtIn() {
    try (InputStream in = Scenarios.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException("resource " + BUILT_IN + " is missing");
      }
      Parsed parsed = parse(BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!parsed.problems().isEmpty()) {
        throw new IllegalStateException(String.join("\n", parsed.problems()));
      }
      return parsed.scenarios();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses the text of a scenario file; {@code file} names it in problems. */
  public static Parsed parse(String file, String text) {
    List<Scenario> scenarios = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Set<String> names = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    Block block = null;
    for (int i = 0; i <= lines.length; i++) {
      String raw = i < lines.length ? lines[i].strip() : "";
      int number = i + 1;
      if (raw.startsWith("#")) {
        continue;
      }
      if (raw.isEmpty()) {
        if (block != null) {
          block.finish(file, names, scenarios, problems);
          block = null;
        }
        continue;
      }
      if (block == null) {
        Matcher header = HEADER.matcher(raw);
        if (header.matches()) {
          block = new Block(header.group(1), header.group(2), number);
        } else {
          problems.add(
              file + ":" + number + ": expected a header [name] description: \"" + raw + "\"");
          block = new Block(null, "", number);
        }
        continue;
      }
      block.add(file, number, raw, problems);
    }
    return new Parsed(scenarios, problems);
  }

  /** The lines of one scenario being read. */
  private static final class Block {
    private final String name;
    private final String description;
    private final int line;
    private final List<Scenario.Step> steps = new ArrayList<>();
    private boolean broken;

    Block(String name, String description, int line) {
      this.name = name;
      this.description = description;
      this.line = line;
      this.broken = name == null;
    }

    void add(String file, int number, String raw, List<String> problems) {
      if (broken) {
        return;
      }
      if (raw.equals("@login")) {
        steps.add(new Scenario.Step("USER {user}", false, null, number));
        steps.add(new Scenario.Step("PASS {password}", false, null, number));
        return;
      }
      boolean pipelined = raw.startsWith("|");
      String body = pipelined ? raw.substring(1).strip() : raw;
      String measures = null;
      Matcher measure = MEASURE.matcher(body);
      if (measure.matches()) {
        body = measure.group(1);
        measures = measure.group(2);
      }
      if (body.equals("@pasv")) {
        body = "PASV";
      }
      try {
        SituationKey key = measures == null ? null : SituationKey.parse(measures);
        if (body.startsWith("@")) {
          throw new IllegalArgumentException("unknown macro \"" + body + "\"");
        }
        if (pipelined && steps.isEmpty()) {
          throw new IllegalArgumentException("a pipelined step needs a step before it");
        }
        steps.add(new Scenario.Step(body, pipelined, key, number));
      } catch (IllegalArgumentException e) {
        problems.add(file + ":" + number + ": " + e.getMessage() + ": \"" + raw + "\"");
        broken = true;
      }
    }

    void finish(String file, Set<String> names, List<Scenario> out, List<String> problems) {
      if (broken) {
        return;
      }
      if (steps.isEmpty()) {
        problems.add(file + ":" + line + ": scenario [" + name + "] has no steps");
      } else if (!names.add(name)) {
        problems.add(file + ":" + line + ": scenario name [" + name + "] is used twice");
      } else {
        out.add(new Scenario(name, description, line, steps));
      }
    }
  }
}
