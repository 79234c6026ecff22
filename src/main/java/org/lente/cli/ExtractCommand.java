package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.extract.Extractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lente extract}: prints the article found in each input. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
        "Extracts the article from HTML pages (plain or gzip) and plain-text files.",
        "Directories are walked recursively; - reads standard input. All inputs run in one process. Exit "
            + "codes: 0 success, 1 usage error or only empty folders, 2 some input could not be read."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class ExtractCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "One JSON object per input, one per line (JSON Lines).")
  boolean json;

  @CommandLine.Mixin InputOptions input;

  @Override
  public Integer call() throws Exception {
    input.validate(spec.commandLine());
    if (input.noInputs(spec.commandLine().getErr())) {
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    Extractor extractor = input.extractor();
    int failures = input.<Article>batch()
        .run(input.inputs, extractor::extract, a -> print(out, a), spec.commandLine().getErr());
    out.flush();
    return failures == 0 ? 0 : 2;
  }

  void print(PrintWriter out, Article a) throws IOException {
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(Json.Extracted.of(a)));
      return;
    }
    out.println("== " + a.source());
    line(out, "Title", a.title());
    line(out, "Subtitle", a.subtitle());
    line(out, "Authors", a.authors().isEmpty() ? null : String.join(", ", a.authors()));
    line(out, "Site", a.site());
    line(out, "Section", a.section());
    line(out, "Published", a.published() == null ? null : a.published() + " (" + a.dateSource() + ")");
    line(out, "Modified", a.modified());
    line(out, "Language", a.language());
    line(out, "URL", a.url());
    line(out, "Tags", a.tags().isEmpty() ? null : String.join(", ", a.tags()));
    out.println();
    for (Block b : a.blocks()) {
      switch (b.type()) {
        case HEADING -> out.println("## " + b.text());
        case QUOTE -> out.println("> " + b.text().replace("\n", "\n> "));
        case LIST -> out.println("- " + b.text().replace("\n", "\n- "));
        case CAPTION -> out.println("[caption] " + b.text());
        case BIO -> out.println("[about the author] " + b.text());
        default -> out.println(b.text());
      }
      out.println();
    }
    for (String w : a.warnings()) {
      out.println("warning: " + w);
    }
  }

  private static void line(PrintWriter out, String label, String value) {
    if (value != null) {
      out.println(label + ": " + value);
    }
  }
}
