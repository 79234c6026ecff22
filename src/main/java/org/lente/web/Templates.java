package org.lente.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/** The precompiled jte templates of src/main/jte; thread-safe. */
final class Templates {

  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  private Templates() {}

  /** The page made by template {@code name} (e.g. "home.jte") with {@code params}. */
  static String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput(16 * 1024);
    ENGINE.render(name, params, out);
    return out.toString();
  }
}
