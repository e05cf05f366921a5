package nl.signaalketen.deadlines;

import java.util.Optional;

import nl.signaalketen.assignment.TaskRoles;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;

/** On task creation: the due date from the task's {@value #DEADLINE_PROPERTY} property. */
@Component("taskDeadline")
public class TaskDeadline implements TaskListener {

  public static final String DEADLINE_PROPERTY = "deadline";

  private final Deadlines deadlines;

  public TaskDeadline(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    deadlineOf(task.getBpmnModelElementInstance())
        .ifPresent(name -> task.setDueDate(deadlines.due(name)));
  }

  public static Optional<String> deadlineOf(BaseElement element) {
    return TaskRoles.property(element, DEADLINE_PROPERTY);
  }
}
