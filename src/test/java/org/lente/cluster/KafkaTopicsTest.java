package org.lente.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The cluster's topics, created on a real Kafka broker. */
class KafkaTopicsTest {

  @RegisterExtension static final KafkaServer KAFKA = new KafkaServer();

  @Test
  void theTopicsAreCreatedOnceWithOnePartitionForTheWriter() throws Exception {
    try (Admin admin = KAFKA.admin()) {
      KafkaTopics.ensure(admin, 4);
      assertEquals(List.of(), KafkaTopics.ensure(admin, 4), "a second call creates nothing");
      Map<String, TopicDescription> topics = admin.describeTopics(List.of(KafkaTopics.FETCH, KafkaTopics.PAGES,
          KafkaTopics.ANALYSED, KafkaTopics.DEAD)).allTopicNames().get(30, TimeUnit.SECONDS);
      assertEquals(1, topics.get(KafkaTopics.ANALYSED).partitions().size());
      assertTrue(topics.get(KafkaTopics.PAGES).partitions().size() >= 1);
    }
  }

  @Test
  void pagesAndArticlesTakeMessagesUpToTheDocumentedBound() throws Exception {
    try (Admin admin = KAFKA.admin()) {
      KafkaTopics.ensure(admin, 4);
      for (String topic : List.of(KafkaTopics.PAGES, KafkaTopics.ANALYSED)) {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
        assertEquals(Integer.toString(KafkaTopics.MAX_MESSAGE_BYTES),
            config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG).value(), topic);
      }
    }
  }
}
