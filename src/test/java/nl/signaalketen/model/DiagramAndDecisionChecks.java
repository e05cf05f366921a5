package nl.signaalketen.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.core.io.ClassPathResource;

/**
 * What Desktop Modeler and the engine need beyond the process logic: a diagram shape for every
 * element (or Modeler shows nothing), decisions that exist and carry a time-to-live, and deadline
 * names that application.yaml defines.
 */
final class DiagramAndDecisionChecks {

  private DiagramAndDecisionChecks() {}

  static List<String> diagram(String label, BpmnModelInstance model) {
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(s -> s.getBpmnElement() != null).map(s -> s.getBpmnElement().getId())
        .collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(e -> e.getBpmnElement() != null).map(e -> e.getBpmnElement().getId())
        .collect(Collectors.toSet());
    List<String> problems = new ArrayList<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(node.getId())) {
        problems.add(label + ": " + ProcessModelChecker.describe(node) + " has no shape in the diagram");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        problems.add(label + ": sequence flow " + flow.getId() + " has no edge in the diagram");
      }
    }
    return problems;
  }

  /** Decision ids found in processes/*.dmn, with problems for files that break the conventions. */
  static Set<String> decisions(Path processesDir, List<String> problems) {
    Set<String> ids = new TreeSet<>();
    for (Path file : ProcessModelChecker.filesEndingWith(processesDir, ".dmn")) {
      String label = ProcessModelChecker.label(file);
      DmnModelInstance model;
      try {
        model = Dmn.readModelFromFile(file.toFile());
      } catch (ModelException e) {
        problems.add(label + ": does not parse: " + e.getMessage());
        continue;
      }
      String fileName = ProcessModelChecker.baseName(file, ".dmn");
      boolean named = false;
      for (Decision decision : model.getModelElementsByType(Decision.class)) {
        ids.add(decision.getId());
        named |= decision.getId().equals(fileName);
        if (decision.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(label + ": decision '" + decision.getName() + "' (" + decision.getId()
              + ") has no camunda:historyTimeToLive");
        }
      }
      if (!named) {
        problems.add(label + ": no decision has the file name '" + fileName + "' as id");
      }
    }
    return ids;
  }

  static List<String> decisionRefs(String label, BpmnModelInstance model, Set<String> decisionIds) {
    List<String> problems = new ArrayList<>();
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String ref = task.getCamundaDecisionRef();
      if (ref == null || ref.contains("{")) {
        continue;
      }
      if (!decisionIds.contains(ref)) {
        problems.add(label + ": " + ProcessModelChecker.describe(task) + " calls decision '" + ref
            + "', which no .dmn in processes/ defines");
      }
      if (task.getCamundaDecisionRefBinding() == null) {
        problems.add(label + ": " + ProcessModelChecker.describe(task)
            + " calls a decision without camunda:decisionRefBinding");
      }
    }
    return problems;
  }

  static List<String> deadline(String label, BaseElement task, String deadline) {
    return deadlineNames().contains(deadline) ? List.of()
        : List.of(label + ": " + ProcessModelChecker.describe(task) + " names deadline '" + deadline
            + "', which signaalketen.deadlines in application.yaml does not define");
  }

  private static Set<String> deadlineNames;

  static synchronized Set<String> deadlineNames() {
    if (deadlineNames == null) {
      try (InputStream in = new ClassPathResource("application.yaml").getInputStream()) {
        JsonNode yaml = new ObjectMapper(new YAMLFactory()).readTree(in);
        Set<String> names = new TreeSet<>();
        yaml.path("signaalketen").path("deadlines").fieldNames().forEachRemaining(names::add);
        deadlineNames = names;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return deadlineNames;
  }

}
