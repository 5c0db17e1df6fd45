package fr.passerelle.chaos;

import fr.passerelle.localplatform.LocalPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole platform as the acceptance tests start it ({@link LocalPlatform}), on the default ports
 * shifted by 5000 (the acceptance tests and the fuzzer take 10000; both stay below Linux's range of
 * ephemeral ports, 32768 and up) and by {@code PASSERELLE_TEST_PORT_OFFSET} more when set, with
 * what the chaos suite does to it: start and signal one piece, crash PostgreSQL, reach one service
 * directly.
 */
final class Platform extends LocalPlatform {

  /** {@code PASSERELLE_INSTANCE_PORT_STEP}'s default: instance k listens k - 1 steps up. */
  static final int INSTANCE_PORT_STEP = 100;

  private Platform() {
    super(5000);
  }

  /** The platform the build describes (see {@link LocalPlatform#LocalPlatform(int)}). */
  static Platform fromSystemProperties() {
    return new Platform();
  }

  /**
   * The same with {@code instances} instances of each service and of the gateway ({@code passerelle
   * up --instances}): instance k of NAME is {@code NAME#k}, on NAME's port + (k - 1) × 100.
   */
  static Platform withInstances(int instances) {
    Platform platform = new Platform();
    platform.setEnvironment("PASSERELLE_INSTANCES", String.valueOf(instances));
    return platform;
  }

  /** {@code passerelle start NAME --dev-issuer}: starts one piece and awaits it. */
  void startPiece(String name) {
    CommandResult result = run(UP_TIMEOUT, "start", name, "--dev-issuer");
    if (result.exitCode() != 0) {
      throw new IllegalStateException(
          "'passerelle start " + name + "' failed:\n" + result.output());
    }
  }

  /** Sends {@code signal} (KILL, STOP, CONT) to the process {@code passerelle} started as NAME. */
  void signal(String name, String signal) {
    long pid = pid(runDirectory().resolve("pids").resolve(name + ".pid"));
    try {
      Process kill =
          new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
      if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + signal + " " + pid + " (" + name + ") failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot signal " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Crashes PostgreSQL: SIGKILL to its postmaster and to each of its processes at once. None writes
   * anything more: the WAL still in their memory is lost, as in a crash, and the next start
   * recovers from the WAL written before. Returns once the process {@code passerelle} started for
   * PostgreSQL has exited, as it does when its postmaster dies.
   */
  void crashPostgres() {
    ProcessHandle launcher =
        ProcessHandle.of(pid(runDirectory().resolve("pids").resolve("postgres.pid")))
            .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
    ProcessHandle postmaster =
        ProcessHandle.of(pid(runDirectory().resolve("postgres").resolve("postmaster.pid")))
            .orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster is gone"));
    // its processes listed first: once the postmaster is dead, they are no longer its children
    List<ProcessHandle> processes = postmaster.children().toList();
    postmaster.destroyForcibly();
    processes.forEach(ProcessHandle::destroyForcibly);
    try {
      launcher.onExit().get(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("PostgreSQL's launcher still runs after its crash");
    }
  }

  /** The process id on the first line of {@code file}. */
  private static long pid(Path file) {
    try (var lines = Files.lines(file)) {
      return Long.parseLong(lines.findFirst().orElseThrow().trim());
    } catch (IOException e) {
      throw new UncheckedIOException("no pid in " + file, e);
    }
  }

  /**
   * {@code path} on the service {@code passerelle} names {@code name} (an instance: {@code
   * dossier#2}); the gateway otherwise.
   */
  URI local(String name, String path) {
    int hash = name.indexOf('#');
    int instance = hash < 0 ? 1 : Integer.parseInt(name.substring(hash + 1));
    String piece = hash < 0 ? name : name.substring(0, hash);
    int port =
        (instance - 1) * INSTANCE_PORT_STEP
            + switch (piece) {
              case "dossier" -> ports().dossier();
              case "decision" -> ports().decision();
              case "benefits" -> ports().benefits();
              case "reporting" -> ports().reporting();
              default -> ports().gateway();
            };
    return local(port, path);
  }
}
