package nl.signaalketen.deadlines;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.signaalketen.assignment.CandidateResolver;
import nl.signaalketen.assignment.CaseVariables;
import nl.signaalketen.assignment.TaskRoles;
import nl.signaalketen.casefile.CaseKeys;
import nl.signaalketen.feedback.Notification;
import nl.signaalketen.feedback.NotificationChannel;
import nl.signaalketen.network.NetworkRepository;
import nl.signaalketen.network.Role;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A missed deadline first reminds the people the task is offered to; if it is still open
 * {@code signaalketen.escalate-after} later, the holders of the role's lead role (roles.yaml) get
 * the task too, at high priority. Both steps are remembered on the task, so each happens once.
 * The overdue tasks are read and handled a page at a time, each page in a transaction of its own,
 * so a large backlog is neither loaded at once nor held in one long transaction. A task completed
 * during a check shifts the pages; one skipped that way is handled at the next check.
 */
@Component
public class OverdueTasks {

  /** The cluster lock of the deadline watcher. */
  public static final String LOCK = "termijnbewaking";

  static final String REMINDED = "herinnerdOp";
  static final String ESCALATED = "geescaleerdOp";
  static final int ESCALATED_PRIORITY = 80;
  static final int PAGE = 500;

  private final TaskService tasks;
  private final TaskRoles taskRoles;
  private final CandidateResolver resolver;
  private final NetworkRepository registry;
  private final NotificationChannel channel;
  private final Deadlines deadlines;
  private final ChainSettings settings;
  private final Clock clock;
  private final TransactionTemplate transaction;
  private final int pageSize;

  @Autowired
  public OverdueTasks(TaskService tasks, TaskRoles taskRoles, CandidateResolver resolver,
      NetworkRepository registry, NotificationChannel channel, Deadlines deadlines,
      ChainSettings settings, Clock clock, PlatformTransactionManager transactions) {
    this(tasks, taskRoles, resolver, registry, channel, deadlines, settings, clock, transactions, PAGE);
  }

  OverdueTasks(TaskService tasks, TaskRoles taskRoles, CandidateResolver resolver,
      NetworkRepository registry, NotificationChannel channel, Deadlines deadlines,
      ChainSettings settings, Clock clock, PlatformTransactionManager transactions, int pageSize) {
    this.tasks = tasks;
    this.taskRoles = taskRoles;
    this.resolver = resolver;
    this.registry = registry;
    this.channel = channel;
    this.deadlines = deadlines;
    this.settings = settings;
    this.clock = clock;
    this.transaction = new TransactionTemplate(transactions);
    this.pageSize = pageSize;
  }

  /** Once per cluster: the node that holds the lock checks, the others skip this round. */
  @Scheduled(fixedDelayString = "${signaalketen.deadline-check-interval:PT10M}")
  @SchedulerLock(name = LOCK, lockAtMostFor = "PT9M")
  public void check() {
    ZonedDateTime now = ZonedDateTime.now(clock);
    Date dueBefore = Date.from(now.toInstant());
    for (int first = 0; ; first += pageSize) {
      // Ordered by id, so the pages neither overlap nor leave gaps while nothing else changes.
      List<Task> page = tasks.createTaskQuery().dueBefore(dueBefore).orderByTaskId().asc()
          .listPage(first, pageSize);
      transaction.executeWithoutResult(status -> page.forEach(task -> check(task, now)));
      if (page.size() < pageSize) {
        return;
      }
    }
  }

  private void check(Task task, ZonedDateTime now) {
    Map<String, Object> marks = tasks.getVariablesLocal(task.getId(), List.of(REMINDED, ESCALATED));
    if (marks.get(REMINDED) == null) {
      remind(task, now);
    } else if (marks.get(ESCALATED) == null
        && !deadlines.add(task.getDueDate().toInstant().atZone(now.getZone()),
            settings.escalateAfter()).isAfter(now)) {
      escalate(task, now);
    }
  }

  private void remind(Task task, ZonedDateTime now) {
    String caseRef = caseOf(task);
    for (String user : offeredTo(task)) {
      channel.send(new Notification("herinnering", user, caseRef, "Termijn verstreken: " + task.getName(),
          "De termijn van de taak '" + task.getName() + "' is verstreken. Wilt u de taak afronden?"));
    }
    tasks.setVariableLocal(task.getId(), REMINDED, Date.from(now.toInstant()));
  }

  private void escalate(Task task, ZonedDateTime now) {
    String gemeente = (String) tasks.getVariable(task.getId(), CaseVariables.GEMEENTE);
    String lead = taskRoles.roleOf(task).flatMap(registry::role).map(Role::lead).orElse(null);
    CandidateResolver.Offer leads = resolver.offer(lead, gemeente);
    String caseRef = caseOf(task);
    leads.groups().forEach(group -> tasks.addCandidateGroup(task.getId(), group));
    for (String user : leads.candidates()) {
      tasks.addCandidateUser(task.getId(), user);
      channel.send(new Notification("escalatie", user, caseRef, "Geëscaleerd: " + task.getName(),
          "De taak '" + task.getName() + "' is na herinnering niet afgerond en aan u voorgelegd."));
    }
    tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
    tasks.setVariableLocal(task.getId(), ESCALATED, Date.from(now.toInstant()));
  }

  private Set<String> offeredTo(Task task) {
    Set<String> users = new java.util.TreeSet<>();
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
    }
    tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .forEach(l -> users.add(l.getUserId()));
    return users;
  }

  private String caseOf(Task task) {
    Object caseRef = tasks.getVariable(task.getId(), CaseKeys.CASE_ID);
    return caseRef == null ? null : caseRef.toString();
  }
}
