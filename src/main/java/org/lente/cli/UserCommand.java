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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lente user add|passwd|remove NAME}: the users who may add articles (and read a private
 * server). A user's sessions and tokens belong to the user's id, which is never given again.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manages the server's users.",
    subcommands = {UserCommand.Add.class, UserCommand.Passwd.class, UserCommand.Remove.class},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class UserCommand implements Runnable {

  private static final String PASSWORD_INPUT = "The password is asked on the terminal, or read as the first line of "
      + "standard input when that is not a terminal. At least 8 characters.";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing a command: lente user add|passwd|remove NAME");
  }

  /** Adds a user; a name already taken is refused. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Adds user NAME.", PASSWORD_INPUT, "A name already taken is refused and nothing changes: "
          + "to change a password use lente user passwd NAME."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Add implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin AccountsPlace accounts;

    @Parameters(paramLabel = "NAME", description = "The user's name.")
    String name;

    @Override
    public Integer call() throws IOException {
      withPassword(spec, accounts, name, (auth, password) -> {
        auth.addUser(name, password);
        return null;
      });
      spec.commandLine().getErr().println("lente: user " + name + " added");
      return 0;
    }
  }

  /** Sets a new password and ends the user's sessions. */
  @Command(name = "passwd", mixinStandardHelpOptions = true,
      description = {"Sets a new password for user NAME and ends their login sessions on every server of the "
          + "data folder: they log in again with the new password.", PASSWORD_INPUT,
          "Their API tokens keep working: revoke them with lente token revoke --user NAME."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Passwd implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin AccountsPlace accounts;

    @Parameters(paramLabel = "NAME", description = "The user's name.")
    String name;

    @Override
    public Integer call() throws IOException {
      int ended = withPassword(spec, accounts, name, (auth, password) -> auth.setPassword(name, password));
      spec.commandLine().getErr().println("lente: new password for " + name + "; " + ended + " session"
          + (ended == 1 ? "" : "s") + " ended; API tokens kept (lente token revoke --user " + name + ")");
      return 0;
    }
  }

  /** Removes a user with their sessions and tokens. */
  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = {"Removes user NAME with their login sessions and API tokens: on every server of the data "
          + "folder, they stop working at once.",
          "Adding the name again makes a new user, whom none of the old sessions or tokens fits."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Remove implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin AccountsPlace accounts;

    @Parameters(paramLabel = "NAME", description = "The user's name.")
    String name;

    @Override
    public Integer call() throws IOException {
      boolean removed;
      removed = accounts.run(spec, store -> store.removeUser(name));
      if (!removed) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no user " + name);
      }
      spec.commandLine().getErr().println("lente: user " + name + " removed, with their sessions and API tokens");
      return 0;
    }
  }

  /** What a command does with the password it read. */
  private interface PasswordAction<T> {
    T apply(Auth auth, char[] password) throws IOException;
  }

  /**
   * Reads user {@code name}'s password, applies {@code action} to it over the folder's or the cluster's accounts, and
   * wipes it: a bad name or password (an {@link IllegalArgumentException}) is a usage error.
   */
  private static <T> T withPassword(CommandLine.Model.CommandSpec spec, AccountsPlace accounts, String name,
      PasswordAction<T> action) throws IOException {
    char[] password = password(spec, name);
    try {
      return accounts.run(spec, store -> action.apply(new Auth(store, new Passwords()), password));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  /** The password: twice on the terminal, or the first line of standard input. */
  private static char[] password(CommandLine.Model.CommandSpec spec, String name) throws IOException {
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
    // Read at most one character past the longest password, so that a huge input is refused, not held.
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != -1 && c != '\n' && line.length() <= Auth.MAX_PASSWORD; c = in.read()) {
      line.append((char) c);
    }
    if (line.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no password on standard input");
    }
    if (line.charAt(line.length() - 1) == '\r') {
      line.setLength(line.length() - 1);
    }
    char[] password = new char[line.length()];
    line.getChars(0, line.length(), password, 0);
    line.setLength(0);
    return password;
  }
}
