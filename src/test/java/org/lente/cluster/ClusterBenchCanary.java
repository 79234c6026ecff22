package org.lente.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lente.Pipeline;
import org.lente.extract.Extractor;
import org.lente.ingest.Page;
import org.lente.nlp.Analyzer;
import org.lente.nlp.ner.NerModels;

/**
 * The machine's speed beside a scaling run ({@link ClusterBench}; docs/cluster-bench.md): a JVM that analyses the same
 * texts over and over, the way an analysis worker does ({@link Pipeline#prepare}), and writes each pass's CPU time.
 *
 * <p>Its work never changes, and after its warm-up its compiled code does not either, so its CPU milliseconds per pass
 * change only with how fast the machine runs a CPU-second for this kind of work: slower when the other processes
 * evict its caches, share the host's cores with the virtual machine's, or contend for memory. Held to a quota of its
 * own beside the workers, it tells how much of a rise in an article's CPU as n grows is the machine's and how much
 * is the workers'.
 *
 * <p>Usage: {@code ClusterBenchCanary OUT WARM TEXT...}: analyses the texts in turn, {@code WARM} passes without
 * recording, writes {@code warm} to {@code OUT}, then for every pass a line {@code END_MILLIS<TAB>CPU_NANOS} (the
 * pass's end as milliseconds since the epoch, and the thread's CPU during it), until it is killed.
 */
final class ClusterBenchCanary {

  /** The line written when the warm-up is over. */
  static final String WARM = "warm";

  private ClusterBenchCanary() {
  }

  /** One recorded pass: when it ended, and its CPU time. */
  record Pass(long endMillis, long cpuNanos) {
    Pass {
      if (endMillis <= 0 || cpuNanos < 0) {
        throw new IllegalArgumentException("bad pass: end=" + endMillis + ", cpu=" + cpuNanos);
      }
    }

    /** The passes of a canary's output (its warm-up marker and an unfinished last line skipped). */
    static List<Pass> read(Path out) throws IOException {
      List<Pass> passes = new ArrayList<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        String[] f = line.split("\t");
        if (f.length != 2) {
          continue;
        }
        try {
          passes.add(new Pass(Long.parseLong(f[0]), Long.parseLong(f[1])));
        } catch (IllegalArgumentException e) {
          // the line being written when the file was read
        }
      }
      return passes;
    }

    /**
     * The median CPU milliseconds of the passes that ended in {@code (from, to]} and the count of them; NaN and 0 when
     * none did.
     */
    static double[] medianMs(List<Pass> passes, long from, long to) {
      double[] ms = passes.stream().filter(p -> p.endMillis > from && p.endMillis <= to)
          .mapToDouble(p -> p.cpuNanos / 1e6).sorted().toArray();
      if (ms.length == 0) {
        return new double[] {Double.NaN, 0};
      }
      double median = ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
      return new double[] {median, ms.length};
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ClusterBenchCanary OUT WARM TEXT...");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int warm = Integer.parseInt(args[1]);
    List<Page> pages = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      String url = "https://canary.lente.invalid/" + (i - 2);
      pages.add(new Page(url, Files.readAllBytes(Path.of(args[i])), "text/plain; charset=utf-8", url, List.of()));
    }
    Pipeline pipeline = new Pipeline(new Extractor(), new Analyzer(new NerModels(System.err::println)),
        Pipeline.Options.defaults());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8); PrintWriter o = new PrintWriter(w, true)) {
      for (long pass = 0; ; pass++) {
        long cpu = threads.getCurrentThreadCpuTime();
        for (Page p : pages) {
          if (pipeline.prepare(p).skipped() != null) {
            throw new IllegalStateException("the canary's text " + p.url() + " gives no article");
          }
        }
        long used = threads.getCurrentThreadCpuTime() - cpu;
        if (pass == warm) {
          o.println(WARM);
        }
        if (pass >= warm) {
          o.println(String.format(Locale.ROOT, "%d\t%d", System.currentTimeMillis(), used));
        }
      }
    }
  }
}
