package io.ftpseq.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Standard input and a FIFO cannot be read by the job, whose tasks open their inputs by path on the
 * executors: {@code -} is a usage error of one line before Spark starts, and a FIFO or character
 * device named is a problem of that input, said in one line, and the run goes on. The job waited
 * for a FIFO's writer until it was killed, and read {@code -} as a file that is not there.
 */
@ExtendWith(LocalSparkSession.class)
class SparkPipeInputsTest {

  @TempDir Path temp;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void standardInputIsAUsageErrorOfOneLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        SparkCheck.run(
            new String[] {"--output", temp.resolve("out").toString(), "-"},
            new PrintWriter(out),
            new PrintWriter(err));

    assertThat(code).isEqualTo(SparkCheck.EXIT_USAGE);
    assertThat(err.toString().lines().findFirst().orElseThrow())
        .isEqualTo(
            "spark-check: - (standard input) cannot be read by the Spark job, whose tasks open"
                + " their inputs by path; save it to a file, or check it with ftpseq check -");
    assertThat(Files.exists(temp.resolve("out"))).isFalse();
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aFifoIsAProblemOfOneLineAndTheRunGoesOn(SparkSession spark) throws Exception {
    Path fifo = temp.resolve("pipe.log");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    Path log = Files.copy(Path.of("samples/dialogue/bad-order.txt"), temp.resolve("plain.txt"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code =
        SparkCheck.run(
            new String[] {
              "--output",
              temp.resolve("out").toString(),
              fifo.toString(),
              log.toString(),
              "/dev/zero"
            },
            new PrintWriter(out),
            new PrintWriter(err));

    assertThat(code).as(err.toString()).isEqualTo(SparkCheck.EXIT_INPUT);
    assertThat(err.toString()).doesNotContain("\tat ");
    assertThat(out.toString().lines().findFirst().orElseThrow())
        .startsWith("1 session(s) in 3 input(s): 2 error(s), 1 warning(s), 0 info, 2 problem(s).");
    assertThat(problems(spark))
        .containsExactlyInAnyOrder(
            "/dev/zero: a character device, which the Spark job cannot read: its tasks open their"
                + " inputs by path, on the executors; copy what it gives to a file, or check it"
                + " with ftpseq check",
            fifo
                + ": a FIFO (named pipe), which the Spark job cannot read: its tasks open their"
                + " inputs by path, on the executors; copy what it gives to a file, or check it"
                + " with ftpseq check");
  }

  private java.util.List<String> problems(SparkSession spark) throws IOException {
    return spark
        .read()
        .parquet(temp.resolve("out/problems/parquet").toString())
        .collectAsList()
        .stream()
        .map(row -> row.getAs("source") + ": " + row.getAs("message"))
        .toList();
  }
}
