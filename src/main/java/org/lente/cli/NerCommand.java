package org.lente.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lente.eval.Conll;
import org.lente.nlp.ner.EntityTagger;
import org.lente.nlp.ner.NerModels;
import org.lente.nlp.time.Lang;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente ner}: labels pre-tokenized text with entity types, for evaluation against CoNLL data. */
@Command(
    name = "ner",
    mixinStandardHelpOptions = true,
    description = {
        "Labels token-per-line input (CoNLL) with entity tags and prints token<TAB>tag in IOB2 (B-PER, "
            + "I-ORG, O ...).",
        "The input has the token in the first column and a blank line between sentences; the output keeps "
            + "the same tokens and breaks."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class NerCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "it", description = "it or en. Default: ${DEFAULT-VALUE}.")
  String lang;

  @Parameters(index = "0", paramLabel = "FILE", description = "The CoNLL file, or - for stdin.")
  String file;

  @Override
  public Integer call() throws IOException {
    Lang language = switch (lang.toLowerCase(Locale.ROOT)) {
      case "it" -> Lang.IT;
      case "en" -> Lang.EN;
      default -> throw new CommandLine.ParameterException(spec.commandLine(), "--lang must be it or en: " + lang);
    };
    List<Conll.Sentence> sentences;
    try (BufferedReader in = file.equals("-")
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      sentences = Conll.read(in);
    } catch (NoSuchFileException e) {
      throw new IOException("no such file: " + file, e);
    }
    EntityTagger tagger = new EntityTagger(new NerModels(spec.commandLine().getErr()::println));
    PrintWriter out = spec.commandLine().getOut();
    List<List<String>> words = sentences.stream().map(Conll.Sentence::tokens).toList();
    List<String[]> labels = tagger.labelAll(language, words);
    for (int s = 0; s < words.size(); s++) {
      List<String> tokens = words.get(s);
      String[] tags = Conll.iob2(labels.get(s));
      for (int i = 0; i < tags.length; i++) {
        out.print(tokens.get(i));
        out.print('\t');
        out.println(tags[i]);
      }
      out.println();
    }
    out.flush();
    return 0;
  }
}
