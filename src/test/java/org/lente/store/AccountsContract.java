package org.lente.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Accounts} does, run against each implementation: {@link SqliteAccountsTest} (a
 * real SQLite file) and {@link PostgresAccountsTest} (a real PostgreSQL server).
 *
 * @param <A> the implementation, closed after each use
 */
abstract class AccountsContract<A extends Accounts & AutoCloseable> {

  static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

  /** Opens the accounts under test; a second call opens the same data again. */
  abstract A open() throws Exception;

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  /** Adds users anna and bob. */
  private static void annaAndBob(Accounts a) throws Exception {
    a.addUser("anna", HASH);
    a.addUser("bob", HASH);
  }

  @Test
  void aUserIdIsNeverGivenAgainEvenAfterTheHighestIsRemoved() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      long bob = a.addUser("bob", HASH);
      assertTrue(a.removeUser("bob"));
      assertTrue(a.addUser("bob", HASH) > bob);
    }
    try (A a = open()) { // the highest id given is kept with the data
      long bob = a.user("bob").orElseThrow().id();
      assertTrue(a.removeUser("bob"));
      assertTrue(a.addUser("carla", HASH) > bob);
    }
  }

  @Test
  void aTakenNameIsRefusedAndKeepsItsPassword() throws Exception {
    try (A a = open()) {
      long anna = a.addUser("anna", HASH);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.addUser("anna", HASH + "2"));
      assertTrue(e.getMessage().contains("lente user passwd anna"), e.getMessage());
      assertEquals(new Accounts.User(anna, "anna", HASH), a.user("anna").orElseThrow());
    }
  }

  @Test
  void aNameWithSpacesAroundOrADirectionOverrideIsRefused() throws Exception {
    try (A a = open()) {
      assertThrows(IllegalArgumentException.class, () -> a.addUser(" anna", HASH));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.addUser("an\u202Ena", HASH));
      assertTrue(e.getMessage().contains("'an?na'"), e.getMessage());
      assertEquals(Optional.empty(), a.user("an\u202Ena"));
    }
  }

  @Test
  void aTokenIsFoundByItsHashOnly() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      a.putToken("ab12", "anna");
      assertEquals(Optional.of("anna"), a.tokenUser("ab12", NOW));
      assertEquals(Optional.empty(), a.tokenUser("cd34", NOW));
    }
  }

  @Test
  void aTokenForAnUnknownUserIsRefused() throws Exception {
    try (A a = open()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.putToken("ab12", "nobody"));
      assertTrue(e.getMessage().contains("lente user add nobody"), e.getMessage());
      assertEquals(List.of(), a.tokens());
    }
  }

  @Test
  void tokensAreListedOldestFirstWithTheirUser() throws Exception {
    try (A a = open()) {
      annaAndBob(a);
      long first = a.putToken("t1", "bob");
      long second = a.putToken("t2", "anna");
      List<Accounts.Token> tokens = a.tokens();
      assertEquals(List.of(first, second), tokens.stream().map(Accounts.Token::id).toList());
      assertEquals(List.of("bob", "anna"), tokens.stream().map(Accounts.Token::user).toList());
      assertEquals(null, tokens.get(0).lastUsed());
    }
  }

  @Test
  void aTokensLastUseIsRecordedAtMostOncePerStep() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      a.putToken("t", "anna");
      a.tokenUser("t", NOW);
      a.tokenUser("t", NOW.plus(Accounts.LAST_USE_STEP).minusSeconds(1));
      assertEquals(NOW, a.tokens().get(0).lastUsed());
      Instant later = NOW.plus(Accounts.LAST_USE_STEP);
      a.tokenUser("t", later);
      assertEquals(later, a.tokens().get(0).lastUsed());
    }
  }

  @Test
  void revokingATokenEndsThatTokenOnly() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      long t1 = a.putToken("t1", "anna");
      a.putToken("t2", "anna");
      assertTrue(a.revokeToken(t1));
      assertFalse(a.revokeToken(t1));
      assertEquals(Optional.empty(), a.tokenUser("t1", NOW));
      assertEquals(Optional.of("anna"), a.tokenUser("t2", NOW));
    }
  }

  @Test
  void revokingAUsersTokensEndsTheirsOnly() throws Exception {
    try (A a = open()) {
      annaAndBob(a);
      a.putToken("a1", "anna");
      a.putToken("a2", "anna");
      a.putToken("b1", "bob");
      assertEquals(2, a.revokeTokens("anna"));
      assertEquals(List.of("bob"), a.tokens().stream().map(Accounts.Token::user).toList());
      assertThrows(IllegalArgumentException.class, () -> a.revokeTokens("nobody"));
    }
  }

  @Test
  void aNewPasswordEndsThatUsersSessionsAndKeepsTheirTokens() throws Exception {
    try (A a = open()) {
      annaAndBob(a);
      a.putToken("t", "anna");
      Instant expires = NOW.plus(Duration.ofHours(1));
      a.putSession("sa1", a.user("anna").orElseThrow(), expires);
      a.putSession("sa2", a.user("anna").orElseThrow(), expires);
      a.putSession("sb", a.user("bob").orElseThrow(), expires);
      assertEquals(2, a.setPassword("anna", HASH + "2"));
      assertEquals(HASH + "2", a.user("anna").orElseThrow().passwordHash());
      assertEquals(Optional.empty(), a.sessionUser("sa1", NOW));
      assertEquals(Optional.of("bob"), a.sessionUser("sb", NOW));
      assertEquals(Optional.of("anna"), a.tokenUser("t", NOW));
      assertThrows(IllegalArgumentException.class, () -> a.setPassword("nobody", HASH));
    }
  }

  @Test
  void aSessionCheckedAgainstAnOldPasswordIsNotRecorded() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      Accounts.User checked = a.user("anna").orElseThrow();
      a.setPassword("anna", HASH + "2");
      assertFalse(a.putSession("s", checked, NOW.plus(Duration.ofHours(1))));
      assertEquals(Optional.empty(), a.sessionUser("s", NOW));
    }
  }

  @Test
  void aSessionOfARemovedUserIsNotRecorded() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      Accounts.User checked = a.user("anna").orElseThrow();
      a.removeUser("anna");
      assertFalse(a.putSession("s", checked, NOW.plus(Duration.ofHours(1))));
    }
  }

  @Test
  void aSessionEndsAtItsExpiryOrWhenDeleted() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      Accounts.User anna = a.user("anna").orElseThrow();
      Instant expires = NOW.plus(Duration.ofHours(1));
      assertTrue(a.putSession("s1", anna, expires));
      assertTrue(a.putSession("s2", anna, expires));
      assertEquals(Optional.of("anna"), a.sessionUser("s1", expires.minusMillis(1)));
      assertEquals(Optional.empty(), a.sessionUser("s1", expires));
      a.deleteSession("s2");
      a.deleteSession("never");
      assertEquals(Optional.empty(), a.sessionUser("s2", NOW));
    }
  }

  @Test
  void removingAUserRemovesTheirTokensAndSessionsAndANameAddedAgainGetsNoneOfThem() throws Exception {
    try (A a = open()) {
      annaAndBob(a);
      a.putToken("ta", "anna");
      a.putToken("tb", "bob");
      a.putSession("sa", a.user("anna").orElseThrow(), NOW.plus(Duration.ofHours(1)));
      assertTrue(a.removeUser("anna"));
      assertFalse(a.removeUser("anna"));
      a.addUser("anna", HASH);
      assertEquals(Optional.empty(), a.tokenUser("ta", NOW));
      assertEquals(Optional.empty(), a.sessionUser("sa", NOW));
      assertEquals(List.of("bob"), a.tokens().stream().map(Accounts.Token::user).toList());
    }
  }

  @Test
  void pruningDropsEndedSessions() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      Accounts.User anna = a.user("anna").orElseThrow();
      a.putSession("ended", anna, NOW.minusSeconds(1));
      a.putSession("live", anna, NOW.plus(Duration.ofHours(1)));
      assertEquals(1, a.pruneSessions(NOW, 10));
      assertEquals(Optional.of("anna"), a.sessionUser("live", NOW));
      assertEquals(Optional.empty(), a.sessionUser("ended", NOW.minusSeconds(2)));
    }
  }

  @Test
  void pruningKeepsTheSessionsThatEndLast() throws Exception {
    try (A a = open()) {
      a.addUser("anna", HASH);
      Accounts.User anna = a.user("anna").orElseThrow();
      for (int i = 1; i <= 5; i++) {
        a.putSession("s" + i, anna, NOW.plus(Duration.ofMinutes(i)));
      }
      assertEquals(3, a.pruneSessions(NOW, 2));
      for (int i = 1; i <= 5; i++) {
        assertEquals(i > 3, a.sessionUser("s" + i, NOW).isPresent(), "s" + i);
      }
      assertEquals(2, a.pruneSessions(NOW, 0));
      assertThrows(IllegalArgumentException.class, () -> a.pruneSessions(NOW, -1));
    }
  }
}
