package nl.signaalketen.formvalidation;

import static nl.signaalketen.testsupport.ProcessTests.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.signaalketen.testsupport.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The server holds a task to the form deployed with its process (formRefBinding="deployment"):
 * two versions of one form, each instance checked against its own, not against forms/ on the
 * classpath (where this form does not exist at all).
 */
@IntegrationTest
class DeployedFormRulesTest {

  private static final String PROCESS = "formulierversie-proef";
  private static final String FORM = "formulierversie-proef";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeTheTrialDeployments() {
    deployments.forEach(id -> repository.deleteDeployment(id, true, true, true));
  }

  @Test
  void eachInstanceIsHeldToTheFormOfItsOwnDeployment() {
    deploy("toelichting");
    String older = startAndTask();
    deploy("besluit");
    String newer = startAndTask();

    assertThat(refusal(() -> tasks.complete(older, Map.of("besluit", "ja"))).fields())
        .containsExactly("toelichting");
    assertThat(refusal(() -> tasks.complete(newer, Map.of("toelichting", "Waarom."))).fields())
        .containsExactly("besluit");

    tasks.complete(older, Map.of("toelichting", "Waarom."));
    tasks.complete(newer, Map.of("besluit", "ja"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count()).isZero();
  }

  /** A one-task process and a form whose single required field is the one named. */
  private void deploy(String requiredField) {
    String process = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://example.org/proef">
          <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="start" />
            <sequenceFlow id="naar-taak" sourceRef="start" targetRef="proef-taak" />
            <userTask id="proef-taak" camunda:formRef="%s" camunda:formRefBinding="deployment">
              <extensionElements><camunda:properties>
                <camunda:property name="role" value="adviseur-radicalisering" />
              </camunda:properties></extensionElements>
            </userTask>
            <sequenceFlow id="naar-einde" sourceRef="proef-taak" targetRef="einde" />
            <endEvent id="einde" />
          </process>
        </definitions>""".formatted(PROCESS, FORM);
    String form = """
        {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
          {"type": "textfield", "key": "%s", "id": "%s", "label": "Verplicht", "validate": {"required": true}}
        ]}""".formatted(FORM, requiredField, requiredField);
    deployments.add(repository.createDeployment().name("formulierversie-proef")
        .addString(PROCESS + ".bpmn", process).addString(FORM + ".form", form)
        .deploy().getId());
  }

  private String startAndTask() {
    String instance = runtime.startProcessInstanceByKey(PROCESS, Map.of("gemeente", "gemeente-leiden")).getId();
    return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }
}
