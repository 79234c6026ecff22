package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A worker's consumer loop ({@link KafkaWorker} on {@link RenewingConsumer}) when Kafka's client fails, with
 * kafka-clients' own {@link MockConsumer} and {@link MockProducer} standing in for the broker: a one-partition topic
 * of four records and the group's committed offset, shared by the consumers the worker makes one after another.
 * {@code KafkaClusterTest} reproduces the lost group with a real broker and a real worker process.
 */
class RenewingConsumerTest {

  private static final String TOPIC = "test-in";
  private static final TopicPartition TP = new TopicPartition(TOPIC, 0);
  private static final List<Duration> SHORT = List.of(Duration.ofMillis(1), Duration.ofMillis(1));

  /** The broker's side: the topic's records, the group's committed offsets, every consumer made. */
  private static final class Group {
    final List<ConsumerRecord<String, String>> topic = new ArrayList<>();
    final Map<TopicPartition, Long> committed = Collections.synchronizedMap(new HashMap<>());
    final List<MockConsumer<String, String>> made = Collections.synchronizedList(new ArrayList<>());
    final List<String> log = Collections.synchronizedList(new ArrayList<>());

    Group(int records) {
      for (int i = 0; i < records; i++) {
        topic.add(new ConsumerRecord<>(TOPIC, 0, i, "k" + i, "v" + i));
      }
    }

    /**
     * A new member, as the broker would have it: given the partition at the group's committed offset (its first
     * record when none), then the topic's records from there; {@code failures} are thrown by its polls after that
     * first one, in order.
     */
    MockConsumer<String, String> member(KafkaException... failures) {
      MockConsumer<String, String> c = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
          super.commitSync(offsets);
          offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
        }
      };
      c.schedulePollTask(() -> {
        c.rebalance(List.of(TP));
        c.updateBeginningOffsets(Map.of(TP, 0L));
        c.seek(TP, committed.getOrDefault(TP, 0L));
        topic.forEach(c::addRecord);
      });
      for (KafkaException f : failures) {
        c.schedulePollTask(() -> c.setPollException(f));
      }
      made.add(c);
      return c;
    }

    KafkaWorker worker(java.util.function.Supplier<MockConsumer<String, String>> members, MockProducer<String,
        String> out, List<Duration> waits) {
      return new KafkaWorker(members, out, "test-group", TOPIC,
          r -> List.of(new ProducerRecord<>("test-out", r.key(), r.value())), Duration.ofMillis(1), waits, log::add);
    }
  }

  private static MockProducer<String, String> producer() {
    return new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
  }

  private static List<String> sent(MockProducer<String, String> out) {
    return out.history().stream().map(ProducerRecord::value).toList();
  }

  /** Runs {@code worker} until {@code out} holds {@code n} records, or 30 s passed. */
  private static KafkaWorker.Counts runUntil(KafkaWorker worker, MockProducer<String, String> out, int n)
      throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    return worker.run(() -> out.history().size() >= n || System.nanoTime() > deadline);
  }

  @Test
  void aConsumerWhoseGroupIsLostIsReplacedAndEveryRecordIsHandledOnce() throws Exception {
    Group g = new Group(2); // the first member sees two records, handles and commits them, then fails
    List<ConsumerRecord<String, String>> later = List.of(new ConsumerRecord<>(TOPIC, 0, 2, "k2", "v2"),
        new ConsumerRecord<>(TOPIC, 0, 3, "k3", "v3"));
    MockProducer<String, String> out = producer();
    try (KafkaWorker worker = g.worker(() -> {
      if (g.made.isEmpty()) {
        return g.member(new GroupIdNotFoundException("Consumer group test-group not found."));
      }
      g.topic.addAll(later);
      return g.member();
    }, out, SHORT)) {
      runUntil(worker, out, 4);
    }
    assertEquals(List.of("v0", "v1", "v2", "v3"), sent(out), "each record once, none lost");
    assertEquals(2, g.made.size(), "consumers made");
    assertTrue(g.made.get(0).closed(), "the failed consumer is closed");
    assertEquals(4L, g.committed.get(TP));
    assertTrue(g.log.stream().anyMatch(l -> l.contains("GroupIdNotFoundException") && l.contains("closing it")),
        String.join("\n", g.log));
  }

  @Test
  void aConsumerFailingPastItsWaitsEndsTheWorkerWithAnErrorNamingItAndTheLastFailure() throws Exception {
    Group g = new Group(1);
    MockProducer<String, String> out = producer();
    try (KafkaWorker worker = g.worker(() -> g.member(new GroupIdNotFoundException("Consumer group test-group "
        + "not found.")), out, SHORT)) {
      IOException e = assertThrows(IOException.class, () -> worker.run(() -> false));
      assertTrue(e.getMessage().contains("the worker of group test-group reading test-in")
          && e.getMessage().contains("failed 3 times in a row"), e.getMessage());
      assertInstanceOf(GroupIdNotFoundException.class, e.getCause());
    }
    assertEquals(SHORT.size() + 1, g.made.size(), "the first consumer and one per wait");
    assertEquals(List.of("v0"), sent(out), "the record handled once: the consumers after it start at the commit");
  }

  @Test
  void aRetriableFailureKeepsTheConsumer() throws Exception {
    Group g = new Group(2);
    g.topic.remove(1);
    MockProducer<String, String> out = producer();
    try (KafkaWorker worker = g.worker(() -> {
      MockConsumer<String, String> c = g.member(new TimeoutException("the coordinator did not answer"));
      c.schedulePollTask(() -> c.addRecord(new ConsumerRecord<>(TOPIC, 0, 1, "k1", "v1")));
      return c;
    }, out, SHORT)) {
      runUntil(worker, out, 2);
      assertFalse(g.made.get(0).closed(), "still in use");
    }
    assertEquals(List.of("v0", "v1"), sent(out));
    assertEquals(1, g.made.size(), "consumers made");
  }

  @Test
  void aCommitThatFailsFatallyLeavesItsRecordsToTheNextConsumer() throws Exception {
    Group g = new Group(2);
    MockProducer<String, String> out = producer();
    try (KafkaWorker worker = g.worker(() -> {
      if (!g.made.isEmpty()) {
        return g.member();
      }
      MockConsumer<String, String> first = new MockConsumer<>("earliest") {
        @Override
        public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
          throw new GroupIdNotFoundException("Consumer group test-group not found.");
        }
      };
      first.schedulePollTask(() -> {
        first.rebalance(List.of(TP));
        first.updateBeginningOffsets(Map.of(TP, 0L));
        g.topic.forEach(first::addRecord);
      });
      g.made.add(first);
      return first;
    }, out, SHORT)) {
      runUntil(worker, out, 4);
    }
    // at least once: the records whose offsets were not committed are handled again (the writer drops the doubles)
    assertEquals(List.of("v0", "v1", "v0", "v1"), sent(out));
    assertEquals(2, g.made.size());
    assertEquals(2L, g.committed.get(TP));
  }

  @Test
  void aWakeupEndsTheWaitBeforeANewConsumer() throws Exception {
    Group g = new Group(1);
    MockProducer<String, String> out = producer();
    KafkaWorker worker = g.worker(() -> g.member(new GroupIdNotFoundException("Consumer group test-group not "
        + "found.")), out, List.of(Duration.ofMinutes(10)));
    try (worker) {
      CompletableFuture<KafkaWorker.Counts> running = CompletableFuture.supplyAsync(() -> {
        try {
          return worker.run(() -> false);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (g.log.stream().noneMatch(l -> l.contains("closing it")) && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      worker.wakeup();
      assertEquals(1, running.get(30, TimeUnit.SECONDS).read(), "stopped within the ten minutes' wait");
    }
    assertEquals(1, g.made.size());
  }

  @Test
  void anAssignedConsumerIsMadeAgainWhereItsOpeningSeeks() throws Exception {
    Group g = new Group(4);
    long[] next = {0}; // as the knowledge writer's offset past its last committed transaction
    List<MockConsumer<String, String>> made = new ArrayList<>();
    RenewingConsumer consumer = new RenewingConsumer("the writer", () -> {
      MockConsumer<String, String> c = new MockConsumer<>("none");
      c.updateBeginningOffsets(Map.of(TP, 0L));
      c.schedulePollTask(() -> g.topic.forEach(c::addRecord));
      if (made.isEmpty()) {
        c.schedulePollTask(() -> c.setPollException(new KafkaException("not authorized to read " + TOPIC)));
      }
      made.add(c);
      return c;
    }, c -> {
      c.assign(List.of(TP));
      c.seek(TP, next[0]);
    }, SHORT, g.log::add);
    try (consumer) {
      assertEquals(4, consumer.poll(Duration.ofMillis(10), () -> false).count());
      next[0] = 2; // two of the four applied when the consumer fails
      assertTrue(consumer.poll(Duration.ofMillis(10), () -> false).isEmpty(), "the failed poll");
      assertEquals(0, consumer.renewals());
      List<Long> again = new ArrayList<>();
      consumer.poll(Duration.ofMillis(10), () -> false).forEach(r -> again.add(r.offset()));
      assertEquals(1, consumer.renewals(), "a caller holding records of the first consumer can tell");
      assertEquals(List.of(2L, 3L), again, "read again from where the opening seeks");
    }
    assertTrue(made.get(0).closed() && made.get(1).closed());
  }
}
