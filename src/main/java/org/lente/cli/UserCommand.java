package org.lente.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.lente.server.Auth;
import org.lente.server.Passwords;
import org.lente.store.SqliteStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lente user add NAME}: a user who may add articles (and read a private server). */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manages the server's users.",
    subcommands = {UserCommand.Add.class}, exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class UserCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: lente user add NAME");
  }

  /** Adds a user, or sets a new password for one. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Adds a user, or sets a new password for one.", "The password is asked on the terminal, or read "
          + "as the first line of standard input when that is not a terminal. At least 8 characters."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Add implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin DataDir data;

    @Parameters(paramLabel = "NAME", description = "The user's name.")
    String name;

    @Override
    public Integer call() throws IOException {
      char[] password = password();
      try (SqliteStore store = data.openStore()) {
        new Auth(store, new Passwords()).addUser(name, password);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      } finally {
        Arrays.fill(password, '\0');
      }
      spec.commandLine().getErr().println("lente: user " + name + " saved");
      return 0;
    }

    private char[] password() throws IOException {
      Console console = System.console();
      if (console != null) {
        char[] first = console.readPassword("Password for %s: ", name);
        if (first == null) {
          throw new CommandLine.ParameterException(spec.commandLine(), "no password given");
        }
        char[] second = console.readPassword("Again: ");
        if (second != null && !Arrays.equals(first, second)) { // null: piped input of one line
          throw new CommandLine.ParameterException(spec.commandLine(), "the passwords differ");
        }
        return first;
      }
      String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no password on standard input");
      }
      return line.toCharArray();
    }
  }
}
