package fr.passerelle.reporting.audit.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One spelling of a JSON value: members sorted by name, no whitespace, decimals as written. Two
 * deliveries of the same event data give the same text, whatever order the publisher wrote its
 * members in.
 */
final class CanonicalJson {

  static final JsonMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private CanonicalJson() {}

  static String of(Map<String, JsonNode> members) {
    Map<String, Object> sorted = new TreeMap<>();
    members.forEach((name, value) -> sorted.put(name, plain(value)));
    return MAPPER.writeValueAsString(sorted);
  }

  private static Object plain(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> sorted = new TreeMap<>();
      node.properties().forEach(member -> sorted.put(member.getKey(), plain(member.getValue())));
      return sorted;
    }
    if (node.isArray()) {
      List<Object> items = new ArrayList<>();
      node.values().forEach(item -> items.add(plain(item)));
      return items;
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.asString();
  }
}
