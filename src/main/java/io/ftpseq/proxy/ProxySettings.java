package io.ftpseq.proxy;

import io.ftpseq.profile.ProfileChoice;
import io.ftpseq.profile.ServerProfiles;
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
    Path recordDirectory) {

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
    if (maxLine < 512) {
      throw new IllegalArgumentException("maxLine must be 512 bytes or more, not " + maxLine);
    }
  }

  /** A proxy from {@code listen} to {@code upstream} with the {@code rfc} profile and defaults. */
  public static ProxySettings of(InetSocketAddress listen, InetSocketAddress upstream) {
    return new ProxySettings(
        listen,
        upstream,
        ProfileChoice.of(ServerProfiles.RFC),
        null,
        CONNECT,
        IDLE,
        TRANSFER,
        MAX_SESSIONS,
        MAX_LINE,
        null,
        null,
        null);
  }

  /** These settings checking with another profile. */
  public ProxySettings withProfile(ProfileChoice choice) {
    return new ProxySettings(
        listen,
        upstream,
        choice,
        strictAt,
        connectTimeout,
        idleTimeout,
        transferTimeout,
        maxSessions,
        maxLine,
        dataPorts,
        tls,
        recordDirectory);
  }

  /** These settings answering commands that break a rule at {@code level} or above itself. */
  public ProxySettings strict(Severity level) {
    return new ProxySettings(
        listen,
        upstream,
        profile,
        level,
        connectTimeout,
        idleTimeout,
        transferTimeout,
        maxSessions,
        maxLine,
        dataPorts,
        tls,
        recordDirectory);
  }

  /** These settings with other timeouts. */
  public ProxySettings withTimeouts(Duration connect, Duration idle, Duration transfer) {
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
        recordDirectory);
  }

  /** These settings with other limits. */
  public ProxySettings withLimits(int sessions, int line) {
    return new ProxySettings(
        listen,
        upstream,
        profile,
        strictAt,
        connectTimeout,
        idleTimeout,
        transferTimeout,
        sessions,
        line,
        dataPorts,
        tls,
        recordDirectory);
  }

  /** These settings listening for data connections on the given ports only. */
  public ProxySettings withDataPorts(PortRange ports) {
    return new ProxySettings(
        listen,
        upstream,
        profile,
        strictAt,
        connectTimeout,
        idleTimeout,
        transferTimeout,
        maxSessions,
        maxLine,
        ports,
        tls,
        recordDirectory);
  }

  /** These settings terminating TLS for FTPS clients. */
  public ProxySettings withTls(TlsTermination termination) {
    return new ProxySettings(
        listen,
        upstream,
        profile,
        strictAt,
        connectTimeout,
        idleTimeout,
        transferTimeout,
        maxSessions,
        maxLine,
        dataPorts,
        termination,
        recordDirectory);
  }

  /** These settings writing each session's transcript into {@code directory}. */
  public ProxySettings recordingTo(Path directory) {
    return new ProxySettings(
        listen,
        upstream,
        profile,
        strictAt,
        connectTimeout,
        idleTimeout,
        transferTimeout,
        maxSessions,
        maxLine,
        dataPorts,
        tls,
        directory);
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + duration);
    }
  }
}
