package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lente.Pipeline;
import org.lente.nlp.Analysis;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.Entity;
import org.lente.nlp.ner.NerModels;
import org.lente.nlp.quote.Quote;
import org.lente.nlp.time.Timex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lente analyze}: entities, quotes and time expressions of each input's article. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
        "Extracts the article from each input as extract does, then finds its sentences, named entities "
            + "(with canonical names and roles), quotes (direct and indirect, with speakers) and time expressions.",
        "Times are normalized against the publication date: the page's own, else the dateline that opens the "
            + "text, else a date in the file's path, else --date (the article's dateSource says which). Offsets "
            + "are into the article's text. Exit codes: 0 success, 1 usage error or only empty folders, 2 some "
            + "input could not be read."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class AnalyzeCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--max-chars", paramLabel = "N", defaultValue = "" + Analyzer.DEFAULT_MAX_CHARS,
      description = "Longest text analysed per article; the rest is left out with a warning. Default: ${DEFAULT-VALUE}.")
  int maxChars;

  @Option(names = "--json", description = "One JSON object per input, one per line (JSON Lines).")
  boolean json;

  @Option(names = "--date", paramLabel = "ISO-8601",
      description = "The date relative time expressions refer to, instead of the publication date; also the "
          + "publication date of an input that states none (in its page, dateline or path).")
  String date;

  @CommandLine.Mixin InputOptions input;

  private Analyzer analyzer(PrintWriter err) {
    if (maxChars < 1_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-chars must be at least 1000: " + maxChars);
    }
    return new Analyzer(new NerModels(line -> err.println("lente: " + line)), maxChars);
  }

  @Override
  public Integer call() throws IOException {
    input.validate(spec.commandLine());
    if (input.noInputs(spec.commandLine().getErr())) {
      return 1;
    }
    LocalDate anchor = Dates.parse(spec.commandLine(), date, "--date");
    LocalDate fixed = anchor;
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Pipeline pipeline = new Pipeline(input.extractor(), analyzer(err),
        new Pipeline.Options(new PublicationDates(fixed)::fill, fixed));
    int failures = input.<Analysis>batch().run(input.inputs, pipeline::analyse, a -> print(out, a), err);
    out.flush();
    return failures == 0 ? 0 : 2;
  }

  private void print(PrintWriter out, Analysis a) throws IOException {
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(Json.Analyzed.of(a)));
      return;
    }
    out.println("== " + a.article().source());
    if (a.article().title() != null) {
      out.println("Title: " + a.article().title());
    }
    out.println("Language: " + (a.language() == null ? "-" : a.language()) + "    Dates relative to: "
        + (a.anchor() == null ? "unknown" : a.anchor()) + "    Sentences: " + a.sentences().size());
    out.println();
    out.println("Entities");
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, Entity> firsts = new LinkedHashMap<>();
    for (Entity e : a.entities()) {
      String key = e.type() + " " + e.canonical();
      counts.computeIfAbsent(key, k -> new int[1])[0]++;
      firsts.merge(key, e, (x, y) -> x.role() == null ? y : x);
    }
    firsts.forEach((key, e) -> out.printf("  %-4s %s%s  ×%d%n", e.type(), e.canonical(),
        e.role() == null ? "" : " (" + e.role() + ")", counts.get(key)[0]));
    out.println();
    out.println("Quotes");
    for (Quote q : a.quotes()) {
      String who = q.speaker() == null ? "?" : q.speakerCanonical() != null && !q.speakerCanonical().equals(q.speaker())
          ? q.speakerCanonical() + " [" + q.speaker() + "]" : q.speaker();
      String what = q.kind().quoted() ? "“" + q.text() + "”" : q.text();
      out.printf("  %-8s %s — %s%s%n", q.kind().name().toLowerCase(java.util.Locale.ROOT), what, who,
          q.cue() == null ? "" : " (" + q.cue() + ")");
    }
    out.println();
    out.println("Times");
    for (Timex t : a.times()) {
      out.printf("  %-9s %s → %s%n", t.type(), t.text(), t.value());
    }
    for (String w : a.warnings()) {
      out.println("warning: " + w);
    }
    for (String w : a.article().warnings()) {
      out.println("warning: " + w);
    }
    out.println();
  }
}
