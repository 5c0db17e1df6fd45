package fr.passerelle.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the transformers these manifests
 * use: resources (files and directories), {@code namespace}, {@code images} and {@code labels} (on
 * each object's own labels). Any other field is refused rather than ignored, so that the test never
 * checks something else than what a cluster would get.
 */
final class Kustomization {

  private static final Set<String> UNDERSTOOD =
      Set.of("apiVersion", "kind", "resources", "namespace", "images", "labels");

  private Kustomization() {}

  /** The objects {@code directory}'s kustomization.yaml renders. */
  static List<Map<String, Object>> render(Path directory) {
    Map<String, Object> kustomization = load(directory.resolve("kustomization.yaml")).get(0);
    for (String field : kustomization.keySet()) {
      if (!UNDERSTOOD.contains(field)) {
        throw new IllegalStateException(
            directory + "/kustomization.yaml uses '" + field + "', which this renderer ignores");
      }
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object resource : list(kustomization.get("resources"))) {
      Path path = directory.resolve((String) resource).normalize();
      objects.addAll(Files.isDirectory(path) ? render(path) : load(path));
    }
    for (Object entry : list(kustomization.get("labels"))) {
      Map<String, Object> pairs = map(map(entry).get("pairs"));
      for (Map<String, Object> object : objects) {
        map(object.get("metadata")).computeIfAbsent("labels", k -> new LinkedHashMap<>());
        map(map(object.get("metadata")).get("labels")).putAll(pairs);
      }
    }
    if (kustomization.get("namespace") instanceof String namespace) {
      objects.forEach(object -> map(object.get("metadata")).put("namespace", namespace));
    }
    for (Object entry : list(kustomization.get("images"))) {
      Map<String, Object> image = map(entry);
      objects.forEach(object -> retag(object, image));
    }
    return objects;
  }

  /** Every container and init container of a workload whose image is {@code image.name}. */
  static List<Map<String, Object>> containers(Map<String, Object> object) {
    Map<String, Object> spec = map(object.get("spec"));
    Map<String, Object> template = map(spec.get("template"));
    if (template.isEmpty()) {
      return List.of();
    }
    Map<String, Object> podSpec = map(template.get("spec"));
    List<Map<String, Object>> containers = new ArrayList<>();
    for (String field : List.of("initContainers", "containers")) {
      list(podSpec.get(field)).forEach(container -> containers.add(map(container)));
    }
    return containers;
  }

  private static void retag(Map<String, Object> object, Map<String, Object> image) {
    String name = (String) image.get("name");
    for (Map<String, Object> container : containers(object)) {
      String current = (String) container.get("image");
      int colon = current.lastIndexOf(':');
      String repository = colon < 0 ? current : current.substring(0, colon);
      String tag = colon < 0 ? "latest" : current.substring(colon + 1);
      if (repository.equals(name)) {
        container.put(
            "image",
            image.getOrDefault("newName", repository) + ":" + image.getOrDefault("newTag", tag));
      }
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> load(Path file) {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : new Yaml().loadAll(reader)) {
        if (document != null) {
          documents.add((Map<String, Object>) document);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value == null ? new LinkedHashMap<>() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
