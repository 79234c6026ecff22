package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WriterBenchCanaryTest {

  @Test
  void aRunningCanaryRecordsPassesWithTheirCpuTimeAndNoneAfterItIsClosed() throws Exception {
    long from = System.currentTimeMillis() - 1;
    try (WriterBenchCanary canary = new WriterBenchCanary()) {
      long deadline = System.nanoTime() + 30_000_000_000L; // the first passes run before the compiler's, slowly
      double[] seen = canary.medianMs(from, System.currentTimeMillis());
      while (seen[1] < 3 && System.nanoTime() < deadline) {
        Thread.sleep(WriterBenchCanary.PAUSE_MILLIS);
        seen = canary.medianMs(from, System.currentTimeMillis());
      }
      assertTrue(seen[1] >= 3, "passes in 30 s: " + seen[1]);
      assertTrue(seen[0] > 0, "a pass's CPU: " + seen[0] + " ms");
      canary.close();
      long closed = System.currentTimeMillis();
      Thread.sleep(3 * WriterBenchCanary.PAUSE_MILLIS);
      assertEquals(0, canary.medianMs(closed, System.currentTimeMillis())[1], "passes after close");
    }
  }
}
