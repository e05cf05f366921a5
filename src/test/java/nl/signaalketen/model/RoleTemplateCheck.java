package nl.signaalketen.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.signaalketen.assignment.TaskRoles;

/** The Desktop Modeler element templates must offer exactly the roles of the catalog. */
final class RoleTemplateCheck {

  private RoleTemplateCheck() {}

  /** A repository without templates is fine; templates that no longer offer the role are not. */
  static List<String> check(Path templatesDir, Set<String> roleCodes) {
    List<String> problems = new ArrayList<>();
    boolean rolesOffered = false;
    for (Path file : ProcessModelChecker.filesEndingWith(templatesDir, ".json")) {
      try {
        JsonNode templates = new ObjectMapper().readTree(file.toFile());
        rolesOffered |= templates.findValues("binding").stream().anyMatch(RoleTemplateCheck::bindsRole);
        problems.addAll(roleTemplateProblems(ProcessModelChecker.label(file), templates, roleCodes));
      } catch (IOException e) {
        problems.add(ProcessModelChecker.label(file) + ": is not valid JSON: " + e.getMessage());
      }
    }
    if (Files.isDirectory(templatesDir) && !rolesOffered) {
      problems.add(ProcessModelChecker.label(templatesDir) + ": no element template binds camunda:property '" + TaskRoles.ROLE_PROPERTY + "'");
    }
    return problems;
  }

  private static boolean bindsRole(JsonNode binding) {
    return "camunda:property".equals(binding.path("type").asText())
        && TaskRoles.ROLE_PROPERTY.equals(binding.path("name").asText());
  }

  /**
   * Compares the Dropdown of every template that binds {@code camunda:property} "role" with the role
   * codes of the catalog, so Desktop Modeler offers exactly the roles the registry can assign.
   */
  public static List<String> roleTemplateProblems(String label, JsonNode templates, Collection<String> roleCodes) {
    List<String> found = new ArrayList<>();
    for (JsonNode template : templates.isArray() ? templates : List.of(templates)) {
      String where = label + ": template '" + template.path("name").asText() + "' (" + template.path("id").asText() + ")";
      for (JsonNode property : template.path("properties")) {
        if (!bindsRole(property.path("binding"))) {
          continue;
        }
        if (!"Dropdown".equals(property.path("type").asText())) {
          found.add(where + " offers the role as '" + property.path("type").asText() + "', not as a Dropdown");
          continue;
        }
        Set<String> offered = new TreeSet<>();
        property.path("choices").forEach(choice -> offered.add(choice.path("value").asText()));
        Set<String> missing = new TreeSet<>(roleCodes);
        missing.removeAll(offered);
        Set<String> unknown = new TreeSet<>(offered);
        unknown.removeAll(roleCodes);
        if (!missing.isEmpty()) {
          found.add(where + " does not offer role(s) " + missing + " of the registry");
        }
        if (!unknown.isEmpty()) {
          found.add(where + " offers role(s) " + unknown + ", which the registry does not know");
        }
      }
    }
    return found;
  }

}
