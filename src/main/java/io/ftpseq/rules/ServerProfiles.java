package io.ftpseq.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in server profiles, and profiles read from and written to JSON files.
 *
 * <p>Built-ins are resources {@code io/ftpseq/rules/profiles/<name>.json}; {@link #RFC} is the
 * default. {@link #detect} picks a built-in from what a server says of itself, for {@code --profile
 * auto}.
 */
public final class ServerProfiles {

  /** The built-in profiles' names, {@code rfc} first, then in the order detection tries them. */
  private static final List<String> NAMES =
      List.of(
          "rfc",
          "vsftpd",
          "proftpd",
          "pure-ftpd",
          "pyftpdlib",
          "apache-ftpserver",
          "filezilla-server",
          "bftpd",
          "iis");

  /**
   * The built-ins read so far: each is read when first asked for, as reading JSON costs every
   * command a second of start-up (Jackson's first use) and most runs use one profile or none.
   */
  private static final Map<String, ServerProfile> LOADED = new ConcurrentHashMap<>();

  /** The RFCs as written (RFC 959, 2228, 2428, 3659, 4217, 7151): the default profile. */
  public static final ServerProfile RFC = loaded(ServerProfile.RFC_NAME);

  private ServerProfiles() {}

  /** The names of the built-in profiles, {@code rfc} first. */
  public static List<String> names() {
    return NAMES;
  }

  /** Every built-in profile, {@code rfc} first. */
  public static List<ServerProfile> builtIns() {
    return NAMES.stream().map(ServerProfiles::loaded).toList();
  }

  /** The built-in profile with this name. */
  public static Optional<ServerProfile> builtIn(String name) {
    return NAMES.contains(name) ? Optional.of(loaded(name)) : Optional.empty();
  }

  /**
   * The built-in server profile whose greeting pattern is found in the greeting (all its lines, for
   * example {@code 220 (vsFTPd 3.0.3)}); never {@code rfc}.
   */
  public static Optional<ServerProfile> detect(String greeting) {
    return builtIns().stream().filter(p -> !p.isRfc() && p.matchesGreeting(greeting)).findFirst();
  }

  /** The built-in server profile whose SYST pattern is found in a reply to SYST; never rfc. */
  public static Optional<ServerProfile> detectFromSyst(String systReply) {
    return builtIns().stream().filter(p -> !p.isRfc() && p.matchesSyst(systReply)).findFirst();
  }

  /**
   * Reads a profile from a JSON file.
   *
   * @throws IOException if the file cannot be read or is not a valid profile; the message is one
   *     line that starts with the file's name
   */
  public static ServerProfile load(Path file) throws IOException {
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IOException(file + ": no such file", e);
    }
    return ProfileJson.read(file.toString(), json);
  }

  /**
   * Reads a profile from JSON text, for inputs that are not local files (a profile on HDFS, shipped
   * to Spark executors).
   *
   * @param name the file the text came from, for messages
   * @throws IOException if the text is not a valid profile; the message is one line that starts
   *     with the name
   */
  public static ServerProfile read(String name, String json) throws IOException {
    return ProfileJson.read(name, json);
  }

  /**
   * Writes a profile as JSON: fixed field order, reactions sorted by key, one per line, so the same
   * profile always gives the same bytes and a regenerated profile diffs line by line.
   */
  public static void save(ServerProfile profile, Path file) throws IOException {
    Files.writeString(file, ProfileJson.write(profile), StandardCharsets.UTF_8);
  }

  /** The profile as the JSON {@link #save} writes. */
  public static String toJson(ServerProfile profile) {
    return ProfileJson.write(profile);
  }

  private static ServerProfile loaded(String name) {
    return LOADED.computeIfAbsent(name, ServerProfiles::readBuiltIn);
  }

  private static ServerProfile readBuiltIn(String name) {
    String resource = "profiles/" + name + ".json";
    try (InputStream in = ServerProfiles.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("built-in profile resource missing: " + resource);
      }
      ServerProfile profile =
          ProfileJson.read(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!profile.name().equals(name)) {
        throw new IllegalStateException(resource + " is named " + profile.name());
      }
      return profile;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
