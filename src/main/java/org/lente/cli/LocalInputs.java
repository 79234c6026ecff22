package org.lente.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.lente.ingest.PageReader;

/**
 * What the sources of a command come to before any is read: how many local files, and which folders
 * hold none, so that a run can show a total and an empty folder is told at once. Counting walks the
 * folders once, reading no file.
 *
 * @param files the local files the sources expand to (a feed or WARC file counts as one)
 * @param open true when a source is a URL or standard input, whose number of pages is unknown
 * @param empty the sources that are folders with no file to read (hidden files are not read)
 */
record LocalInputs(int files, boolean open, List<String> empty) {

  LocalInputs {
    if (files < 0) {
      throw new IllegalArgumentException("bad count: files=" + files);
    }
    empty = List.copyOf(empty);
  }

  /** Counts the files {@code sources} expand to; a source that does not exist or cannot be listed counts none. */
  static LocalInputs count(PageReader reader, List<String> sources) {
    int files = 0;
    boolean open = false;
    List<String> empty = new ArrayList<>();
    for (String source : sources) {
      if (source.equals("-") || source.startsWith("http://") || source.startsWith("https://")) {
        open = true;
        continue;
      }
      try {
        int n = reader.expand(List.of(source)).size();
        files += n;
        if (n == 0) {
          empty.add(source);
        }
      } catch (IOException e) {
        // the run tells what is wrong with it, as a failure of that source
      }
    }
    return new LocalInputs(files, open, empty);
  }

  /** True when every source is a folder with nothing to read: the run would do nothing. */
  boolean nothing(List<String> sources) {
    return !sources.isEmpty() && empty.size() == sources.size();
  }

  /** The message for sources that are empty folders. */
  String emptyMessage() {
    return "no inputs found in " + String.join(", ", empty) + " (an empty folder, or only hidden files)";
  }

  /** The number of pages to expect, or -1 when unknown. */
  long total() {
    return open ? -1 : files;
  }
}
