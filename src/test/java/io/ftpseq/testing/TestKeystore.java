package io.ftpseq.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed RSA key for 127.0.0.1 in a PKCS12 keystore, made at test time by the JDK's {@code
 * keytool}, so no key is kept in the repository. Valid for one day.
 *
 * @param file the keystore
 * @param password the keystore's and the key's password
 */
public record TestKeystore(Path file, String password) {

  /** The keystore type. */
  public static final String TYPE = "PKCS12";

  /** Makes a keystore in {@code directory}, waiting at most a minute for {@code keytool}. */
  public static TestKeystore create(Path directory) throws IOException {
    Path file = directory.resolve("ftpseq-test.p12");
    String password = "ftpseq-test";
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command =
        List.of(
            keytool.toString(),
            "-genkeypair",
            "-alias",
            "ftpseq",
            "-keyalg",
            "RSA",
            "-keysize",
            "2048",
            "-dname",
            "CN=127.0.0.1",
            "-ext",
            "SAN=IP:127.0.0.1",
            "-validity",
            "1",
            "-storetype",
            TYPE,
            "-keystore",
            file.toString(),
            "-storepass",
            password,
            "-keypass",
            password);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("keytool did not finish within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while keytool ran", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("keytool failed (exit " + process.exitValue() + "): " + output.strip());
    }
    return new TestKeystore(file, password);
  }
}
