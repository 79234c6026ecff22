package org.lente.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Token-per-line files (CoNLL): a token in the first column, tab-separated columns after it, a blank
 * line between sentences.
 */
public final class Conll {

  /** One sentence: each row's columns, the token first. */
  public record Sentence(List<String[]> rows) {
    public Sentence {
      rows = List.copyOf(rows);
    }

    public List<String> tokens() {
      return rows.stream().map(r -> r[0]).toList();
    }

    /** The last column of every row (the gold label in a two-column file). */
    public List<String> lastColumn() {
      return rows.stream().map(r -> r[r.length - 1]).toList();
    }
  }

  private Conll() {}

  /** All sentences of the input; lines starting with {@code -DOCSTART-} are skipped. */
  public static List<Sentence> read(BufferedReader in) throws IOException {
    List<Sentence> out = new ArrayList<>();
    List<String[]> cur = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        if (!cur.isEmpty()) {
          out.add(new Sentence(cur));
          cur = new ArrayList<>();
        }
        continue;
      }
      if (line.startsWith("-DOCSTART-")) {
        continue;
      }
      cur.add(line.split("\t", -1));
    }
    if (!cur.isEmpty()) {
      out.add(new Sentence(cur));
    }
    return out;
  }

  /** IO labels ({@code PER}, {@code O}) as IOB2: a run of one type is one entity. */
  public static String[] iob2(String[] labels) {
    String[] out = new String[labels.length];
    for (int i = 0; i < labels.length; i++) {
      String l = labels[i];
      out[i] = l.equals("O") ? "O" : (i > 0 && labels[i - 1].equals(l) ? "I-" : "B-") + l;
    }
    return out;
  }
}
