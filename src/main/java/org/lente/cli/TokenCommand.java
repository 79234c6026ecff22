package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.lente.server.Auth;
import org.lente.server.Passwords;
import org.lente.store.Accounts;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente token add|list|revoke}: the API's tokens; a token is printed once and kept only hashed. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manages the API's tokens.",
    subcommands = {TokenCommand.Add.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class},
    exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
final class TokenCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing a command: lente token add NAME, lente token list or lente token revoke ID|--user NAME");
  }

  /** Makes a token for an existing user and prints it: it is kept only hashed, so it is shown once. */
  @Command(name = "add", mixinStandardHelpOptions = true,
      description = {"Makes an API token for user NAME and prints it once.",
          "Send it as the header Authorization: Bearer TOKEN."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Add implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin AccountsPlace accounts;

    @Parameters(paramLabel = "NAME", description = "The user the token acts for.")
    String name;

    @Override
    public Integer call() throws IOException {
      String token;
      try {
        token = accounts.run(spec, store -> new Auth(store, new Passwords()).newToken(name));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      spec.commandLine().getOut().println(token);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** Lists the tokens, never their secret. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = {"Lists the API tokens, oldest first: id, user, when made and when last used (to the minute, in UTC; "
          + "never, when not used since it was made or since Lente recorded uses). The tokens themselves are "
          + "not kept, so they cannot be shown."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class ListTokens implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin AccountsPlace accounts;

    @Option(names = "--json", description = "A JSON array of {id, user, created, lastUsed (null when never)}.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      List<Accounts.Token> tokens;
      tokens = accounts.run(spec, Accounts::tokens);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(Json.MAPPER.writeValueAsString(tokens.stream().map(Shown::of).toList()));
      } else {
        out.printf("%-6s %-20s %-21s %s%n", "ID", "USER", "CREATED", "LAST USED");
        for (Accounts.Token t : tokens) {
          out.printf("%-6d %-20s %-21s %s%n", t.id(), t.user(), t.created().truncatedTo(ChronoUnit.SECONDS),
              t.lastUsed() == null ? "never" : t.lastUsed().truncatedTo(ChronoUnit.SECONDS));
        }
      }
      out.flush();
      return 0;
    }

    /** A token as {@code token list --json} shows it: ISO-8601 instants, {@code lastUsed} null when never. */
    record Shown(long id, String user, String created, String lastUsed) {
      static Shown of(Accounts.Token t) {
        return new Shown(t.id(), t.user(), t.created().toString(),
            t.lastUsed() == null ? null : t.lastUsed().toString());
      }
    }
  }

  /** Revokes one token, or all of a user's. */
  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = {"Revokes API token ID (as lente token list shows it), or with --user every token of user "
          + "NAME: on every server of the data folder, they stop working at once."},
      exitCodeOnInvalidInput = 1, exitCodeOnExecutionException = 2)
  static final class Revoke implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin AccountsPlace accounts;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "The token's id.")
    Long id;

    @Option(names = "--user", paramLabel = "NAME", description = "Revokes every token of user NAME instead.")
    String user;

    @Override
    public Integer call() throws IOException {
      if ((id == null) == (user == null)) {
        throw new CommandLine.ParameterException(spec.commandLine(), id == null
            ? "which tokens? Give a token's ID or --user NAME" : "give a token's ID or --user NAME, not both");
      }
      String done;
      try {
        done = accounts.run(spec, store -> {
          if (id != null) {
            if (!store.revokeToken(id)) {
              throw new CommandLine.ParameterException(spec.commandLine(), "no token " + id + " (see lente token list)");
            }
            return "token " + id + " revoked";
          }
          int revoked = store.revokeTokens(user);
          return revoked + " token" + (revoked == 1 ? "" : "s") + " of " + user + " revoked";
        });
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      spec.commandLine().getErr().println("lente: " + done);
      return 0;
    }
  }
}
