package org.lente.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Callable;
import org.lente.extract.Article;
import org.lente.extract.Block;
import org.lente.extract.Extractor;
import org.lente.extract.Limits;
import org.lente.ingest.Page;
import org.lente.ingest.PageReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lente extract}: prints the article found in each input. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
        "Extracts the article from HTML pages (plain or gzip) and plain-text files.",
        "Directories are walked recursively; - reads standard input. All inputs run in one process."},
    exitCodeOnInvalidInput = 1,
    exitCodeOnExecutionException = 2)
final class ExtractCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "One JSON object per input, one per line (JSON Lines).")
  boolean json;

  @Option(names = "--url", paramLabel = "URL", description = "The page's URL (one input only).")
  String url;

  @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + PageReader.DEFAULT_MAX_BYTES,
      description = "Content kept per input, after gunzip; the rest is dropped with a warning. Default: ${DEFAULT-VALUE}.")
  long maxBytes;

  @Option(names = "--max-depth", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_DEPTH,
      description = "Deepest element nesting kept; deeper markup is flattened. Default: ${DEFAULT-VALUE}.")
  int maxDepth;

  @Option(names = "--max-tags", paramLabel = "N", defaultValue = "" + Limits.DEFAULT_MAX_TAGS,
      description = "Most tags parsed per page; the rest is dropped with a warning. Default: ${DEFAULT-VALUE}.")
  int maxTags;

  @Option(names = "--threads", paramLabel = "N",
      description = "Pages extracted at once; the output keeps the input order. Default: the number of cores.")
  Integer threads;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, directories, or - for stdin.")
  List<String> inputs;

  @Override
  public Integer call() throws Exception {
    if (url != null && (inputs.size() != 1 || !isSingleFile(inputs.get(0)))) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--url goes with exactly one input file");
    }
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-bytes out of range: " + maxBytes);
    }
    Limits limits;
    try {
      limits = new Limits(maxDepth, maxTags);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage().replace("maxDepth", "--max-depth")
          .replace("maxTags", "--max-tags"));
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > 256) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be 1 to 256: " + workers);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PageReader reader = new PageReader(maxBytes);
    Extractor extractor = new Extractor(limits);
    int failures = 0;
    // Pages are read and extracted by the workers; results are printed in input order from a
    // window of at most 2 × workers pending pages, so memory stays bounded however many inputs.
    ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "lente-extract");
      t.setDaemon(true);
      return t;
    }) : null;
    ArrayDeque<Future<Outcome>> window = new ArrayDeque<>();
    for (String input : inputs) {
      List<String> files;
      try {
        files = reader.expand(List.of(input));
      } catch (NoSuchFileException e) {
        err.println("lente: no such file or directory: " + input);
        failures++;
        continue;
      } catch (IOException e) {
        err.println("lente: cannot list " + input + ": " + e.getMessage());
        failures++;
        continue;
      }
      for (String file : files) {
        Callable<Outcome> task = () -> extract(reader, extractor, file);
        window.add(pool == null ? CompletableFuture.completedFuture(task.call()) : pool.submit(task));
        while (window.size() > 2 * workers || pool == null && !window.isEmpty()) {
          failures += report(window.poll(), out, err);
        }
      }
    }
    while (!window.isEmpty()) {
      failures += report(window.poll(), out, err);
    }
    if (pool != null) {
      pool.shutdown();
    }
    out.flush();
    return failures == 0 ? 0 : 2;
  }

  /** One input's article, or why it could not be read. */
  private record Outcome(String file, Article article, String error) {}

  private Outcome extract(PageReader reader, Extractor extractor, String file) {
    try {
      Page page = reader.read(file);
      if (url != null) {
        page = page.withUrl(url);
      }
      return new Outcome(file, extractor.extract(page), null);
    } catch (IOException e) {
      return new Outcome(file, null, e.getMessage());
    }
  }

  /** Prints one outcome; returns 1 for a failure, else 0. */
  private int report(Future<Outcome> pending, PrintWriter out, PrintWriter err) throws IOException {
    Outcome o;
    try {
      o = pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("extraction failed: " + e.getCause(), e.getCause());
    }
    if (o.error() != null) {
      err.println("lente: cannot read " + o.file() + ": " + o.error());
      return 1;
    }
    print(out, o.article());
    return 0;
  }

  private static boolean isSingleFile(String input) {
    return input.equals("-") || !java.nio.file.Files.isDirectory(java.nio.file.Path.of(input));
  }

  private void print(PrintWriter out, Article a) throws IOException {
    if (json) {
      out.println(Json.MAPPER.writeValueAsString(Json.article(a)));
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
