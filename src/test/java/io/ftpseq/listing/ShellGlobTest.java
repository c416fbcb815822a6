package io.ftpseq.listing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one rule by which {@code ftpseq check} and the Spark job expand a glob among the names they
 * are given, as bash expands it with {@code globstar}: braces first, in the order written; {@code
 * *}, {@code ?} and {@code [...]} within one part of the path, never matching a leading dot unless
 * the part starts with one; {@code **} as a whole part for any number of directories, hidden ones
 * and links to directories not entered; matches in name order; a pattern that matches nothing kept
 * as written, to be said as a name that is not there.
 */
class ShellGlobTest {

  @TempDir Path temp;

  @BeforeEach
  void tree() throws IOException {
    for (String file :
        List.of(
            "a.log",
            "b.log",
            ".hidden.log",
            "c.txt",
            "sub/d.log",
            "sub/deeper/e.log",
            ".dot/f.log",
            "other/g.log")) {
      Path path = temp.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "x\n");
    }
    Files.createSymbolicLink(temp.resolve("sub/up"), temp);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "*.log|a.log b.log",
        ".*.log|.hidden.log",
        "?.log|a.log b.log",
        "[ab].log|a.log b.log",
        "[!a].log|b.log",
        "*/*.log|other/g.log sub/d.log",
        "**/*.log|a.log b.log other/g.log sub/d.log sub/deeper/e.log",
        "sub/**/*.log|sub/d.log sub/deeper/e.log",
        "{b,a}.log|b.log a.log",
        "{c.txt,nothing.txt}|c.txt nothing.txt",
        "{sub/*.log,*.txt}|sub/d.log c.txt",
        "*.nomatch|*.nomatch",
        "a.log|a.log",
      })
  void expandsAsTheShellDoes(String pattern, String expected) {
    List<String> matches =
        ShellGlob.expand(temp + "/" + pattern).stream()
            .map(m -> m.substring(temp.toString().length() + 1))
            .toList();
    assertThat(matches).containsExactlyElementsOf(Arrays.asList(expected.split(" ")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"*.log|true", "a?|true", "[ab]|true", "{a,b}|true", "a.log|false", "{a}|false"})
  void knowsAGlob(String name, boolean glob) {
    assertThat(ShellGlob.isGlob(name)).isEqualTo(glob);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"*.log|a.log b.log", "sub/*.log|sub/d.log"})
  void aRelativePatternGivesRelativeNames(String pattern, String expected) throws IOException {
    Path cwd = Path.of("").toAbsolutePath();
    Path relative = cwd.relativize(temp);
    assertThat(ShellGlob.expand(relative + "/" + pattern))
        .containsExactlyElementsOf(
            Arrays.stream(expected.split(" ")).map(e -> relative + "/" + e).toList());
  }
}
