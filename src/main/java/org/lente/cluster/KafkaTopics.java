package org.lente.cluster;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The cluster's Kafka topics, their keys and limits, and {@link #ensure} which creates them.
 *
 * <ul>
 *   <li>{@value #FETCH}: a {@link KafkaMessages.FetchTask} per URL to fetch, keyed by its host, so one consumer of
 *       the fetch workers' group has all of a host's URLs and the fetcher's politeness and robots.txt hold for it;
 *   <li>{@value #PAGES}: a {@link KafkaMessages.FetchedPage} per fetched page, keyed by the URL it came from (its
 *       article key until extraction finds a canonical one), messages up to {@link #MAX_MESSAGE_BYTES};
 *   <li>{@value #ANALYSED}: a {@link KafkaMessages.AnalysedArticle} per article, keyed by its article key, in ONE
 *       partition, so the single knowledge writer reads one total order;
 *   <li>{@value #DEAD}: a {@link KafkaMessages.DeadLetter} per record a worker failed {@link KafkaWorker#ATTEMPTS}
 *       times, {@link KafkaWorker.Refused refused} (a submission's page with no article text), or whose output was
 *       over the limit, with the error, its kind and the record's origin.
 * </ul>
 */
public final class KafkaTopics {

  public static final String FETCH = "lente.fetch";
  public static final String PAGES = "lente.pages";
  public static final String ANALYSED = "lente.analysed";
  public static final String DEAD = "lente.dead";

  /**
   * The largest message (key and value, uncompressed) on {@value #PAGES} and {@value #ANALYSED}: 24 MiB, so a page
   * of the fetcher's default 16 MiB, in base64 (× 4/3) inside its JSON, fits. The topics' {@code max.message.bytes}
   * is raised to it; a larger message is not sent but goes to {@value #DEAD}.
   */
  public static final int MAX_MESSAGE_BYTES = 24 << 20;

  /** The largest dead letter: the broker's default message limit (1 MiB) less room; longer values are cut. */
  public static final int MAX_DEAD_LETTER_BYTES = 512 << 10;

  /** Partitions of {@value #FETCH} and {@value #PAGES} by default: the most workers of a group that get work. */
  public static final int DEFAULT_PARTITIONS = 12;

  private KafkaTopics() {}

  /** The largest message {@code topic} takes, as {@link #ensure} configures it. */
  public static int maxMessageBytes(String topic) {
    return topic.equals(PAGES) || topic.equals(ANALYSED) ? MAX_MESSAGE_BYTES : MAX_DEAD_LETTER_BYTES;
  }

  /**
   * Creates the topics that are missing, each replicated {@code min(3, brokers)} times (with
   * {@code min.insync.replicas} one less, at least 1); idempotent, and safe from several processes at once.
   *
   * @param partitions of {@value #FETCH}, {@value #PAGES} and {@value #DEAD}; {@value #ANALYSED} always has one
   * @return the topics created now, empty when all existed
   * @throws IOException when the brokers cannot be reached, or {@value #ANALYSED} exists with more than one partition
   *     (the writer would then see no single order)
   */
  public static List<String> ensure(Admin admin, int partitions) throws IOException {
    if (partitions < 1 || partitions > 10_000) {
      throw new IllegalArgumentException("partitions must be 1 to 10000: " + partitions);
    }
    try {
      int brokers = admin.describeCluster().nodes().get().size();
      short replication = (short) Math.max(1, Math.min(3, brokers));
      String minInsync = Integer.toString(Math.max(1, replication - 1));
      String big = Integer.toString(MAX_MESSAGE_BYTES);
      List<NewTopic> wanted = List.of(
          topic(FETCH, partitions, replication, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync)),
          topic(PAGES, partitions, replication, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
              TopicConfig.MAX_MESSAGE_BYTES_CONFIG, big)),
          topic(ANALYSED, 1, replication, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync,
              TopicConfig.MAX_MESSAGE_BYTES_CONFIG, big)),
          topic(DEAD, partitions, replication, Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minInsync)));
      List<String> created = new ArrayList<>();
      var result = admin.createTopics(wanted).values();
      for (NewTopic t : wanted) {
        try {
          result.get(t.name()).get();
          created.add(t.name());
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
      TopicDescription analysed = admin.describeTopics(List.of(ANALYSED)).allTopicNames().get().get(ANALYSED);
      if (analysed.partitions().size() != 1) {
        throw new IOException(ANALYSED + " has " + analysed.partitions().size() + " partitions; the knowledge writer "
            + "needs one order, so exactly 1: delete it and run again");
      }
      return List.copyOf(created);
    } catch (ExecutionException e) {
      throw new IOException("Kafka: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while creating the Kafka topics", e);
    }
  }

  private static NewTopic topic(String name, int partitions, short replication, Map<String, String> config) {
    return new NewTopic(name, partitions, replication).configs(config);
  }
}
