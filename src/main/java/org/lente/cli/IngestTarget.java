package org.lente.cli;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.lente.Lente;
import org.lente.Pipeline;
import org.lente.ingest.PageReader;
import org.lente.ingest.fetch.Fetcher;
import org.lente.knowledge.KnowledgeBase;
import org.lente.server.ServerFile;

/**
 * Where {@code ingest} and {@code watch} put articles: the knowledge base opened for writing here
 * ({@code lente}), or the running {@code lente serve} that holds the folder ({@code server}), which
 * stores them on its one writer thread. Exactly one is set. Closing closes the knowledge base.
 */
record IngestTarget(Lente lente, ServerIngest server) implements AutoCloseable {

  IngestTarget {
    if ((lente == null) == (server == null)) {
      throw new IllegalArgumentException("give a knowledge base or a server: lente=" + lente + ", server=" + server);
    }
  }

  /** The knowledge base opened here for writing, or null when articles go through a server. */
  KnowledgeBase kb() {
    return lente == null ? null : lente.knowledge();
  }

  /**
   * Opens {@code data}'s knowledge base for writing; when another process writes it and that process
   * is a {@code lente serve} with a live {@link ServerFile}, the server instead, which {@code say} is
   * told of.
   *
   * @throws Lente.WriterPresent when another process writes the folder and no server can take the work
   */
  static IngestTarget open(DataDir data, Consumer<String> say) throws IOException {
    try {
      return new IngestTarget(data.open(), null);
    } catch (Lente.WriterPresent e) {
      ServerFile file = ServerFile.find(data.dir).orElseThrow(() -> e);
      ServerIngest server = new ServerIngest(file);
      say.accept("the server at " + server.address() + " holds " + data.dir + "; articles go through it");
      return new IngestTarget(null, server);
    }
  }

  /**
   * A run into this target. Through a server, pages are read here and analysed there: two in flight
   * keep its one writer busy, and {@code pipeline} is not used (the server's own is).
   */
  Ingestion ingestion(PageReader reader, Fetcher fetcher, Pipeline pipeline, int workers, IngestSummary summary,
      Consumer<String> log, Ingestion.Progress progress, BooleanSupplier stop) {
    return lente != null
        ? new Ingestion(kb(), reader, fetcher, pipeline, workers, summary, log, progress, stop)
        : new Ingestion(server, reader, fetcher, 1, summary, log, progress, stop);
  }

  /** Makes what was stored visible to readers; a server does so after each article itself. */
  void flush() throws IOException {
    if (lente != null) {
      lente.knowledge().flush();
    }
  }

  @Override
  public void close() throws IOException {
    if (lente != null) {
      lente.close();
    }
  }
}
