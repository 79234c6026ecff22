package org.lente.cli;

import java.util.List;
import org.lente.extract.Extractor;
import org.lente.extract.Limits;
import org.lente.ingest.PageReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The inputs and limits shared by the commands that read pages ({@code extract}, {@code analyze}). */
final class InputOptions {

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
      description = "Pages processed at once; the output keeps the input order. Default: the number of cores.")
  Integer threads;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files, directories, or - for stdin.")
  List<String> inputs;

  /** Checks the options together; usage errors name the option at fault. */
  void validate(CommandLine cl) {
    if (url != null && (inputs.size() != 1 || !isSingleFile(inputs.get(0)))) {
      throw new CommandLine.ParameterException(cl, "--url goes with exactly one input file");
    }
    if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
      throw new CommandLine.ParameterException(cl, "--max-bytes out of range: " + maxBytes);
    }
    int w = workers();
    if (w < 1 || w > 256) {
      throw new CommandLine.ParameterException(cl, "--threads must be 1 to 256: " + w);
    }
    try {
      new Limits(maxDepth, maxTags);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage().replace("maxDepth", "--max-depth")
          .replace("maxTags", "--max-tags"));
    }
  }

  /**
   * True when every input is a folder with nothing to read, which is told to {@code err}: the command
   * then exits with 1 without reading anything. An input that does not exist is not checked here: the
   * run reports it as a failure.
   */
  boolean noInputs(java.io.PrintWriter err) {
    LocalInputs found = LocalInputs.count(new PageReader(maxBytes), inputs);
    if (found.nothing(inputs)) {
      err.println("lente: " + found.emptyMessage());
      err.flush();
      return true;
    }
    return false;
  }

  int workers() {
    return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
  }

  Extractor extractor() {
    return new Extractor(new Limits(maxDepth, maxTags));
  }

  <T> Batch<T> batch() {
    return new Batch<>(new PageReader(maxBytes), workers(), url);
  }

  private static boolean isSingleFile(String input) {
    return input.equals("-") || !java.nio.file.Files.isDirectory(java.nio.file.Path.of(input));
  }
}
