package org.lente.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.lente.server.Auth;
import org.lente.server.Passwords;
import org.lente.store.SqliteStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lente token add NAME}: an API token for a user, printed once. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manages the API's tokens.",
    subcommands = {TokenCommand.Add.class}, exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class TokenCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: lente token add NAME");
  }

  /** Makes a token for an existing user and prints it: it is kept only hashed, so it is shown once. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Makes an API token for user NAME and prints it once.",
          "Send it as the header Authorization: Bearer TOKEN."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Add implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin DataDir data;

    @Parameters(paramLabel = "NAME", description = "The user the token acts for.")
    String name;

    @Override
    public Integer call() throws IOException {
      String token;
      try (SqliteStore store = data.openStore()) {
        token = new Auth(store, new Passwords()).newToken(name);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      spec.commandLine().getOut().println(token);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
