package nl.signaalketen.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Guards what process owners edit in Desktop Modeler: a wrong role, form reference or bean name
 * otherwise surfaces only at deployment or when a case reaches the task. Maven runs tests in the
 * project root, where processes/ and forms/ live.
 */
class ProcessModelTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");

  @Test
  void everyProcessAndFormInTheRepositoryIsConsistent() {
    List<String> problems = ProcessModelChecker.check(PROCESSES, FORMS);

    assertThat(problems)
        .withFailMessage("%d problem(s) in processes/ and forms/:%n  %s", problems.size(), String.join("\n  ", problems))
        .isEmpty();
  }

  @Test
  void thereAreProcessesFormsAndARoleTemplateToCheck() {
    // Without them the check above would pass on nothing.
    assertThat(ProcessModelChecker.filesEndingWith(PROCESSES, ".bpmn")).isNotEmpty();
    assertThat(ProcessModelChecker.filesEndingWith(FORMS, ".form")).isNotEmpty();
    assertThat(PROCESSES.resolve(".camunda/element-templates")).isDirectory();
  }
}
