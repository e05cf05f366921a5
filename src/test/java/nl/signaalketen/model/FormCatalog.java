package nl.signaalketen.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Forms in forms/, by id. The engine resolves a {@code camunda:formRef} against the
 * form's {@code id}, not its file name; requiring both to be equal lets a process owner find the
 * form a task points to without opening every file.
 */
final class FormCatalog {

  /** Form id to the file that declares it. */
  final Map<String, String> fileById = new TreeMap<>();
  final List<String> problems = new ArrayList<>();

  static FormCatalog read(Path formsDir) {
    FormCatalog catalog = new FormCatalog();
    for (Path file : ProcessModelChecker.filesEndingWith(formsDir, ".form")) {
      catalog.add(file);
    }
    return catalog;
  }

  private void add(Path file) {
    String label = ProcessModelChecker.label(file);
    JsonNode form;
    try {
      form = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      problems.add(label + ": is not valid JSON: " + e.getMessage());
      return;
    }
    String id = form == null ? "" : form.path("id").asText("").trim();
    if (id.isEmpty()) {
      problems.add(label + ": form has no id");
      return;
    }
    String expected = ProcessModelChecker.baseName(file, ".form");
    if (!id.equals(expected)) {
      problems.add(label + ": form id '" + id + "' differs from the file name '" + expected + "'");
    }
    String other = fileById.putIfAbsent(id, label);
    if (other != null) {
      problems.add(label + ": form id '" + id + "' is already used by " + other);
    }
  }
}
