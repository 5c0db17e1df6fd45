package fr.passerelle.fuzz;

import fr.passerelle.edge.route.Route;
import fr.passerelle.edge.route.ServiceName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What a service's OpenAPI document (springdoc, served through the gateway at {@code
 * /v3/api-docs/<service>-service}) says of one route of the edge's table: the schema of its body
 * and its query parameters, with every {@code $ref} resolved against the document's components.
 */
record ApiDocument(Map<ServiceName, JsonNode> documents) {

  /** One route as documented: its body schema (null without a body) and query parameters. */
  record Operation(Route route, JsonNode bodySchema, List<Parameter> query) {}

  record Parameter(String name, boolean required, JsonNode schema) {}

  static String documentPath(ServiceName service) {
    return "/v3/api-docs/" + service.name().toLowerCase(Locale.ROOT) + "-service";
  }

  /**
   * The route's operation; a route of the table that its service does not document is an error of
   * the platform (the table and the controllers have drifted apart).
   */
  Operation operation(Route route) {
    JsonNode document = documents.get(route.service());
    JsonNode operation =
        document
            .path("paths")
            .path(route.path())
            .path(route.method().name().toLowerCase(Locale.ROOT));
    if (operation.isMissingNode()) {
      throw new IllegalStateException(
          route.method()
              + " "
              + route.path()
              + " is in the route table but not in the OpenAPI"
              + " document of "
              + route.service());
    }
    JsonNode body = operation.path("requestBody").path("content");
    JsonNode schema = null;
    if (!body.isMissingNode()) {
      JsonNode json = body.path("application/json");
      schema =
          resolve(
              document,
              (json.isMissingNode() ? body.values().iterator().next() : json).path("schema"));
    }
    List<Parameter> query = new ArrayList<>();
    for (JsonNode parameter : operation.path("parameters")) {
      if ("query".equals(parameter.path("in").asString())) {
        query.add(
            new Parameter(
                parameter.path("name").asString(),
                parameter.path("required").asBoolean(false),
                resolve(document, parameter.path("schema"))));
      }
    }
    return new Operation(route, schema, query);
  }

  /** The schema with its {@code $ref}s replaced by the components they name, depth first. */
  static JsonNode resolve(JsonNode document, JsonNode schema) {
    return resolve(document, schema, 0);
  }

  private static JsonNode resolve(JsonNode document, JsonNode schema, int depth) {
    if (schema == null || schema.isMissingNode() || depth > 16) {
      return schema;
    }
    if (schema.has("$ref")) {
      String ref = schema.path("$ref").asString();
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      return resolve(document, document.path("components").path("schemas").path(name), depth + 1);
    }
    if (!schema.isObject()) {
      return schema;
    }
    var copy = ((tools.jackson.databind.node.ObjectNode) schema).deepCopy();
    if (schema.has("properties")) {
      var properties = copy.putObject("properties");
      for (var field : schema.path("properties").properties()) {
        properties.set(field.getKey(), resolve(document, field.getValue(), depth + 1));
      }
    }
    if (schema.has("items")) {
      copy.set("items", resolve(document, schema.path("items"), depth + 1));
    }
    return copy;
  }
}
