package nl.signaalketen.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each fixture under src/test/resources/model-fixtures/&lt;case&gt; is correct but for one mistake; the
 * checker must report exactly that mistake, naming the file and the element.
 */
class ProcessModelCheckerTest {

  private static final String FIXTURES = "src/test/resources/model-fixtures/";

  private static List<String> problemsIn(String fixture) {
    // The fixtures carry no diagram layout on purpose; missing shapes have a test of their own.
    return ProcessModelChecker.check(Path.of(FIXTURES + fixture + "/processes"), Path.of(FIXTURES + fixture + "/forms"))
        .stream().filter(p -> !p.contains("in the diagram")).toList();
  }

  private static String file(String fixture, String path) {
    return FIXTURES + fixture + "/" + path;
  }

  @Test
  void namesFileAndTaskWhenAUserTaskHasNoRole() {
    assertThat(problemsIn("user-task-without-role")).containsExactly(
        file("user-task-without-role", "processes/user-task-without-role.bpmn")
            + ": user task 'Melding duiden' (melding-duiden) declares no role");
  }

  @Test
  void namesFileAndTaskWhenAUserTaskDeclaresARoleTheRegistryDoesNotKnow() {
    assertThat(problemsIn("unknown-role")).containsExactly(
        file("unknown-role", "processes/unknown-role.bpmn")
            + ": user task 'Casus wegen' (casus-wegen) declares role 'waarzegger', which the registry does not know");
  }

  @Test
  void acceptsARoleReadFromAVariableButNotAnExpressionThatIsNoVariableName() {
    assertThat(problemsIn("variable-role")).containsExactly(
        file("variable-role", "processes/variable-role.bpmn")
            + ": user task 'Actie accepteren' (actie-accepteren) declares role '${actie.rol}', which the registry does not know");
  }

  @Test
  void namesFileAndTaskWhenAFormRefPointsToNoForm() {
    assertThat(problemsIn("form-missing")).containsExactly(
        file("form-missing", "processes/form-missing.bpmn")
            + ": user task 'Melding duiden' (melding-duiden) refers to form 'bestaat-niet', which no form in "
            + file("form-missing", "forms/ has as id"));
  }

  @Test
  void namesFileAndStartEventWhenAFormRefHasNoBinding() {
    assertThat(problemsIn("form-ref-without-binding")).containsExactly(
        file("form-ref-without-binding", "processes/form-ref-without-binding.bpmn")
            + ": start event 'Signaal gemeld' (signaal-gemeld) refers to form 'melding-registreren'"
            + " without camunda:formRefBinding");
  }

  @Test
  void namesFileAndElementForEveryDelegateExpressionThatNamesNoBean() {
    String bpmn = file("unknown-bean", "processes/unknown-bean.bpmn");
    // The task listener ${roleAssignmentListener} names a real bean and is not reported.
    assertThat(problemsIn("unknown-bean")).containsExactlyInAnyOrder(
        bpmn + ": service task 'Melder informeren' (melder-informeren) has delegateExpression"
            + " '${melderInformeren}', but no Spring bean is named 'melderInformeren'",
        bpmn + ": end event 'Overgedragen' (overgedragen) has a message event definition with delegateExpression"
            + " '${overdrachtVersturen}', but no Spring bean is named 'overdrachtVersturen'",
        bpmn + ": process (unknown-bean) has an execution listener with delegateExpression"
            + " '${geenLuisteraar}', but no Spring bean is named 'geenLuisteraar'");
  }

  @Test
  void findsTheBeansSpringWouldCreateFromTheComponentClasses() {
    assertThat(ProcessModelChecker.springBeanNames())
        .contains("roleAssignmentListener", "taskRoles", "candidateResolver");
  }

  @Test
  void namesFileAndProcessWhenTheProcessHasNoHistoryTimeToLive() {
    assertThat(problemsIn("no-history-time-to-live")).containsExactly(
        file("no-history-time-to-live", "processes/no-history-time-to-live.bpmn")
            + ": process 'Zonder bewaartermijn' (no-history-time-to-live) has no camunda:historyTimeToLive");
  }

  @Test
  void namesFileAndProcessWhenTheProcessHasNoVersionTag() {
    assertThat(problemsIn("no-version-tag")).containsExactly(
        file("no-version-tag", "processes/no-version-tag.bpmn")
            + ": process 'Zonder versie' (no-version-tag) has no camunda:versionTag");
  }

  @Test
  void namesFileAndProcessWhenTheFileNameDiffersFromTheProcessId() {
    assertThat(problemsIn("file-name-differs")).containsExactly(
        file("file-name-differs", "processes/file-name-differs.bpmn")
            + ": process 'Signaalketen (oud)' (signaalketen-oud) has an id that differs from the file name"
            + " 'file-name-differs'");
  }

  @Test
  void namesFileAndFormWhenNoFormRefUsesTheForm() {
    assertThat(problemsIn("unused-form")).containsExactly(
        file("unused-form", "forms/ongebruikt.form") + ": form 'ongebruikt' is referenced by no camunda:formRef");
  }

  @Test
  void namesTheFormFileWhenTheFormIdDiffersFromTheFileName() {
    assertThat(problemsIn("form-id-differs")).containsExactly(
        file("form-id-differs", "forms/melding.form") + ": form id 'melding-v2' differs from the file name 'melding'");
  }

  @Test
  void namesFormFileAndFieldWhenAFieldAClientMayWriteIsUnbounded() {
    String form = file("unbounded-field", "forms/melding-registreren.form");
    assertThat(problemsIn("unbounded-field")).containsExactlyInAnyOrder(
        form + ": field 'bsn' (textfield) declares no maxLength: every text a client may write needs a bound",
        form + ": field 'aantal' (number) declares no min and max: every number a client may write needs a range",
        form + ": field 'partners' (checklist) is a field type the server cannot check; use one of"
            + " [checkbox, datetime, number, radio, select, textarea, textfield]");
  }

  @Test
  void namesFileAndParserMessageWhenABpmnFileDoesNotParse() {
    assertThat(problemsIn("unparseable")).singleElement().asString()
        .startsWith(file("unparseable", "processes/unparseable.bpmn") + ": does not parse: ")
        .contains("bpmn:startEvent");
  }

  @Test
  void namesMissingAndUnknownRolesWhenTheTemplateChoicesDifferFromTheCatalog() {
    Set<String> offered = new TreeSet<>(ProcessModelChecker.roleCodes());
    offered.remove("huisarts");
    offered.add("waarzegger");

    List<String> problems = RoleTemplateCheck.roleTemplateProblems(
        "netwerkrol-taak.json", roleTemplate(offered), ProcessModelChecker.roleCodes());

    String template = "netwerkrol-taak.json: template 'Taak voor een netwerkrol' (nl.signaalketen.netwerkrol-taak)";
    assertThat(problems).containsExactly(
        template + " does not offer role(s) [huisarts] of the registry",
        template + " offers role(s) [waarzegger], which the registry does not know");
  }

  @Test
  void acceptsATemplateThatOffersExactlyTheRolesOfTheCatalog() {
    Set<String> codes = ProcessModelChecker.roleCodes();
    assertThat(RoleTemplateCheck.roleTemplateProblems("netwerkrol-taak.json", roleTemplate(codes), codes)).isEmpty();
  }

  @Test
  void namesTheTemplateFolderWhenNoTemplateThereOffersTheRole(@TempDir Path project) throws IOException {
    Path templates = Files.createDirectories(project.resolve("processes/.camunda/element-templates"));
    Files.writeString(templates.resolve("iets-anders.json"), "[{\"name\": \"Iets anders\", \"properties\": []}]");

    assertThat(ProcessModelChecker.check(project.resolve("processes"), project.resolve("forms"))).containsExactly(
        ProcessModelChecker.label(templates) + ": no element template binds camunda:property 'role'");
  }

  /** The shape Desktop Modeler reads: an array of templates, the role as a Dropdown bound to camunda:property. */
  private static JsonNode roleTemplate(Set<String> codes) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode property = json.createObjectNode().put("label", "Netwerkrol").put("type", "Dropdown");
    ArrayNode choices = property.putArray("choices");
    codes.forEach(code -> choices.addObject().put("name", code).put("value", code));
    property.putObject("binding").put("type", "camunda:property").put("name", "role");
    ObjectNode template = json.createObjectNode()
        .put("name", "Taak voor een netwerkrol").put("id", "nl.signaalketen.netwerkrol-taak");
    template.putArray("properties").add(property);
    return json.createArrayNode().add(template);
  }

  @Test
  void namesFileAndElementWhenTheDiagramLacksAShapeOrEdge() {
    assertThat(ProcessModelChecker.check(Path.of(FIXTURES + "no-version-tag/processes"),
        Path.of(FIXTURES + "no-version-tag/forms")))
        .contains(FIXTURES + "no-version-tag/processes/no-version-tag.bpmn: start event (start) has no shape in the diagram");
  }
}
