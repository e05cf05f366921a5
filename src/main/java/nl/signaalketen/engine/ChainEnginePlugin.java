package nl.signaalketen.engine;

import java.util.ArrayList;
import java.util.List;

import nl.signaalketen.assignment.AssigneeIsCandidate;
import nl.signaalketen.assignment.RoleAssignmentListener;
import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.casefile.RunningCaseIndex;
import nl.signaalketen.deadlines.TaskDeadline;
import nl.signaalketen.formvalidation.FormValidation;
import nl.signaalketen.formvalidation.RefusalUnwrapping;
import nl.signaalketen.security.AuthorizedGroups;
import nl.signaalketen.security.CaseAuthorizationProvider;
import nl.signaalketen.security.RevokeChecks;
import org.camunda.bpm.engine.ProcessEngine;
import nl.signaalketen.security.VariableFilterRefusal;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * What every user task and start form of the chain gets at deployment, so a process owner only
 * picks a role, a deadline and a form in Modeler and can never forget a listener: the role
 * assignment and due date on create, the server-side form check on complete and on start; and
 * the end of every case, which leaves the running-case index. The listener beans are looked up
 * at their first call, not at construction: they need the engine this plugin helps build. Also
 * the engine's default authorizations, extended to case participants.
 */
@Component
public class ChainEnginePlugin extends AbstractProcessEnginePlugin {

  private final SingletonSupplier<RoleAssignmentListener> assignment;
  private final SingletonSupplier<TaskDeadline> deadline;
  private final SingletonSupplier<FormValidation> forms;
  private final SingletonSupplier<RunningCaseIndex> runningCases;

  public ChainEnginePlugin(ObjectProvider<RoleAssignmentListener> assignment,
      ObjectProvider<TaskDeadline> deadline, ObjectProvider<FormValidation> forms,
      ObjectProvider<RunningCaseIndex> runningCases) {
    // A bean lookup per task cost 2% of a signal's request time.
    this.assignment = SingletonSupplier.of(assignment::getObject);
    this.deadline = SingletonSupplier.of(deadline::getObject);
    this.forms = SingletonSupplier.of(forms::getObject);
    this.runningCases = SingletonSupplier.of(runningCases::getObject);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    RevokeChecks.decide((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), engine);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new CaseAuthorizationProvider());
    List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomSessionFactories());
    sessions.add(AuthorizedGroups.factory());
    configuration.setCustomSessionFactories(sessions);
    // Professionals work their tasks (claim, complete); changing who else may see or do a task
    // (identity links, assignee, delegation, variables outside the form) is not theirs to do.
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    List<CommandInterceptor> outermost = configuration.getCustomPreCommandInterceptorsTxRequired();
    if (outermost == null) {
      outermost = new ArrayList<>();
      configuration.setCustomPreCommandInterceptorsTxRequired(outermost);
    }
    outermost.add(new RefusalUnwrapping());
    outermost.add(new VariableFilterRefusal(configuration));
    List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
    if (parseListeners == null) {
      parseListeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
    TaskListener assign = task -> assignment.obtain().notify(task);
    TaskListener due = task -> deadline.obtain().notify(task);
    TaskListener validate = task -> forms.obtain().notify(task);
    ExecutionListener validateStart = execution -> forms.obtain().startFormListener().notify(execution);
    TaskListener assigneeIsCandidate = new AssigneeIsCandidate();
    ExecutionListener caseEnded = execution -> runningCases.obtain().notify(execution);
    parseListeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity process) {
        if (CaseKeys.CHAIN_PROCESS.equals(process.getKey())) {
          // On the process, not a step: however the case ends. Built in: a cancellation or
          // deletion with skipCustomListeners must not leave its row behind.
          process.addBuiltInListener(ExecutionListener.EVENTNAME_END, caseEnded);
        }
      }

      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, assign);
        task.addTaskListener(TaskListener.EVENTNAME_CREATE, due);
        // Built in, so the form rules run before any listener of the model acts on the input.
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, validate);
        task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assigneeIsCandidate);
      }

      @Override
      public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null) {
          // Built in: a start with skipCustomListeners must not skip the form's rules.
          activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, validateStart);
        }
      }
    });
  }
}
