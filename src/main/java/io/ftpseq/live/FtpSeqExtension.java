package io.ftpseq.live;

import io.ftpseq.rules.Finding;
import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfile;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.Severity;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that checks the FTP sessions a test runs and fails the test when one breaks
 * an ordering rule. Test methods may declare an {@link FTPClient} (or {@link CheckedFtpClient},
 * {@link FTPSClient}, {@link CheckedFtpsClient}) to get a new watched client, and an {@link
 * FtpSeqRecorder} to watch clients the code under test creates. After the test, each session that
 * reached a server (a client never connected, or whose connect failed, leaves no files) has its
 * transcript and report written to files ({@code target/ftpseq/com.example.Class.method-N.txt} and
 * {@code .report.txt} by default, named by the fully qualified class name; see {@link
 * Builder#reportDirectory}) and published as report entries {@code ftpseq.transcript.NAME} and
 * {@code ftpseq.report.NAME}, and the test fails listing every finding at the failure level or
 * above and naming the transcript file, whose line numbers the findings use; the failure's stack
 * trace is the code under test's where it sent the first command named.
 *
 * <pre>{@code
 * @ExtendWith(FtpSeqExtension.class)          // or, to configure it:
 * class ReportUploaderTest {
 *   @RegisterExtension
 *   static FtpSeqExtension ftpseq = FtpSeqExtension.builder().failOn(Severity.ERROR).build();
 *
 *   @Test
 *   void uploads(FTPClient client) throws IOException {
 *     client.connect(host, port);
 *     new ReportUploader(client).upload(report);
 *   }
 * }
 * }</pre>
 *
 * All per-test state lives in the test's store, so tests may run in parallel.
 */
public final class FtpSeqExtension implements ParameterResolver, AfterEachCallback {

  private static final Namespace NAMESPACE = Namespace.create(FtpSeqExtension.class);
  private static final List<Class<?>> INJECTED =
      List.of(
          FtpSeqRecorder.class,
          FTPClient.class,
          CheckedFtpClient.class,
          FTPSClient.class,
          CheckedFtpsClient.class);

  /** A finding's line in a text report: {@code file:line: severity RULE: message}. */
  private static final Pattern FINDING_LINE =
      Pattern.compile(".*:\\d+: (error|warning|info) [A-Z_]+: ");

  private static final Pattern INVOCATION =
      Pattern.compile("\\[test-template-invocation:#(\\d+)\\]$");

  private final Severity failOn;
  private final CheckMode mode;
  private final ProfileChoice profile;
  private final SessionFiles files;

  /** The extension with its defaults: observe, RFC profile, fail on warnings and errors. */
  public FtpSeqExtension() {
    this(builder());
  }

  private FtpSeqExtension(Builder builder) {
    this.failOn = builder.failOn;
    this.mode = builder.mode;
    this.profile = builder.profile;
    this.files = new SessionFiles(builder.reportDirectory);
  }

  /** A builder, for {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getDeclaringExecutable() instanceof Method
        && INJECTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestSessions sessions = sessions(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == FtpSeqRecorder.class) {
      return new FtpSeqRecorder(sessions);
    }
    boolean secure = type == FTPSClient.class || type == CheckedFtpsClient.class;
    return secure ? sessions.newSecureClient() : sessions.newClient();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestSessions sessions = context.getStore(NAMESPACE).get(TestSessions.class, TestSessions.class);
    if (sessions == null) {
      return;
    }
    StringBuilder failure = new StringBuilder();
    StringBuilder passing = new StringBuilder();
    StackTraceElement[] site = null;
    for (FtpSessionWatch watch : sessions.watches()) {
      String where;
      String report = "";
      if (watch.reachedTheWire()) {
        context.publishReportEntry("ftpseq.transcript." + watch.name(), watch.transcript());
        Outcome written = write(watch);
        where = written(context, watch, written);
        report = written.written() == null ? watch.report() : written.written().reportText();
      } else {
        where = unwritten(watch);
      }
      List<Finding> below =
          watch.findings().stream().filter(f -> !f.severity().atLeast(failOn)).toList();
      if (!below.isEmpty()) {
        passing.append(belowTheFailureLevel(watch, below.size(), where, report));
      }
      List<Finding> failing = watch.findingsAtLeast(failOn);
      if (!failing.isEmpty()) {
        if (site == null || site.length == 0) {
          site = watch.callSite(failing.get(0));
        }
        failure
            .append("FTP session ")
            .append(watch.name())
            .append(" broke ")
            .append(failing.size())
            .append(" ordering rule(s) at ")
            .append(failOn.name().toLowerCase(Locale.ROOT))
            .append(" or above")
            .append(where)
            .append(":\n")
            .append(watch.describe(failing));
      }
    }
    if (failure.length() == 0 && passing.length() > 0) {
      // Surefire keeps no report entry; a test's standard output is its <system-out> in the XML
      System.out.print(passing);
      System.out.flush();
    }
    if (failure.length() > 0) {
      AssertionError error = new AssertionError(failure.toString().stripTrailing());
      if (site.length > 0) {
        error.setStackTrace(site); // the code under test's line, where a developer looks first
      }
      throw error;
    }
  }

  /**
   * What a test that passed prints about a session's findings below the failure level, one line
   * each as in its report ({@code transcript:line: severity RULE: message}): Surefire puts a test's
   * standard output into its XML report, where CI shows it, and drops JUnit report entries. A
   * session without such findings prints nothing.
   */
  private String belowTheFailureLevel(
      FtpSessionWatch watch, int count, String where, String report) {
    StringBuilder text =
        new StringBuilder("ftpseq: FTP session ")
            .append(watch.name())
            .append(" has ")
            .append(count)
            .append(" finding(s) below ")
            .append(failOn.name().toLowerCase(Locale.ROOT))
            .append(where)
            .append(":\n");
    report
        .lines()
        .filter(line -> FINDING_LINE.matcher(line).lookingAt())
        .forEach(line -> text.append("  ").append(line).append('\n'));
    return text.toString();
  }

  /** The session's files as written, or why they could not be. */
  private record Outcome(SessionFiles.Written written, String error) {}

  private Outcome write(FtpSessionWatch watch) {
    try {
      return new Outcome(files.write(watch), null);
    } catch (IOException | RuntimeException e) {
      return new Outcome(null, e.getMessage());
    }
  }

  /**
   * Publishes the report (naming the transcript file, as the written report does) and says where,
   * for the failure message: the transcript whose lines the findings name, and the command that
   * checks it again. A file that cannot be written does not hide the findings: the published report
   * then names the session, and the message says why the file is missing.
   */
  private static String written(ExtensionContext context, FtpSessionWatch watch, Outcome files) {
    SessionFiles.Written written = files.written();
    if (written == null) {
      context.publishReportEntry("ftpseq.report." + watch.name(), watch.report());
      return " (its transcript could not be written: " + files.error() + ")";
    }
    context.publishReportEntry("ftpseq.report." + watch.name(), written.reportText());
    context.publishReportEntry("ftpseq.file." + watch.name(), written.transcript().toString());
    return " (transcript "
        + written.transcript()
        + ", report "
        + written.report()
        + "; check it again with: ftpseq check "
        + written.transcript()
        + ")";
  }

  /**
   * Removes the files an earlier run wrote for a session that this time never reached a server (a
   * client the test did not use, or whose connect failed): it has no transcript that {@code ftpseq
   * check} could read, and a stale one would stand for this run.
   */
  private String unwritten(FtpSessionWatch watch) {
    try {
      files.remove(watch);
      return " (nothing reached the server, so no transcript was written)";
    } catch (IOException | RuntimeException e) {
      return " (nothing reached the server; an earlier run's transcript could not be removed: "
          + e.getMessage()
          + ")";
    }
  }

  private TestSessions sessions(ExtensionContext context) {
    String name =
        testName(context.getRequiredTestClass(), context.getRequiredTestMethod())
            + invocation(context.getUniqueId());
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TestSessions.class,
            key -> new TestSessions(name, mode, Severity.ERROR, profile),
            TestSessions.class);
  }

  /**
   * A test's name, unique in the build: the fully qualified class name (a nested class joined by a
   * dot), the method, and for an overloaded method its parameter types, as in {@code
   * com.example.UploadTest.publishes} or {@code com.example.UploadTest.publishes(FTPClient)}. Two
   * classes with the same simple name in different packages so never share a transcript file.
   */
  static String testName(Class<?> testClass, Method method) {
    String name = testClass.getName().replace('$', '.') + "." + method.getName();
    boolean overloaded =
        Arrays.stream(testClass.getDeclaredMethods())
                .filter(m -> m.getName().equals(method.getName()))
                .count()
            > 1;
    if (!overloaded) {
      return name;
    }
    return Arrays.stream(method.getParameterTypes())
        .map(Class::getSimpleName)
        .collect(Collectors.joining(",", name + "(", ")"));
  }

  /**
   * The invocation of a parameterized or repeated test, {@code [3]}, so each invocation's sessions
   * have names (and files) of their own; empty for a plain test.
   */
  static String invocation(String uniqueId) {
    Matcher matcher = INVOCATION.matcher(uniqueId);
    return matcher.find() ? "[" + matcher.group(1) + "]" : "";
  }

  /** Configures an {@link FtpSeqExtension}. */
  public static final class Builder {
    private Severity failOn = Severity.WARNING;
    private CheckMode mode = CheckMode.OBSERVE;
    private ProfileChoice profile = ProfileChoice.of(ServerProfiles.RFC);
    private Path reportDirectory;

    private Builder() {}

    /**
     * The directory each session's transcript ({@code com.example.Class.method-N.txt}) and text
     * report ({@code com.example.Class.method-N.report.txt}) are written to. Default: the {@code
     * ftpseq.reportDirectory} system property, else {@code target/ftpseq} under the working
     * directory.
     */
    public Builder reportDirectory(Path directory) {
      this.reportDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Fails the test on findings of this severity or worse (default {@code WARNING}). */
    public Builder failOn(Severity severity) {
      this.failOn = Objects.requireNonNull(severity, "severity");
      return this;
    }

    /**
     * Whether injected clients refuse commands that break an error-level rule ({@link
     * CheckMode#STRICT}) or only record them (default {@link CheckMode#OBSERVE}).
     */
    public Builder mode(CheckMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The server profile sessions are checked with (default {@code rfc}). */
    public Builder profile(ServerProfile profile) {
      return profile(ProfileChoice.of(Objects.requireNonNull(profile, "profile")));
    }

    /**
     * How each session's profile is chosen: {@code ProfileChoice.AUTO} picks it from the greeting
     * each session sees, so failure messages and strict refusals say what that server answers.
     */
    public Builder profile(ProfileChoice profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** The extension. */
    public FtpSeqExtension build() {
      return new FtpSeqExtension(this);
    }
  }
}
