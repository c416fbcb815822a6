package io.ftpseq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of the README is a complete compilation unit, imports and all: each is written
 * to a file named after its class and compiled with the test classpath, as a user would paste it.
 */
class ReadmeJavaTest {

  private static final Pattern JAVA = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS =
      Pattern.compile("^(?:public\\s+)?class\\s+(\\w+)", Pattern.MULTILINE);

  @TempDir Path sources;

  @Test
  void everyJavaBlockCompilesAsWritten() throws IOException {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = JAVA.matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
    List<File> files = new ArrayList<>();
    for (String block : blocks) {
      Matcher name = CLASS.matcher(block);
      assertThat(name.find()).as("a top-level class in:\n" + block).isTrue();
      Path file = sources.resolve(name.group(1) + ".java");
      Files.writeString(file, block);
      files.add(file.toFile());
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager manager =
        compiler.getStandardFileManager(diagnostics, null, null)) {
      boolean compiled =
          compiler
              .getTask(
                  null,
                  manager,
                  diagnostics,
                  List.of(
                      "-classpath",
                      classpath(),
                      "-d",
                      sources.toString(),
                      "-Xlint:all,-processing"),
                  null,
                  manager.getJavaFileObjectsFromFiles(files))
              .call();
      List<String> problems =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
              .map(
                  d ->
                      (d.getSource() == null ? "javac" : d.getSource().getName())
                          + ":"
                          + d.getLineNumber()
                          + ": "
                          + d.getMessage(Locale.ROOT))
              .toList();
      assertThat(problems).isEmpty();
      assertThat(compiled).isTrue();
    }
  }

  /** The test classpath; Surefire names it in a property of its own when it forks. */
  private static String classpath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }
}
