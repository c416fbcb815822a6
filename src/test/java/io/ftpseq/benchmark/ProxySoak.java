package io.ftpseq.benchmark;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

/**
 * Soaks {@code ftpseq proxy} as a process of its own: many clients at once, each running session
 * after session of uploads and downloads in both modes, every byte compared; some clients killed
 * mid-transfer, some sending a command out of order; twice the server is killed mid-transfer, left
 * down, replaced for a while by one that answers garbage, and restarted. The proxy's threads, file
 * descriptors, resident memory and heap after GC are sampled throughout and compared after it has
 * been idle again. Not a test: run by hand, for minutes.
 *
 * <pre>
 * mvn -q -DskipTests package test-compile
 * mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp "target/classes:target/test-classes:$(cat cp.txt)" io.ftpseq.benchmark.ProxySoak 5 200
 * </pre>
 *
 * Arguments: minutes (default 3), clients at once (default 200).
 */
public final class ProxySoak {

  private static final int SHARED = 1 << 20;
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  private final Path home;
  private final int serverPort;
  private final AtomicLong sessions = new AtomicLong();
  private final AtomicLong transfers = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong mismatches = new AtomicLong();
  private final AtomicLong clientKills = new AtomicLong();
  private final AtomicLong outOfOrder = new AtomicLong();
  private final AtomicLong disturbed = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();
  private final List<long[]> chaos = new ArrayList<>();
  private volatile byte[] shared;
  private Process server;

  private ProxySoak(Path home, int serverPort) {
    this.home = home;
    this.serverPort = serverPort;
  }

  /** Runs the soak and prints what it saw. */
  public static void main(String[] args) throws Exception {
    int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path home = Files.createTempDirectory("ftpseq-soak");
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    new ProxySoak(home, port).run(minutes, clients);
  }

  private void run(int minutes, int clients) throws Exception {
    shared = new byte[SHARED];
    ThreadLocalRandom.current().nextBytes(shared);
    Files.write(home.resolve("shared.bin"), shared);
    server = start("ftp");
    Path out = home.resolve("proxy.out");
    Path err = home.resolve("proxy.err");
    Process proxy =
        new ProcessBuilder(
                java(),
                "-Xmx256m",
                "-jar",
                "target/ftpseq.jar",
                "proxy",
                "--upstream",
                "127.0.0.1:" + serverPort,
                "--listen",
                "127.0.0.1:0",
                "--max-sessions",
                "1000",
                "--idle-timeout",
                "60s",
                "--transfer-timeout",
                "30s",
                "--lang",
                "en")
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    int proxyPort = proxyPort(err);
    ProcessSample.Sampler sampler = new ProcessSample.Sampler(proxy.pid());
    for (int i = 0; i < 20; i++) {
      session(proxyPort, 0, Long.MAX_VALUE); // warm up, then let idle threads retire
    }
    sampler.sample(true); // jcmd's first attach starts a thread and opens a socket in the proxy
    Thread.sleep(35_000);
    ProcessSample before = sampler.sample(true);
    System.out.println("before: " + before);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MINUTES.toNanos(minutes);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      int n = i;
      Thread t = new Thread(() -> loop(proxyPort, n, deadline), "soak-client-" + i);
      t.start();
      threads.add(t);
    }
    Thread chaosThread = new Thread(() -> chaos(start, deadline), "soak-chaos");
    chaosThread.start();
    List<ProcessSample> samples = new ArrayList<>();
    while (System.nanoTime() < deadline) {
      Thread.sleep(15_000);
      ProcessSample sample = sampler.sample(samples.size() % 2 == 1);
      samples.add(sample);
      System.out.printf(
          "%3d s: %s; %d sessions, %d transfers, %d MB so far%n",
          TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
          sample,
          sessions.get(),
          transfers.get(),
          bytes.get() >> 20);
    }
    for (Thread t : threads) {
      t.join();
    }
    chaosThread.join();
    Thread.sleep(40_000); // idle: the proxy's spare threads retire after 30 s
    ProcessSample after = sampler.sample(true);
    // SIGTERM, which stops the proxy as Ctrl-C does: a soak started in the background of a
    // non-interactive shell runs with SIGINT ignored, and the JVM then keeps ignoring it
    new ProcessBuilder("kill", "-TERM", Long.toString(proxy.pid())).start().waitFor();
    boolean ended = proxy.waitFor(30, TimeUnit.SECONDS);
    server.destroyForcibly().waitFor();
    long findings =
        Files.readAllLines(out).stream().filter(l -> l.contains(" RNTO_WITHOUT_RNFR")).count();
    System.out.println("after:  " + after);
    System.out.printf(
        "%d minutes, %d clients at once: %d sessions completed, %d transfers, %d MB moved and"
            + " compared, %d byte mismatches; %d clients killed mid-transfer, %d sessions cut by"
            + " the server's deaths and garbage, %d unexpected failures; %d out-of-order commands"
            + " sent, %d reported; proxy exit %s on SIGTERM%n",
        minutes,
        clients,
        sessions.get(),
        transfers.get(),
        bytes.get() >> 20,
        mismatches.get(),
        clientKills.get(),
        disturbed.get(),
        unexpected.get(),
        outOfOrder.get(),
        findings,
        ended ? Integer.toString(proxy.exitValue()) : "none (still running)");
    System.out.printf(
        "threads %d -> %d, file descriptors %d -> %d, heap after GC %d -> %d MB (peak sample %d"
            + " MB), resident %d -> %d MB (peak %d MB)%n",
        before.threads(),
        after.threads(),
        before.fds(),
        after.fds(),
        before.heapMb(),
        after.heapMb(),
        samples.stream().mapToLong(ProcessSample::heapMb).max().orElse(0),
        before.rssMb(),
        after.rssMb(),
        samples.stream().mapToLong(ProcessSample::rssMb).max().orElse(0));
    if (!ended) {
      proxy.destroyForcibly();
    }
  }

  private void loop(int proxyPort, int n, long deadline) {
    while (System.nanoTime() < deadline) {
      long began = System.nanoTime();
      try {
        session(proxyPort, n, deadline);
      } catch (IOException | RuntimeException e) {
        if (nearChaos(began, System.nanoTime())) {
          disturbed.incrementAndGet();
        } else if (unexpected.incrementAndGet() <= 5) {
          System.out.println("unexpected: client " + n + ": " + e);
        }
        pause(); // a client retries after a failure, not at once
      }
    }
  }

  private void session(int proxyPort, int n, long deadline) throws IOException {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    FTPClient client = new FTPClient();
    client.setDefaultTimeout(60_000);
    client.setConnectTimeout(30_000);
    client.setDataTimeout(java.time.Duration.ofSeconds(60));
    client.connect("127.0.0.1", proxyPort);
    try {
      if (!client.login("alice", "wonderland")) {
        throw new IOException("login: " + client.getReplyString().strip());
      }
      client.setFileType(FTP.BINARY_FILE_TYPE);
      int count = 1 + random.nextInt(4);
      for (int i = 0; i < count && System.nanoTime() < deadline; i++) {
        if (random.nextBoolean()) {
          client.enterLocalPassiveMode();
        } else {
          client.enterLocalActiveMode();
        }
        if (random.nextInt(100) < 2) {
          InputStream stream = client.retrieveFileStream("shared.bin");
          if (stream != null) {
            stream.readNBytes(1000);
          }
          client.setSoLinger(true, 0);
          client.disconnect(); // killed mid-transfer
          clientKills.incrementAndGet();
          return;
        }
        transfer(client, n, random);
      }
      if (random.nextInt(100) < 5) {
        client.sendCommand("RNTO", "x");
        outOfOrder.incrementAndGet();
      }
      client.logout();
      sessions.incrementAndGet();
    } finally {
      if (client.isConnected()) {
        client.disconnect();
      }
    }
  }

  private void transfer(FTPClient client, int n, ThreadLocalRandom random) throws IOException {
    String name = "up-" + n + "-" + random.nextInt(1 << 30) + ".bin";
    byte[] mine = new byte[8192 + random.nextInt(512 * 1024)];
    random.nextBytes(mine);
    if (!client.storeFile(name, new java.io.ByteArrayInputStream(mine))) {
      throw new IOException("STOR: " + client.getReplyString().strip());
    }
    compare(retrieve(client, name), mine);
    compare(retrieve(client, "shared.bin"), shared);
    client.deleteFile(name);
    transfers.addAndGet(3);
    bytes.addAndGet(2L * mine.length + SHARED);
  }

  private static byte[] retrieve(FTPClient client, String name) throws IOException {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    if (!client.retrieveFile(name, got)) {
      throw new IOException("RETR: " + client.getReplyString().strip());
    }
    return got.toByteArray();
  }

  private void compare(byte[] got, byte[] expected) {
    if (!Arrays.equals(got, expected)) {
      mismatches.incrementAndGet();
      System.out.println("MISMATCH: " + got.length + " bytes instead of " + expected.length);
    }
  }

  /** Twice: the server killed mid-transfer, down 3 s, answering garbage 5 s, then back. */
  private void chaos(long start, long deadline) {
    try {
      for (int i = 1; i <= 2; i++) {
        long at = start + (deadline - start) * i / 3;
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - System.nanoTime())));
        long[] window = {System.nanoTime(), Long.MAX_VALUE};
        synchronized (chaos) {
          chaos.add(window);
        }
        server.destroyForcibly().waitFor();
        Thread.sleep(3_000);
        Process garbage = start("garbage");
        Thread.sleep(5_000);
        garbage.destroyForcibly().waitFor();
        server = start("ftp");
        synchronized (chaos) {
          window[1] = System.nanoTime();
        }
        System.out.printf(
            "%3d s: server killed, down 3 s, garbage 5 s, restarted%n",
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
      }
    } catch (IOException | InterruptedException e) {
      System.out.println("chaos failed: " + e);
    }
  }

  /** Whether a session that ran from {@code began} to {@code ended} overlapped a chaos window. */
  private boolean nearChaos(long began, long ended) {
    synchronized (chaos) {
      long slack = TimeUnit.SECONDS.toNanos(65); // a client may wait out its timeout
      for (long[] window : chaos) {
        long end = window[1] == Long.MAX_VALUE ? Long.MAX_VALUE : window[1] + slack;
        if (began < end && ended > window[0]) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Starts a server process and waits until it listens; when it cannot bind yet (the killed one's
   * port still held), tries again for up to ten seconds.
   */
  private Process start(String mode) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Process process = launch(mode);
      if (process != null || attempt == 40) {
        if (process == null) {
          throw new IOException("the " + mode + " server did not start on port " + serverPort);
        }
        return process;
      }
      pause();
    }
  }

  /** A server process that is listening, or {@code null} when it ended before it was. */
  private Process launch(String mode) throws IOException {
    Process process =
        new ProcessBuilder(
                java(),
                "-cp",
                System.getProperty("java.class.path"),
                SoakServer.class.getName(),
                mode,
                Integer.toString(serverPort),
                home.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null && !line.equals("ready")) {
      // the server's start-up chatter
    }
    if (line == null) {
      process.destroyForcibly();
      return null;
    }
    Thread drain =
        new Thread(
            () -> {
              try {
                out.transferTo(java.io.Writer.nullWriter());
              } catch (IOException e) {
                // the server was killed
              }
            });
    drain.setDaemon(true);
    drain.start();
    return process;
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int proxyPort(Path err) throws IOException, InterruptedException {
    for (int i = 0; i < 300; i++) {
      Matcher m = LISTENING.matcher(Files.readString(err));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new IOException("the proxy did not start: " + Files.readString(err));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
