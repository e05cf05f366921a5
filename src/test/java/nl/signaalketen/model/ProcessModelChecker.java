package nl.signaalketen.model;

import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toUnmodifiableSet;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.signaalketen.assignment.TaskRoles;
import nl.signaalketen.deadlines.TaskDeadline;
import nl.signaalketen.security.CamundaAuthorizations;
import nl.signaalketen.network.Role;
import nl.signaalketen.network.RoleCatalog;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/**
 * What process owners change in Desktop Modeler (processes/, forms/, the element template) and
 * what only the engine would notice later, at deployment or when a case reaches the task. Plain
 * Java without a Spring context, so it is quick and each problem names the file and the element.
 */
public final class ProcessModelChecker {

  /** A role read from a variable names it as one word: {@code ${partnerRol}}. */
  private static final Pattern VARIABLE_NAME = Pattern.compile("\\w+");
  /** Only {@code ${beanName}} is checked; other expressions are evaluated at run time. */
  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{\\s*([A-Za-z_$][\\w$]*)\\s*}");
  private static Set<String> beanNames;

  private final Set<String> roleCodes = roleCodes();
  private final Set<String> beans = springBeanNames();
  private final Set<String> referencedForms = new HashSet<>();
  private Set<String> decisionIds = Set.of();
  private final List<String> problems = new ArrayList<>();
  private final String formsLabel;

  private ProcessModelChecker(Path formsDir) {
    formsLabel = label(formsDir);
  }

  /** Every problem in the BPMN files under processesDir, the forms in formsDir and the element templates. */
  public static List<String> check(Path processesDir, Path formsDir) {
    ProcessModelChecker checker = new ProcessModelChecker(formsDir);
    FormCatalog forms = FormCatalog.read(formsDir);
    checker.problems.addAll(forms.problems);
    if (!Files.isDirectory(processesDir)) {
      checker.problems.add(label(processesDir) + ": directory not found");
    }
    checker.decisionIds = DiagramAndDecisionChecks.decisions(processesDir, checker.problems);
    for (Path file : filesEndingWith(processesDir, ".bpmn")) {
      checker.checkProcessFile(file, forms.fileById.keySet());
    }
    forms.fileById.forEach((id, file) -> {
      if (!checker.referencedForms.contains(id)) {
        checker.problems.add(file + ": form '" + id + "' is referenced by no camunda:formRef");
      }
    });
    checker.problems.addAll(RoleTemplateCheck.check(processesDir.resolve(".camunda/element-templates"),
        checker.roleCodes));
    return checker.problems;
  }

  private void checkProcessFile(Path file, Set<String> formIds) {
    String label = label(file);
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromFile(file.toFile());
    } catch (ModelException e) {
      problems.add(label + ": does not parse: " + messages(e));
      return;
    }
    // Rights are granted per process of the chain, found by this namespace (the category).
    if (!CamundaAuthorizations.CHAIN_NAMESPACE.equals(model.getDefinitions().getTargetNamespace())) {
      problems.add(label + ": targetNamespace is not " + CamundaAuthorizations.CHAIN_NAMESPACE
          + ", so no professional would get rights on its processes");
    }
    // The engine deploys executable processes only; other pools merely document partners.
    List<Process> executable = model.getModelElementsByType(Process.class).stream()
        .filter(Process::isExecutable).toList();
    String fileName = baseName(file, ".bpmn");
    if (executable.size() != 1) {
      problems.add(label + ": contains " + executable.size() + " executable processes, expected one with id '" + fileName + "'");
    }
    for (Process process : executable) {
      if (!process.getId().equals(fileName)) {
        problems.add(label + ": " + describe(process) + " has an id that differs from the file name '" + fileName + "'");
      }
      if (blank(process.getCamundaHistoryTimeToLiveString())) {
        problems.add(label + ": " + describe(process) + " has no camunda:historyTimeToLive");
      }
      if (blank(process.getCamundaVersionTag())) {
        problems.add(label + ": " + describe(process) + " has no camunda:versionTag");
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      TaskRoles.roleOf(task).ifPresentOrElse(role -> {
        // "${partnerRol}": the role comes from a variable, e.g. one instance per partner; read as
        // TaskRoles reads it at run time.
        boolean variable = TaskRoles.variableName(role).filter(n -> VARIABLE_NAME.matcher(n).matches()).isPresent();
        if (!roleCodes.contains(role) && !variable) {
          problems.add(label + ": " + describe(task) + " declares role '" + role + "', which the registry does not know");
        }
      }, () -> problems.add(label + ": " + describe(task) + " declares no role"));
      checkFormRef(label, task, task.getCamundaFormRef(), task.getCamundaFormRefBinding(), formIds);
      TaskDeadline.deadlineOf(task).ifPresent(d ->
          problems.addAll(DiagramAndDecisionChecks.deadline(label, task, d)));
    }
    problems.addAll(DiagramAndDecisionChecks.diagram(label, model));
    problems.addAll(DiagramAndDecisionChecks.decisionRefs(label, model, decisionIds));
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkFormRef(label, start, start.getCamundaFormRef(), start.getCamundaFormRefBinding(), formIds);
    }
    checkDelegates(label, model, ServiceTask.class, ServiceTask::getCamundaDelegateExpression, "delegateExpression");
    checkDelegates(label, model, SendTask.class, SendTask::getCamundaDelegateExpression, "delegateExpression");
    checkDelegates(label, model, BusinessRuleTask.class, BusinessRuleTask::getCamundaDelegateExpression, "delegateExpression");
    checkDelegates(label, model, MessageEventDefinition.class, MessageEventDefinition::getCamundaDelegateExpression,
        "a message event definition with delegateExpression");
    checkDelegates(label, model, CamundaExecutionListener.class, CamundaExecutionListener::getCamundaDelegateExpression,
        "an execution listener with delegateExpression");
    checkDelegates(label, model, CamundaTaskListener.class, CamundaTaskListener::getCamundaDelegateExpression,
        "a task listener with delegateExpression");
  }

  private void checkFormRef(String label, ModelElementInstance element, String formRef, String binding, Set<String> formIds) {
    if (blank(formRef)) {
      return;
    }
    referencedForms.add(formRef);
    // A formRef may be an expression resolved per case; only literal ids can be checked here.
    if (!formRef.contains("{") && !formIds.contains(formRef)) {
      problems.add(label + ": " + describe(element) + " refers to form '" + formRef + "', which no form in " + formsLabel + "/ has as id");
    }
    if (blank(binding)) {
      problems.add(label + ": " + describe(element) + " refers to form '" + formRef + "' without camunda:formRefBinding");
    }
  }

  private <T extends ModelElementInstance> void checkDelegates(String label, BpmnModelInstance model, Class<T> type,
      Function<T, String> delegateExpression, String what) {
    for (T element : model.getModelElementsByType(type)) {
      String expression = delegateExpression.apply(element);
      Matcher bean = BEAN_REFERENCE.matcher(expression == null ? "" : expression.trim());
      if (bean.matches() && !beans.contains(bean.group(1))) {
        problems.add(label + ": " + describe(element) + " has " + what + " '" + expression
            + "', but no Spring bean is named '" + bean.group(1) + "'");
      }
    }
  }

  public static Set<String> roleCodes() {
    return RoleCatalog.roles().stream().map(Role::code).collect(toCollection(TreeSet::new));
  }

  /** The names Spring gives the component classes under nl.signaalketen (not {@code @Bean} methods). */
  public static synchronized Set<String> springBeanNames() {
    if (beanNames == null) {
      SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
      beanNames = new ClassPathScanningCandidateComponentProvider(true).findCandidateComponents("nl.signaalketen")
          .stream()
          .map(definition -> AnnotationBeanNameGenerator.INSTANCE.generateBeanName(definition, registry))
          .collect(toUnmodifiableSet());
    }
    return beanNames;
  }

  /** E.g. "user task 'Melding duiden' (melding-duiden)"; a listener or event definition is named by its owner. */
  static String describe(ModelElementInstance element) {
    ModelElementInstance owner = element;
    while (owner != null && !(owner instanceof FlowElement || owner instanceof Process)) {
      owner = owner.getParentElement();
    }
    owner = owner == null ? element : owner;
    String kind = owner.getElementType().getTypeName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    String name = owner.getAttributeValue("name");
    return kind + (blank(name) ? "" : " '" + name.strip().replaceAll("\\s+", " ") + "'") + " (" + owner.getAttributeValue("id") + ")";
  }

  /** Sorted, recursively (the engine deploys processes/**), skipping the Modeler's .camunda folder. */
  static List<Path> filesEndingWith(Path dir, String extension) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith(extension))
          .filter(file -> !dir.relativize(file).toString().contains(".camunda"))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String label(Path path) {
    return path.normalize().toString().replace(File.separatorChar, '/');
  }

  static String baseName(Path file, String extension) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - extension.length());
  }

  private static String messages(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append(": ").append(cause.getMessage());
    }
    return text.toString();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
