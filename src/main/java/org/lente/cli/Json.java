package org.lente.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.lente.extract.Article;
import org.lente.extract.Block;

/** The JSON shapes Lente prints: one object per article, fields in a fixed order. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode article(Article a) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("source", a.source());
    o.put("url", a.url());
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

  private static ArrayNode strings(List<String> values) {
    ArrayNode arr = MAPPER.createArrayNode();
    values.forEach(arr::add);
    return arr;
  }
}
