package nl.signaalketen.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Deadlines by name, as BPMN uses them: {@code ${deadlines.due('review')}} in a timer, or a user
 * task's {@code deadline} property. A name missing from application.yaml is an error that names it.
 */
@Component("deadlines")
public class Deadlines {

  private static final Pattern WORKING_DAYS = Pattern.compile("(\\d+)\\s*WD");

  private final ChainSettings settings;
  private final WorkingDays workingDays;
  private final Clock clock;

  public Deadlines(ChainSettings settings, WorkingDays workingDays, Clock clock) {
    this.settings = settings;
    this.workingDays = workingDays;
    this.clock = clock;
  }

  public Date due(String name) {
    return Date.from(dueFrom(ZonedDateTime.now(clock), name).toInstant());
  }

  public ZonedDateTime dueFrom(ZonedDateTime start, String name) {
    String spec = settings.deadlines().get(name);
    if (spec == null) {
      throw new IllegalArgumentException("Unknown deadline '" + name
          + "': add it under signaalketen.deadlines in application.yaml");
    }
    return add(start, spec);
  }

  /** Adds "5WD" (working days), "PT1H" (a duration) or "P6W" (a calendar period). */
  public ZonedDateTime add(ZonedDateTime start, String spec) {
    String s = spec.trim().toUpperCase();
    Matcher wd = WORKING_DAYS.matcher(s);
    if (wd.matches()) {
      return workingDays.add(start.toLocalDate(), Integer.parseInt(wd.group(1)))
          .atTime(start.toLocalTime()).atZone(start.getZone());
    }
    return s.startsWith("PT") ? start.plus(Duration.parse(s)) : start.plus(Period.parse(s));
  }
}
