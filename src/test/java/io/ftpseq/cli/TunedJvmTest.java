package io.ftpseq.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ftpseq.usage.Language;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A long check runs in a second VM with the options that suit it, as the user ran it. */
class TunedJvmTest {

  private static final long LONG = TunedJvm.ABOVE_MIB << 20;
  private static final String[] ARGS = {"check", "--report", "json", "big.log"};

  @TempDir Path temp;

  @Test
  void longInputRunsInASecondVmWithTheUsersOptionsAndTheTunedOnes() {
    List<String> command =
        TunedJvm.command(
                "auto",
                new TunedJvm.Workload(LONG, false),
                List.of("-Xmx256m", "-Dlocale=fr"),
                ARGS)
            .orElseThrow();

    assertThat(command.get(0)).endsWith("java");
    assertThat(command)
        .containsSubsequence("-Xmx256m", "-Dlocale=fr", "-XX:+UseParallelGC")
        .containsAll(TunedJvm.OPTIONS)
        .contains("-D" + TunedJvm.PARENT + "=" + ProcessHandle.current().pid());
    assertThat(command.subList(command.size() - 6, command.size()))
        .containsExactly(
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "check",
            "--report",
            "json",
            "big.log");
  }

  @Test
  void capturesAndLogsUnder256MibCompileWithShallowerInliningLongerLogsWithout() {
    long deep = TunedJvm.DEEP_INLINING_FROM_MIB << 20;
    List<String> captures =
        TunedJvm.command("tuned", new TunedJvm.Workload(4 * deep, true), List.of(), ARGS)
            .orElseThrow();
    List<String> shortLogs =
        TunedJvm.command("tuned", new TunedJvm.Workload(deep - 1, false), List.of(), ARGS)
            .orElseThrow();
    List<String> longLogs =
        TunedJvm.command("tuned", new TunedJvm.Workload(deep, false), List.of(), ARGS)
            .orElseThrow();

    assertThat(captures).containsAll(TunedJvm.OPTIONS).containsAll(TunedJvm.SHALLOW_INLINING);
    assertThat(shortLogs).containsAll(TunedJvm.OPTIONS).containsAll(TunedJvm.SHALLOW_INLINING);
    assertThat(longLogs)
        .containsAll(TunedJvm.OPTIONS)
        .doesNotContainAnyElementsOf(TunedJvm.SHALLOW_INLINING);
  }

  @Test
  void inputsThatAreMostlyCapturesAreToldApartByTheirFirstBytes() throws Exception {
    Path capture = Path.of("samples/pcap/apache-ftpserver-clean.pcap");
    Path log = temp.resolve("client.log");
    Path zipped = temp.resolve("capture.pcap.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
      Files.copy(capture, out);
    }
    long size = Files.size(capture);

    Files.writeString(log, "x".repeat((int) size - 1));
    assertThat(mostlyCaptures(capture.toString(), log.toString())).isTrue();
    assertThat(mostlyCaptures(zipped.toString())).isTrue();
    Files.writeString(log, "x".repeat((int) size + 1));
    assertThat(mostlyCaptures(capture.toString(), log.toString())).isFalse();
    assertThat(mostlyCaptures(log.toString())).isFalse();
  }

  private static boolean mostlyCaptures(String... names) {
    return Inputs.expand(List.of(names), List.of(), List.of(), Set.of()).mostlyCaptures();
  }

  @Test
  void shortInputRunsHereUnlessTheUserAsksOtherwise() {
    assertThat(TunedJvm.command("auto", new TunedJvm.Workload(LONG - 1, false), List.of(), ARGS))
        .isEmpty();
    assertThat(TunedJvm.command("tuned", new TunedJvm.Workload(0, false), List.of(), ARGS))
        .isPresent();
    assertThat(TunedJvm.command("here", new TunedJvm.Workload(100 * LONG, false), List.of(), ARGS))
        .isEmpty();
  }

  @Test
  void vmTheUserTunedOrInstrumentsRunsAsTheyAsked() {
    for (String option :
        List.of(
            "-XX:+UseG1GC",
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
            "-javaagent:/opt/agent.jar",
            "-Xlog:gc*:file=gc.log",
            "-Xint")) {
      Optional<List<String>> command =
          TunedJvm.command(
              "tuned", new TunedJvm.Workload(LONG, false), List.of("-Xmx1g", option), ARGS);
      assertThat(command).as(option).isEmpty();
    }
  }

  @Test
  void secondVmThatCannotStartLeavesTheCheckHere() {
    StringWriter err = new StringWriter();

    Optional<Integer> exitCode =
        TunedJvm.run(
            List.of(temp.resolve("no-such-java").toString(), "-version"),
            TunedJvm.OPTIONS,
            true,
            new PrintWriter(err),
            LanguageOption.explainer(Language.en));

    assertThat(exitCode).isEmpty();
    assertThat(err.toString())
        .contains("ftpseq: checking here, as the second Java VM did not start: ")
        .contains("no-such-java");
  }

  private Process ftpseq(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-D" + TunedJvm.CHOICE + "=tuned");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(temp.resolve("out.txt").toFile())
        .redirectError(temp.resolve("err.txt").toFile())
        .start();
  }

  @Test
  void secondVmWritesWhatThisOneWouldAndItsExitCodeIsTheRunsExitCode() throws Exception {
    String[] args = {"check", "--report", "json", "-o", "-", "samples/dialogue/bad-order.txt"};
    CliRun here = CliRun.of(args);

    Process first = ftpseq(prepend("--debug", args));
    assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();

    String err = Files.readString(temp.resolve("err.txt"), UTF_8);
    assertThat(err).startsWith("ftpseq: checking in a second Java VM with");
    assertThat(first.exitValue()).as(err).isEqualTo(here.exitCode()).isEqualTo(1);
    assertThat(Files.readString(temp.resolve("out.txt"), UTF_8)).isEqualTo(here.out());
  }

  /**
   * A first VM killed outright (kill -9) cannot pass its end on, and one that no one reaped yet
   * still looks alive: the second notices that it has another parent.
   */
  @Test
  void secondVmEndsWhenTheFirstIsKilledEvenBeforeItIsReaped() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String first =
        String.join(
            " ",
            // a background job's standard input is /dev/null unless given from another descriptor
            "exec 3<&0;",
            "'" + java + "'",
            "-D" + TunedJvm.CHOICE + "=tuned",
            "-cp",
            "'" + System.getProperty("java.class.path") + "'",
            Main.class.getName(),
            "check - 0<&3 &"); // reads standard input, which stays open
    // the shell becomes sleep, which never reaps the first VM
    Process shell = new ProcessBuilder("sh", "-c", first + " exec sleep 120").start();
    try (OutputStream stdin = shell.getOutputStream()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (shell.descendants().count() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      List<ProcessHandle> vms = shell.descendants().toList();
      assertThat(vms).as("the two VMs").hasSize(2);
      ProcessHandle firstVm =
          vms.stream()
              .filter(p -> p.parent().map(q -> q.pid() == shell.pid()).orElse(false))
              .findFirst()
              .orElseThrow();
      ProcessHandle secondVm =
          vms.stream()
              .filter(p -> p != firstVm && p.pid() != firstVm.pid())
              .findFirst()
              .orElseThrow();

      assertThat(firstVm.destroyForcibly()).isTrue();
      assertThat(secondVm.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
    } finally {
      shell.descendants().forEach(ProcessHandle::destroyForcibly);
      shell.destroyForcibly();
    }
  }

  @Test
  void namesThatMeanAnotherFileInAnotherProcessKeepTheRunHere() throws Exception {
    Path link = Files.createSymbolicLink(temp.resolve("in.log"), Path.of("/dev/stdin"));
    for (String arg :
        List.of(
            "/dev/fd/4",
            "--output=/dev/fd/3",
            "@/dev/stdin",
            "/proc/self/fd/3",
            "/dev/stdout",
            link.toString())) {
      assertThat(TunedJvm.namesWhatOnlyThisProcessSees(arg)).as(arg).isTrue();
      assertThat(
              TunedJvm.command(
                  "tuned",
                  new TunedJvm.Workload(LONG, false),
                  List.of(),
                  new String[] {"check", arg}))
          .as(arg)
          .isEmpty();
    }
    for (String arg : List.of("/dev/null", "samples/dialogue/bad-order.txt", "--report=json", "")) {
      assertThat(TunedJvm.namesWhatOnlyThisProcessSees(arg)).as(arg).isFalse();
    }
  }

  @Test
  void choiceOtherThanAutoHereOrTunedIsAUsageError() {
    assertThat(TunedJvm.wanted("HERE", LONG)).isFalse();
    assertThatThrownBy(() -> TunedJvm.wanted("off", LONG))
        .hasMessage("-Dftpseq.jvm must be auto, here or tuned, not 'off'");
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }
}
