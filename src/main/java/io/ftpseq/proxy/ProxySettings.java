package io.ftpseq.proxy;

import io.ftpseq.rules.ProfileChoice;
import io.ftpseq.rules.ServerProfiles;
import io.ftpseq.rules.Severity;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a proxy runs: where it listens, the server it relays to, how it checks, and the limits that
 * keep one session from harming the others. Start from {@link #of} and change what differs.
 *
 * @param listen the address clients connect to
 * @param upstream the real FTP server
 * @param profile the server profile the sessions are checked with, as {@code check --profile}
 * @param strictAt with strict checking, the lowest severity of a broken rule that makes the proxy
 *     answer the command itself instead of forwarding it; {@code null} relays everything
 * @param connectTimeout how long to wait for the server to accept a connection
 * @param idleTimeout how long a session may go with nothing on its control or data connections
 * @param transferTimeout how long a data connection may wait to be opened, or go without a byte
 * @param maxSessions how many sessions may be open at once; more are refused with 421
 * @param maxLine the longest control line in bytes; a longer one ends the session
 * @param dataPorts the ports the proxy listens on for data connections, or {@code null} for any
 * @param tls how to terminate TLS for FTPS clients, or {@code null} to refuse {@code AUTH TLS}
 * @param recordDirectory where each session's transcript is written, or {@code null}
 * @param keepSteps whether each session's check keeps every step, for reports that draw them (HTML,
 *     Markdown); memory then grows with each session
 */
public record ProxySettings(
    InetSocketAddress listen,
    InetSocketAddress upstream,
    ProfileChoice profile,
    Severity strictAt,
    Duration connectTimeout,
    Duration idleTimeout,
    Duration transferTimeout,
    int maxSessions,
    int maxLine,
    PortRange dataPorts,
    TlsTermination tls,
    Path recordDirectory,
    boolean keepSteps) {

  /** The default idle timeout, as ProFTPD's TimeoutIdle. */
  public static final Duration IDLE = Duration.ofMinutes(10);

  /** The default transfer timeout: a data connection not opened or silent this long. */
  public static final Duration TRANSFER = Duration.ofMinutes(2);

  /** The default timeout for connecting to the server. */
  public static final Duration CONNECT = Duration.ofSeconds(10);

  /** The default cap on open sessions. */
  public static final int MAX_SESSIONS = 100;

  /** The default longest control line: a command with a long path fits. */
  public static final int MAX_LINE = 8192;

  /** The shortest longest control line allowed: RFC 959 lines fit in 512 bytes. */
  public static final int MIN_LINE = 512;

  /** Validates the parts. */
  public ProxySettings {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(profile, "profile");
    positive(connectTimeout, "connectTimeout");
    positive(idleTimeout, "idleTimeout");
    positive(transferTimeout, "transferTimeout");
    if (maxSessions < 1) {
      throw new IllegalArgumentException("maxSessions must be 1 or more, not " + maxSessions);
    }
    if (maxLine < MIN_LINE) {
      throw new IllegalArgumentException(
          "maxLine must be " + MIN_LINE + " bytes or more, not " + maxLine);
    }
  }

  /** A proxy from {@code listen} to {@code upstream} with the {@code rfc} profile and defaults. */
  public static ProxySettings of(InetSocketAddress listen, InetSocketAddress upstream) {
    return builder(listen, upstream).build();
  }

  /** Settings from {@code listen} to {@code upstream}, the defaults changed where a caller says. */
  public static Builder builder(InetSocketAddress listen, InetSocketAddress upstream) {
    return new Builder(listen, upstream);
  }

  /** Builds settings; every part not set keeps its default. */
  public static final class Builder {
    private final InetSocketAddress listen;
    private final InetSocketAddress upstream;
    private ProfileChoice profile = ProfileChoice.of(ServerProfiles.RFC);
    private Severity strictAt;
    private Duration connect = CONNECT;
    private Duration idle = IDLE;
    private Duration transfer = TRANSFER;
    private int maxSessions = MAX_SESSIONS;
    private int maxLine = MAX_LINE;
    private PortRange dataPorts;
    private TlsTermination tls;
    private Path recordDirectory;
    private boolean keepSteps;

    private Builder(InetSocketAddress listen, InetSocketAddress upstream) {
      this.listen = listen;
      this.upstream = upstream;
    }

    /** Checks with another profile. */
    public Builder profile(ProfileChoice choice) {
      this.profile = choice;
      return this;
    }

    /** Answers commands that break a rule at {@code level} or above itself. */
    public Builder strict(Severity level) {
      this.strictAt = level;
      return this;
    }

    /** Other timeouts. */
    public Builder timeouts(
        Duration connectTimeout, Duration idleTimeout, Duration transferTimeout) {
      this.connect = connectTimeout;
      this.idle = idleTimeout;
      this.transfer = transferTimeout;
      return this;
    }

    /** Other limits on sessions at once and on the length of a control line. */
    public Builder limits(int sessions, int line) {
      this.maxSessions = sessions;
      this.maxLine = line;
      return this;
    }

    /** Listens for data connections on these ports only. */
    public Builder dataPorts(PortRange ports) {
      this.dataPorts = ports;
      return this;
    }

    /** Ends TLS for FTPS clients. */
    public Builder tls(TlsTermination termination) {
      this.tls = termination;
      return this;
    }

    /** Writes each session's transcript into {@code directory}. */
    public Builder recordTo(Path directory) {
      this.recordDirectory = directory;
      return this;
    }

    /** Keeps every step of each session, for the reports that draw them. */
    public Builder keepingSteps(boolean keep) {
      this.keepSteps = keep;
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException naming the part that is out of range
     */
    public ProxySettings build() {
      return new ProxySettings(
          listen,
          upstream,
          profile,
          strictAt,
          connect,
          idle,
          transfer,
          maxSessions,
          maxLine,
          dataPorts,
          tls,
          recordDirectory,
          keepSteps);
    }
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + duration);
    }
    if (duration.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) { // a socket's timeout
      throw new IllegalArgumentException(
          name + " must be at most " + Integer.MAX_VALUE + " ms, not " + duration);
    }
  }
}
