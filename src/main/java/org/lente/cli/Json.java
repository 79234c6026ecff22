package org.lente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.nlp.Analysis;
import org.lente.nlp.Sentence;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.quote.Quote;

/** The JSON shapes Lente prints: one object per article, fields in a fixed order. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode article(Article a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("source", a.source());
    o.put("url", a.url());
    o.put("declaredUrl", a.declaredUrl());
    o.put("title", a.title());
    o.put("subtitle", a.subtitle());
    o.set("authors", strings(a.authors()));
    o.put("site", a.site());
    o.put("section", a.section());
    o.set("tags", strings(a.tags()));
    o.put("published", a.published());
    o.put("modified", a.modified());
    o.put("dateSource", a.dateSource());
    o.put("language", a.language());
    ArrayNode blocks = o.putArray("blocks");
    for (Block b : a.blocks()) {
      blocks.addObject().put("type", b.type().label()).put("text", b.text());
    }
    o.put("text", a.text());
    o.put("authorBio", a.authorBio());
    o.set("warnings", strings(a.warnings()));
    return o;
  }

  static ObjectNode analysis(Analysis a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.set("article", article(a.article()));
    o.put("language", a.language());
    o.put("anchor", a.anchor());
    ArrayNode sentences = o.putArray("sentences");
    for (Sentence s : a.sentences()) {
      sentences.addObject().put("start", s.start()).put("end", s.end());
    }
    ArrayNode entities = o.putArray("entities");
    for (Entity e : a.entities()) {
      entities.addObject().put("text", e.text()).put("type", e.type().name()).put("start", e.start())
          .put("end", e.end()).put("canonical", e.canonical()).put("role", e.role());
    }
    ArrayNode quotes = o.putArray("quotes");
    for (Quote q : a.quotes()) {
      ObjectNode n = quotes.addObject().put("text", q.text()).put("kind", q.kind().name().toLowerCase(Locale.ROOT))
          .put("speaker", q.speaker());
      if (q.speaker() != null) {
        n.put("speakerStart", q.speakerStart()).put("speakerEnd", q.speakerEnd());
      } else {
        n.putNull("speakerStart").putNull("speakerEnd");
      }
      n.put("speakerCanonical", q.speakerCanonical()).put("cue", q.cue()).put("start", q.start()).put("end", q.end());
    }
    a.times().forEach(o.putArray("times")::addPOJO); // Timex records, as the API shows them
    o.set("warnings", strings(a.warnings()));
    return o;
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode arr = MAPPER.createArrayNode();
    values.forEach(arr::add);
    return arr;
  }
}
