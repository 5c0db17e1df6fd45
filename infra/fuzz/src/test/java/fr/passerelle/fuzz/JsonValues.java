package fr.passerelle.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;

/**
 * JSON values drawn from an OpenAPI schema: values the schema allows (with the ids the platform
 * really holds for fields it names, so that valid requests reach the domain), hostile values of
 * every kind (wrong types, huge strings and numbers, odd Unicode, deep nesting), and valid objects
 * with one thing wrong (a field missing, one too many, one of the wrong kind).
 */
final class JsonValues {

  /** Ids the platform holds, by field or path variable name: dossierId, associationId... */
  private final Function<String, List<String>> knownIds;

  private final LocalDate today;

  JsonValues(Function<String, List<String>> knownIds, LocalDate today) {
    this.knownIds = knownIds;
    this.today = today;
  }

  /** A value of {@code schema}, named {@code name} in its object (null for a top-level value). */
  Arbitrary<Object> valid(JsonNode schema, String name) {
    return valid(schema, name, 0);
  }

  private Arbitrary<Object> valid(JsonNode schema, String name, int depth) {
    if (schema == null || schema.isMissingNode() || depth > 6) {
      return Arbitraries.just(Map.of());
    }
    if (schema.has("enum")) {
      List<Object> values = new ArrayList<>();
      schema.path("enum").forEach(value -> values.add(value.asString()));
      return Arbitraries.of(values);
    }
    List<String> ids = name == null ? List.of() : knownIds.apply(name);
    if (!ids.isEmpty()) {
      return Arbitraries.of(ids).map(id -> (Object) id);
    }
    String type = type(schema);
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" ->
          valid(schema.path("items"), singular(name), depth + 1)
              .list()
              .ofMinSize(Math.max(1, schema.path("minItems").asInt(1)))
              .ofMaxSize(3)
              .map(list -> (Object) list);
      case "integer" -> integer(schema).map(i -> (Object) i);
      case "number" -> integer(schema).map(i -> (Object) i);
      case "boolean" -> Arbitraries.of(true, false).map(b -> (Object) b);
      default -> string(schema);
    };
  }

  private Arbitrary<Object> object(JsonNode schema, int depth) {
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(field -> required.add(field.asString()));
    List<Arbitrary<Map.Entry<String, Object>>> fields = new ArrayList<>();
    for (var property : schema.path("properties").properties()) {
      String field = property.getKey();
      Arbitrary<Object> value = valid(property.getValue(), field, depth + 1);
      Arbitrary<Map.Entry<String, Object>> entry = value.map(v -> Map.entry(field, v));
      if (!required.contains(field)) {
        // An optional field is present four times out of five: most bodies are complete.
        entry = entry.injectNull(0.2);
      }
      fields.add(entry);
    }
    if (fields.isEmpty()) {
      return Arbitraries.just(new LinkedHashMap<>());
    }
    return Combinators.combine(fields)
        .as(
            entries -> {
              Map<String, Object> object = new LinkedHashMap<>();
              for (Map.Entry<String, Object> entry : entries) {
                if (entry != null) {
                  object.put(entry.getKey(), entry.getValue());
                }
              }
              return (Object) object;
            });
  }

  private Arbitrary<Long> integer(JsonNode schema) {
    long min = schema.has("minimum") ? schema.path("minimum").asLong() : 0;
    long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min, 40);
    return Arbitraries.longs().between(min, Math.min(max, min + 1_000));
  }

  private Arbitrary<Object> string(JsonNode schema) {
    String format = schema.path("format").asString("");
    return switch (format) {
      case "date" ->
          Arbitraries.of(
                  today,
                  today.minusDays(1),
                  today.minusMonths(6),
                  today.minusYears(30),
                  today.plusDays(1),
                  today.plusMonths(3))
              .map(date -> (Object) date.toString());
      case "date-time" -> Arbitraries.just(today.atStartOfDay() + ":00Z");
      case "uuid" -> Arbitraries.create(() -> java.util.UUID.randomUUID().toString());
      default -> {
        int max = Math.min(schema.path("maxLength").asInt(40), 40);
        int min = Math.min(schema.path("minLength").asInt(1), max);
        yield Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars("ÉéèàçÔ -'")
            .ofMinLength(Math.max(min, 1))
            .ofMaxLength(Math.max(max, 1))
            .map(s -> (Object) s);
      }
    };
  }

  /**
   * Anything a hostile client could put where a value belongs: other types, the largest and
   * strangest numbers and strings, control characters, unpaired surrogates, bidirectional
   * overrides, deep nesting.
   */
  static Arbitrary<Object> hostile() {
    return HOSTILE;
  }

  /**
   * One instance for the whole run: jqwik keeps a generator for each arbitrary it meets, so
   * arbitraries are built once, never inside a {@code flatMap}.
   */
  private static final Arbitrary<Object> HOSTILE =
      Arbitraries.oneOf(
          Arbitraries.of(
              (Object) "",
              " ",
              "null",
              "\u0000",
              "\u202E\u0644\u0627 \u05E9\u05DC\u05D5\u05DD",
              "\uD800",
              "\uDFFF\uD800",
              "e\u0301\u0301\u0301\u0301\u0301\u0301",
              "\uFEFF31",
              "\u200B",
              "👩‍👩‍👧‍👦🏳️‍⚧️",
              "Ｎｉｇｅｒｉａ",
              "<script>alert(1)</script>",
              "'; DROP TABLE dossier; --",
              "${jndi:ldap://127.0.0.1/a}",
              "../../../../etc/passwd",
              "%00",
              "0000-00-00",
              "2026-02-30",
              "9999-12-31",
              "-999999999-01-01",
              "+1000000000-01-01",
              "1e400",
              "NaN",
              "Infinity",
              true,
              false,
              0,
              -1,
              Integer.MAX_VALUE,
              Integer.MIN_VALUE,
              Long.MAX_VALUE,
              Long.MIN_VALUE,
              new BigInteger("99999999999999999999999999999999999999999"),
              new BigInteger("-99999999999999999999999999999999999999999"),
              new BigDecimal("1e308"),
              new BigDecimal("4.9e-324"),
              new BigDecimal("123456789.123456789123456789"),
              0.5,
              -0.0,
              List.of(),
              Map.of(),
              List.of(1, "a", Map.of()),
              Map.of("", ""),
              Map.of("$ref", "#/x")),
          Arbitraries.strings().all().ofMinLength(1).ofMaxLength(64).map(s -> (Object) s),
          Arbitraries.strings()
              .withChars('A', 'é', '\u0000', '\uFFFF', '𝄞')
              .ofLength(100_000)
              .map(s -> (Object) s),
          Arbitraries.integers().between(2, 2_000).map(JsonValues::nested),
          Arbitraries.just(null));

  /** {@code depth} arrays nested in one another. */
  private static Object nested(int depth) {
    Object value = List.of();
    for (int i = 0; i < depth; i++) {
      value = List.of(value);
    }
    return value;
  }

  /**
   * Valid values with one thing wrong: a field removed, a field added, or one value (at any depth)
   * replaced by a hostile one. Built by combination, not {@code flatMap}, so that the run keeps no
   * arbitrary per value.
   */
  static Arbitrary<Object> broken(Arbitrary<Object> valid) {
    return Combinators.combine(
            valid,
            Arbitraries.of(Edit.values()),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.of("extra", "id", "status", "departmentCode", "__proto__", "é"),
            hostile())
        .as(
            (value, edit, index, field, replacement) -> {
              List<List<Object>> paths = new ArrayList<>();
              collectPaths(value, new ArrayList<>(), paths);
              if (edit == Edit.ADD || paths.isEmpty()) {
                if (value instanceof Map<?, ?> map) {
                  Map<Object, Object> copy = new LinkedHashMap<>(map);
                  copy.put(field, replacement);
                  return (Object) copy;
                }
                return replacement;
              }
              return edit(value, paths.get(index % paths.size()), edit, replacement);
            });
  }

  private enum Edit {
    REMOVE,
    REPLACE,
    ADD
  }

  private static void collectPaths(Object value, List<Object> prefix, List<List<Object>> paths) {
    if (value instanceof Map<?, ?> map) {
      for (var entry : map.entrySet()) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(entry.getKey());
        paths.add(path);
        collectPaths(entry.getValue(), path, paths);
      }
    } else if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(i);
        paths.add(path);
        collectPaths(list.get(i), path, paths);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object edit(Object value, List<Object> path, Edit edit, Object replacement) {
    if (path.isEmpty()) {
      return replacement;
    }
    Object key = path.get(0);
    List<Object> rest = path.subList(1, path.size());
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) map);
      if (rest.isEmpty() && edit == Edit.REMOVE) {
        copy.remove(key);
      } else {
        copy.put(key, edit(copy.get(key), rest, edit, replacement));
      }
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list);
      int index = (Integer) key;
      if (rest.isEmpty() && edit == Edit.REMOVE) {
        copy.remove(index);
      } else {
        copy.set(index, edit(copy.get(index), rest, edit, replacement));
      }
      return copy;
    }
    return replacement;
  }

  private static String type(JsonNode schema) {
    if (schema.has("type")) {
      JsonNode type = schema.path("type");
      return type.isArray() ? type.path(0).asString() : type.asString();
    }
    if (schema.has("properties")) {
      return "object";
    }
    if (schema.has("items")) {
      return "array";
    }
    return "string";
  }

  private static String singular(String name) {
    return name != null && name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }
}
