package nl.signaalketen.bench.twin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.Period;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.signaalketen.bench.NationalNetwork;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.client.servlet.OAuth2ClientWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The bare twin: a plain Camunda 7.24 Spring Boot application deploying the same signaalketen,
 * melding and weging processes (with the decisions and forms they use), without authorization and
 * without the product's code. Its beans set the variables the product's beans set; user tasks are
 * offered to the same candidate users, taken straight from {@link NationalNetwork}.
 *
 * <p>Deliberately not annotated with {@code @Configuration} or {@code @SpringBootApplication}:
 * the product scans {@code nl.signaalketen} (test classes included), and must not pick this up.
 * It is started only as an explicit source of a SpringApplicationBuilder, with its own config
 * file (bench/twin.yaml) instead of the product's application.yaml.
 */
@EnableAutoConfiguration(exclude = {SecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
    UserDetailsServiceAutoConfiguration.class, OAuth2ClientAutoConfiguration.class,
    OAuth2ClientWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
    FlywayAutoConfiguration.class})
public class TwinApplication {


  @Bean
  NationalNetwork twinNetwork(@Value("${bench.gemeenten:342}") int gemeenten, @Value("${bench.regions:25}") int regions) {
    return new NationalNetwork(gemeenten, regions);
  }

  /** casusId and business key, casusStatus, minderjarig and a person key, as CaseRegistration sets them. */
  @Bean
  JavaDelegate casusRegistreren() {
    return execution -> {
      LocalDate today = LocalDate.now();
      String casusId = "SK-" + today.getYear() + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
      execution.setVariable("casusId", casusId);
      execution.setVariable("casusStatus", "signaal");
      execution.setProcessBusinessKey(casusId);
      Object birthValue = execution.getVariable("geboortedatum");
      LocalDate birth = birthValue == null || birthValue.toString().isBlank() ? null
          : LocalDate.parse(birthValue.toString().substring(0, 10));
      if (birth != null) {
        execution.setVariable("minderjarig", Period.between(birth, today).getYears() < 18);
      } else if (execution.getVariable("minderjarig") == null) {
        execution.setVariable("minderjarig", false);
      }
      Object bsn = execution.getVariable("bsn");
      Object name = execution.getVariable("betrokkeneNaam");
      String basis = bsn != null && !bsn.toString().isBlank() ? "bsn:" + bsn
          : name != null && birth != null ? "naam:" + name + "|" + birth : null;
      execution.setVariable("persoonSleutel", basis == null ? null : sha256(basis));
    };
  }

  /** The product writes an outbox row; the twin only reads what it would. */
  @Bean
  JavaDelegate terugkoppelingMelder() {
    return execution -> {
      execution.getVariableLocal("moment");
      execution.getVariable("melderContact");
    };
  }

  /** No registry: no running case is looked up. */
  @Bean
  JavaDelegate bekendeCasusZoeken() {
    return execution -> execution.setVariable("lopendeCasus", null);
  }

  @Bean
  JavaDelegate signaalAanLopendeCasus() {
    return execution -> {};
  }

  @Bean
  TaskListener deelregister() {
    return task -> {};
  }

  @Bean
  TaskListener wegingCompleet() {
    return task -> {};
  }

  @Bean
  WeighingContributions wegingBijdragen() {
    return new WeighingContributions();
  }

  @Bean
  Limits limits() {
    return new Limits();
  }

  /** What the weging model calls on {@code wegingBijdragen}: a listener and the overview for the joint task. */
  public static class WeighingContributions implements TaskListener {
    @Override
    public void notify(DelegateTask task) {}

    public String overzicht(DelegateExecution execution) {
      return "";
    }
  }

  /** signaalketen.limits of the product's application.yaml. */
  public static class Limits {
    private static final Map<String, Integer> ROUNDS = Map.of("informatie", 2, "weging", 2, "casusoverleg", 3, "budget", 2);

    public int rounds(String name) {
      return ROUNDS.getOrDefault(name, 1);
    }
  }

  /** Every user task is offered on create to the holders of its {@code role} property for the case's gemeente. */
  @Bean
  ProcessEnginePlugin twinCandidates(NationalNetwork network) {
    TaskListener offer = task -> {
      String role = property(task.getBpmnModelElementInstance(), "role").orElse(null);
      if (role != null && role.startsWith("${") && role.endsWith("}")) {
        Object value = task.getVariable(role.substring(2, role.length() - 1));
        role = value == null ? null : value.toString();
      }
      Object gemeente = task.getVariable("gemeente");
      task.addCandidateUsers(network.candidates(role, gemeente == null ? null : gemeente.toString()));
    };
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
          listeners = new java.util.ArrayList<>();
          configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addTaskListener(TaskListener.EVENTNAME_CREATE, offer);
          }
        });
      }
    };
  }

  /** The two Tasklist filters the product creates (TasklistFilters), and users to log in as. */
  @Bean
  ApplicationRunner twinSetup(ProcessEngine engine, NationalNetwork network) {
    return args -> {
      FilterService filters = engine.getFilterService();
      ensureFilter(filters, "Mijn taken", -10,
          engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}"));
      ensureFilter(filters, "Taken voor mijn rollen", 0,
          engine.getTaskService().createTaskQuery().taskCandidateUserExpression("${currentUser()}"));
      IdentityService identity = engine.getIdentityService();
      for (String id : List.of(network.typicalUser(), network.heavyUser())) {
        if (identity.createUserQuery().userId(id).count() == 0) {
          User user = identity.newUser(id);
          user.setFirstName(id);
          user.setLastName("Twin");
          user.setEmail(id + "@example.org");
          user.setPassword(NationalNetwork.PASSWORD);
          identity.saveUser(user);
        }
      }
    };
  }

  private static void ensureFilter(FilterService filters, String name, int priority,
      org.camunda.bpm.engine.task.TaskQuery query) {
    if (filters.createTaskFilterQuery().filterName(name).count() == 0) {
      Filter filter = filters.newTaskFilter(name)
          .setProperties(Map.of("description", name, "priority", priority, "refresh", true))
          .setQuery(query);
      filters.saveFilter(filter);
    }
  }

  static Optional<String> property(BaseElement element, String name) {
    if (element == null) {
      return Optional.empty();
    }
    ExtensionElements ext = element.getExtensionElements();
    if (ext == null) {
      return Optional.empty();
    }
    return ext.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue).findFirst();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
