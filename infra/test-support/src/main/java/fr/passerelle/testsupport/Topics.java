package fr.passerelle.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;

/** What the shared broker knows of a topic. */
public final class Topics {

  private Topics() {}

  public record Description(int partitions, String retentionMs) {}

  public static Description describe(String topic) {
    try (var admin =
        Admin.create(
            Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()))) {
      int partitions =
          admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
      var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      String retention =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get()
              .get(resource)
              .get("retention.ms")
              .value();
      return new Description(partitions, retention);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot describe topic " + topic, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
