package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/spark-check} asks Maven for Spark's jars with the dependency plugin at the version
 * {@code pom.xml} pins, offline first, so that a built checkout runs it with no network; Maven and
 * Java are stand-ins here that record how they were called.
 */
class SparkCheckScriptTest {

  @TempDir Path root;

  @Test
  void classpathIsListedOfflineWithThePinnedPlugin() throws Exception {
    List<String> calls = run(false);

    assertThat(calls)
        .hasSize(1)
        .first()
        .asString()
        .startsWith(
            "-o -q org.apache.maven.plugins:maven-dependency-plugin:"
                + pinnedVersion()
                + ":build-classpath ");
  }

  @Test
  void mavenGoesOnlineOnlyWhenTheLocalRepositoryLacksSomething() throws Exception {
    List<String> calls = run(true);

    String goal =
        "org.apache.maven.plugins:maven-dependency-plugin:" + pinnedVersion() + ":build-classpath ";
    assertThat(calls).hasSize(2);
    assertThat(calls.get(0)).startsWith("-o -q " + goal);
    assertThat(calls.get(1)).startsWith("-q " + goal);
  }

  /** The plugin version pom.xml pins. */
  private static String pinnedVersion() throws IOException {
    Matcher version =
        Pattern.compile("<dependency-plugin.version>([^<]+)</dependency-plugin.version>")
            .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(version.find()).as("pom.xml pins maven-dependency-plugin").isTrue();
    return version.group(1);
  }

  /**
   * Runs a copy of the script with stand-ins for mvn and java, and returns mvn's arguments, one
   * line a call; with {@code offlineFails}, an offline Maven fails as one missing an artifact does.
   */
  private List<String> run(boolean offlineFails) throws Exception {
    Files.createDirectories(root.resolve("scripts"));
    Files.createDirectories(root.resolve("target"));
    Files.createDirectories(root.resolve("bin"));
    Files.copy(Path.of("scripts/spark-check"), root.resolve("scripts/spark-check"));
    Files.copy(Path.of("pom.xml"), root.resolve("pom.xml"));
    Files.writeString(root.resolve("target/ftpseq.jar"), "");
    Path calls = root.resolve("mvn-calls.txt");
    executable(
        root.resolve("bin/mvn"),
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> '"
            + calls
            + "'\n"
            + (offlineFails ? "[ \"$1\" = -o ] && exit 1\n" : "")
            + "for a in \"$@\"; do case $a in -Dmdep.outputFile=*) echo x.jar > \"${a#*=}\";;"
            + " esac; done\n");
    executable(root.resolve("bin/java"), "#!/usr/bin/env bash\nexit 0\n");
    ProcessBuilder script =
        new ProcessBuilder("bash", root.resolve("scripts/spark-check").toString(), "--help")
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("out.txt").toFile());
    script
        .environment()
        .put("PATH", root.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", ""));
    script.environment().put("JAVA", root.resolve("bin/java").toString());
    Process process = script.start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(root.resolve("out.txt"))).isZero();
    return Files.readAllLines(calls, StandardCharsets.UTF_8);
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
