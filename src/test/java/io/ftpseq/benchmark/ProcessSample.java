package io.ftpseq.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a JVM process holds at one moment, read from outside: threads and resident memory from
 * {@code /proc/PID/status}, open file descriptors from {@code /proc/PID/fd}, and the heap in use as
 * {@code jcmd} reports it (after a full GC when asked, so garbage does not count).
 *
 * @param heapMb heap in use in MB, or -1 when not measured
 */
record ProcessSample(long threads, long fds, long rssMb, long heapMb) {

  @Override
  public String toString() {
    return threads
        + " threads, "
        + fds
        + " fds, "
        + rssMb
        + " MB resident"
        + (heapMb < 0 ? "" : ", " + heapMb + " MB heap after GC");
  }

  /** Samples one process. */
  static final class Sampler {
    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private final long pid;

    Sampler(long pid) {
      this.pid = pid;
    }

    ProcessSample sample(boolean heap) throws IOException, InterruptedException {
      String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
      long fds;
      try (Stream<Path> open = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
        fds = open.count();
      }
      return new ProcessSample(
          field(status, "Threads"), fds, field(status, "VmRSS") / 1024, heap ? heapMb() : -1);
    }

    private long heapMb() throws IOException, InterruptedException {
      jcmd("GC.run");
      Matcher m = USED.matcher(jcmd("GC.heap_info"));
      return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
      Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return output;
    }

    private static long field(String status, String name) {
      Matcher m = Pattern.compile("(?m)^" + name + ":\\s+(\\d+)").matcher(status);
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
  }
}
