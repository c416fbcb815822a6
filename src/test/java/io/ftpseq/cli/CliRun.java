package io.ftpseq.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the {@code ftpseq} command line, as a test sees it.
 *
 * @param exitCode the exit code
 * @param out what was written to standard output
 * @param err what was written to standard error
 */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code ftpseq} with the arguments through the real entry point. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
