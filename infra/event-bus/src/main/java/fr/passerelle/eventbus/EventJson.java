package fr.passerelle.eventbus;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of integration events, used by publishers and consumers alike: ISO-8601
 * dates, unknown fields ignored (adding an optional field keeps an event's version).
 */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private EventJson() {}

  public static String write(Object data) {
    return MAPPER.writeValueAsString(data);
  }

  public static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }
}
