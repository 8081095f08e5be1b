package org.jmpi.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whole programs run under {@code mpirun} from an ordinary JUnit test in the surefire JVM:
 * C programs ({@code <module>/src/main/c/<name>.c}, built by {@code native-scripts/build-c})
 * and Java mains on the test class path, for tests that compare a Java program with its C
 * twin. A program that times out is killed with all its ranks.
 */
public final class Programs {
  private static boolean built;

  private Programs() {}

  /**
   * The C program {@code name} of {@code module}, {@code <module>/target/c-bin/<name>}, after
   * running {@code native-scripts/build-c} (once per JVM).
   *
   * @throws AssertionError if the build fails (with its output) or did not produce the program
   */
  public static synchronized Path cProgram(String module, String name) throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    while (!Files.isRegularFile(root.resolve("native-scripts/build-c"))) {
      root = root.getParent();
      if (root == null) {
        throw new AssertionError("no native-scripts/build-c above " + Path.of("").toAbsolutePath());
      }
    }
    if (!built) {
      Run build = Run.of(List.of("bash", root.resolve("native-scripts/build-c").toString()), 300);
      if (build.exitCode != 0) {
        throw new AssertionError("native-scripts/build-c failed:\n" + build.stdout + build.stderr);
      }
      built = true;
    }
    Path program = root.resolve(module).resolve("target/c-bin").resolve(name);
    if (!Files.isExecutable(program)) {
      throw new AssertionError(program + " was not built");
    }
    return program;
  }

  /** The command that runs {@code mainClass} on this JVM's class path, as the harness runs ranks. */
  public static List<String> java(Class<?> mainClass) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        mainClass.getName());
  }

  /**
   * Runs {@code command} on {@code np} ranks ({@code mpirun --oversubscribe}) and returns its
   * standard output.
   *
   * @throws AssertionError if it does not exit with status 0 within {@code timeoutSeconds}; the
   *     message holds the command and both outputs
   */
  public static String mpirun(int np, List<String> command, int timeoutSeconds)
      throws IOException, InterruptedException {
    List<String> full = new ArrayList<>(List.of(System.getProperty("jmpi.mpirun", "mpirun")));
    if (JobRunner.isRoot()) {
      full.add("--allow-run-as-root");
    }
    full.addAll(List.of("--oversubscribe", "--bind-to", "none", "-np", Integer.toString(np)));
    full.addAll(command);
    Run run = Run.of(full, timeoutSeconds);
    if (run.exitCode != 0) {
      throw new AssertionError((run.exitCode < 0 ? "killed after " + timeoutSeconds + " s: " : "exit status "
          + run.exitCode + " of ") + String.join(" ", full) + "\nstdout:\n" + run.stdout + "\nstderr:\n"
          + run.stderr);
    }
    return run.stdout;
  }

  /** Whether the system property {@code jmpi.np} allows {@code np} ranks (any when unset). */
  public static boolean npAllowed(int np) {
    String allowed = System.getProperty(MpiExtension.NP_FILTER, "").strip();
    return allowed.isEmpty()
        || Arrays.stream(allowed.split("\\s*,\\s*")).anyMatch(s -> s.equals(Integer.toString(np)));
  }

  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  /** A finished process: exit code ({@code -1} when killed at the timeout) and its outputs. */
  private record Run(int exitCode, String stdout, String stderr) {
    static Run of(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
      Path out = Files.createTempFile("jmpi-program-", ".out");
      Path err = Files.createTempFile("jmpi-program-", ".err");
      try {
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        int code = -1;
        if (p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          code = p.exitValue();
        } else {
          JobRunner.killTree(p.toHandle());
        }
        return new Run(code, text(out), text(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
  }
}
