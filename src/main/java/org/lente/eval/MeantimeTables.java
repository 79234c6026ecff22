package org.lente.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lente.extract.Article;
import org.lente.extract.Block;

/**
 * MEANTIME multilingual's token tables ({@code LANG/conll.csv}: document id, sentence, token) read back as
 * articles: the first sentence the title, the others paragraphs.
 */
final class MeantimeTables {
  private static final Set<String> NO_SPACE_BEFORE = Set.of(",", ".", ";", ":", "!", "?", ")", "%", "'s", "n't", "'",
      "’s", "”", "»");

  private MeantimeTables() {
  }

  /** The articles of one language's token table, by document id, in table order. */
  static Map<String, Article> read(Path csv, String lang) throws IOException {
    Map<String, List<List<String>>> sentences = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      in.readLine();
      String line;
      while ((line = in.readLine()) != null) {
        List<String> f = fields(line);
        if (f.size() < 5) {
          continue;
        }
        List<List<String>> doc = sentences.computeIfAbsent(f.get(1), x -> new ArrayList<>());
        int sent = Integer.parseInt(f.get(2));
        while (doc.size() <= sent) {
          doc.add(new ArrayList<>());
        }
        doc.get(sent).add(f.get(4));
      }
    }
    Map<String, Article> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<List<String>>> d : sentences.entrySet()) {
      List<String> text = d.getValue().stream().filter(s -> !s.isEmpty()).map(MeantimeTables::detokenize).toList();
      if (text.isEmpty()) {
        continue;
      }
      List<Block> blocks = text.subList(1, text.size()).stream().map(t -> new Block(Block.Type.PARAGRAPH, t)).toList();
      out.put(d.getKey(), new Article("meantime/" + lang + "/" + d.getKey(), null, text.get(0), null, List.of(), null,
          null, List.of(), null, null, null, lang, blocks, null, List.of()));
    }
    return out;
  }

  /** One CSV line's fields; a field may be quoted, with doubled quotes inside. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  /** Tokens written back as text: no space before closing punctuation or after an elision. */
  static String detokenize(List<String> tokens) {
    StringBuilder sb = new StringBuilder();
    boolean openQuote = false;
    String prev = null;
    for (String t : tokens) {
      boolean quote = t.equals("\"");
      boolean glue = prev == null || NO_SPACE_BEFORE.contains(t) || prev.equals("(") || prev.endsWith("'")
          || prev.endsWith("’") || (quote && openQuote) || (prev.equals("\"") && openQuote);
      if (!glue) {
        sb.append(' ');
      }
      sb.append(t);
      if (quote) {
        openQuote = !openQuote;
      }
      prev = t;
    }
    return sb.toString();
  }
}
