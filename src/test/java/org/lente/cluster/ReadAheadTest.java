package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  private final ExecutorService reading = Executors.newSingleThreadExecutor();
  /** The records whose reading ran, in the order it ran. */
  private final List<Integer> read = Collections.synchronizedList(new ArrayList<>());
  private final Function<Integer, String> reader = r -> {
    read.add(r);
    return "read " + r;
  };

  @AfterEach
  void stop() {
    reading.shutdownNow();
  }

  /** Waits until the reading thread has run what was submitted before. */
  private void idle() throws Exception {
    reading.submit(() -> { }).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aPollOfManyRecordsIsReadOnlyAsFarAheadAsAllowed() throws Exception {
    ReadAhead<Integer, String> waiting = new ReadAhead<>(reading, reader, 3);
    for (int r = 0; r < 20; r++) {
      waiting.add(r);
    }
    idle();
    assertEquals(List.of(0, 1, 2), read, "only the first three records are read");
    assertEquals(3, waiting.started());
    assertEquals(20, waiting.size());

    assertEquals(List.of("read 0", "read 1"), waiting.take(2));
    idle();
    assertEquals(List.of(0, 1, 2, 3, 4), read, "two taken, two more read");
    assertEquals(3, waiting.started());
    assertEquals(18, waiting.size());
  }

  @Test
  void recordsAreTakenInTheirOrderWithWhatTheirReadingGave() {
    ReadAhead<Integer, String> waiting = new ReadAhead<>(reading, reader, 2);
    List<String> taken = new ArrayList<>();
    for (int r = 0; r < 7; r++) {
      waiting.add(r);
    }
    taken.addAll(waiting.take(3));
    waiting.add(7);
    taken.addAll(waiting.take(5));
    assertEquals(List.of("read 0", "read 1", "read 2", "read 3", "read 4", "read 5", "read 6", "read 7"), taken);
    assertEquals(0, waiting.started());
    assertEquals(0, waiting.size());
  }

  @Test
  void droppedRecordsWhoseReadingHadNotBegunAreNeverRead() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ReadAhead<Integer, String> waiting = new ReadAhead<>(reading, r -> {
      if (r == 0) {
        entered.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return reader.apply(r);
    }, 2);
    waiting.add(0);
    waiting.add(1);
    waiting.add(2);
    entered.await(10, TimeUnit.SECONDS); // record 0 is being read, record 1 waits on the reading thread
    waiting.drop();
    release.countDown();
    idle();
    assertEquals(List.of(0), read, "record 1's reading was cancelled, record 2's never started");
    assertEquals(0, waiting.size());
    assertEquals(0, waiting.started());
  }

  @Test
  void whatTheReadingThrowsComesOutOfTake() {
    IllegalArgumentException bad = new IllegalArgumentException("not a record");
    ReadAhead<Integer, String> waiting = new ReadAhead<>(reading, r -> {
      throw bad;
    }, 1);
    waiting.add(0);
    assertSame(bad, assertThrows(IllegalArgumentException.class, () -> waiting.take(1)));
  }

  @Test
  void takingMoreThanWaitOrReadingNoneAheadIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new ReadAhead<>(reading, reader, 0));
    ReadAhead<Integer, String> waiting = new ReadAhead<>(reading, reader, 2);
    waiting.add(0);
    assertThrows(IllegalArgumentException.class, () -> waiting.take(2));
  }
}
