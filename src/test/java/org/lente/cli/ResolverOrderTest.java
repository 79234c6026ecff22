package org.lente.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lente.store.SqliteStore;

/**
 * The same articles ingested through {@code lente ingest} in two orders give the same entities:
 * "Putin" and "Vladimir Putin" one person whichever comes first, a bare "Kim" its own entity once two
 * Kims are known, the two Rossis two persons.
 */
class ResolverOrderTest {

  /** Short articles written for this test, Italian and English. */
  private static final Map<String, String> ARTICLES = Map.of(
      "a-putin.txt", "Putin parla ai giornalisti\n\nIl presidente Putin ha parlato ieri ai giornalisti a Mosca "
          + "dopo il vertice economico.\n",
      "b-vladimir-putin.txt", "Vladimir Putin in visita\n\nVladimir Putin è arrivato martedì a Pechino per "
          + "una visita di due giorni.\n",
      "c-putin-en.txt", "Putin meets reporters\n\nVladimir Putin told reporters in Moscow on Monday that the "
          + "talks would continue.\n",
      "d-kim.txt", "Kim visita una fabbrica\n\nIl leader nordcoreano Kim ha visitato una fabbrica di trattori "
          + "a Pyongyang.\n",
      "e-kim-jong-un.txt", "Kim Jong Un e i missili\n\nKim Jong Un ha assistito al lancio di un nuovo missile, "
          + "dice l'agenzia di stampa.\n",
      "f-kim-il-sung.txt", "Il museo di Kim Il Sung\n\nA Pyongyang ha riaperto il museo dedicato a Kim Il Sung "
          + "dopo due anni di lavori.\n",
      "g-mario-rossi.txt", "Il sindaco Mario Rossi\n\nIl sindaco Mario Rossi ha inaugurato la nuova biblioteca "
          + "comunale di Lucca.\n",
      "h-luca-rossi.txt", "Luca Rossi vince la gara\n\nIl ciclista Luca Rossi ha vinto la tappa di montagna "
          + "davanti a due compagni di squadra.\n");

  @TempDir Path in;
  @TempDir Path first;
  @TempDir Path second;

  /** Each article's key with each mention's text and the name of its knowledge-base entity. */
  private static Map<String, TreeSet<String>> partition(Path data) throws Exception {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(SqliteStore.FILE));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT a.key, m.text, k.name FROM mentions m JOIN articles a ON a.id = "
            + "m.article_id JOIN entities e ON e.id = m.entity_id JOIN kb_entities k ON k.id = e.kb_id")) {
      while (rs.next()) {
        out.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2) + " -> " + rs.getString(3));
      }
    }
    return out;
  }

  private static void ingest(Path data, List<Path> files) {
    List<String> args = new ArrayList<>(List.of("ingest", "--threads", "1", "--data", data.toString()));
    files.forEach(f -> args.add(f.toString()));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.code(), run.out() + run.err());
  }

  @Test
  void theSameArticlesInTwoOrdersGiveTheSameEntities() throws Exception {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> a : new TreeMap<>(ARTICLES).entrySet()) {
      files.add(Files.writeString(in.resolve(a.getKey()), a.getValue()));
    }
    ingest(first, files);
    List<Path> reversed = new ArrayList<>(files);
    Collections.reverse(reversed);
    for (Path f : reversed) { // one run each: the resolver is reopened from the store between them
      ingest(second, List.of(f));
    }
    Map<String, TreeSet<String>> one = partition(first);
    assertEquals(one, partition(second));
    String all = one.toString();
    assertTrue(all.contains("Putin -> Vladimir Putin"), all);
    assertTrue(all.contains("Mario Rossi -> Mario Rossi") && all.contains("Luca Rossi -> Luca Rossi"), all);
    CliRun check = CliRun.of("check", "--data", second.toString());
    assertEquals(0, check.code(), check.out() + check.err());
  }
}
