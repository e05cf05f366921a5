package nl.signaalketen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Adds up what every test class of this run covered (camunda-process-test-coverage writes a
 * report per class under target/process-test-coverage) per process in processes/, prints it, and
 * requires at least 90% of flow nodes and of sequence flows for each. Runs last (see
 * junit-platform.properties); reports older than this JVM are ignored.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageSummaryTest {

  private static final double REQUIRED = 0.90;
  private static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Test
  void everyProcessIsCoveredForAtLeastNinetyPercentOfNodesAndFlows() throws IOException {
    Map<String, Set<String>> covered = coveredElementsPerProcess();
    List<String> lines = new ArrayList<>();
    List<String> tooLow = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String key = file.getFileName().toString().replace(".bpmn", "");
        Set<String> seen = covered.getOrDefault(key, Set.of());
        Set<String> nodes = ids(model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId));
        Set<String> flows = ids(model.getModelElementsByType(SequenceFlow.class).stream().map(SequenceFlow::getId));
        double nodeShare = share(nodes, seen);
        double flowShare = share(flows, seen);
        lines.add(String.format("  %-20s flow nodes %5.1f%% (%d/%d)   sequence flows %5.1f%% (%d/%d)", key,
            100 * nodeShare, count(nodes, seen), nodes.size(), 100 * flowShare, count(flows, seen), flows.size()));
        if (nodeShare < REQUIRED || flowShare < REQUIRED) {
          Set<String> missing = new java.util.TreeSet<>(nodes);
          missing.addAll(flows);
          missing.removeAll(seen);
          tooLow.add(key + " misses " + missing);
        }
      }
    }
    System.out.println("Process test coverage (all test classes of this run):\n" + String.join("\n", lines));
    assertThat(tooLow).as("processes below %d%% coverage", (int) (REQUIRED * 100)).isEmpty();
  }

  private static Map<String, Set<String>> coveredElementsPerProcess() throws IOException {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    Map<String, Set<String>> covered = new HashMap<>();
    if (!Files.isDirectory(REPORTS)) {
      return covered;
    }
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(REPORTS)) {
      for (Path report : files.filter(f -> f.getFileName().toString().equals("report.json")).toList()) {
        if (Files.getLastModifiedTime(report).toMillis() < jvmStart) {
          continue;
        }
        for (JsonNode event : json.readTree(report.toFile()).findValues("events").stream()
            .flatMap(events -> toList(events).stream()).toList()) {
          covered.computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
              .add(event.path("definitionKey").asText());
        }
      }
    }
    return covered;
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> list = new ArrayList<>();
    array.forEach(list::add);
    return list;
  }

  private static Set<String> ids(Stream<String> ids) {
    return ids.collect(Collectors.toSet());
  }

  private static int count(Set<String> all, Set<String> seen) {
    return (int) all.stream().filter(seen::contains).count();
  }

  private static double share(Set<String> all, Set<String> seen) {
    return all.isEmpty() ? 1.0 : (double) count(all, seen) / all.size();
  }
}
