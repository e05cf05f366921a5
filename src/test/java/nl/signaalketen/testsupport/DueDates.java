package nl.signaalketen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import nl.signaalketen.deadlines.Deadlines;

/**
 * Due dates of tasks and timers, checked without a tolerance: the due date must be what the
 * deadline gives from some moment of the step that created the task or timer, i.e. lie between the
 * deadline from the clock read just before the step and the deadline from the clock read just
 * after it. In every {@link IntegrationTest} context (imported there).
 */
public class DueDates {

  /** A step of a test, its result (null for a step without one) and the clock around it. */
  public record Step<T>(T result, ZonedDateTime before, ZonedDateTime after) {}

  private final Deadlines deadlines;
  private final Clock clock;

  public DueDates(Deadlines deadlines, Clock clock) {
    this.deadlines = deadlines;
    this.clock = clock;
  }

  public <T> Step<T> step(Supplier<T> step) {
    ZonedDateTime before = ZonedDateTime.now(clock);
    T result = step.get();
    return new Step<>(result, before, ZonedDateTime.now(clock));
  }

  public Step<Void> step(Runnable step) {
    return step(() -> {
      step.run();
      return null;
    });
  }

  /** {@code due} is the named deadline (signaalketen.deadlines) from a moment of the step. */
  public void assertDue(Date due, String deadline, Step<?> step) {
    assertDue(due, "deadline " + deadline, start -> deadlines.dueFrom(start, deadline), step);
  }

  /** {@code due} is {@code rule} applied to a moment of the step. */
  public static void assertDue(Date due, String description, UnaryOperator<ZonedDateTime> rule, Step<?> step) {
    ZonedDateTime earliest = rule.apply(step.before());
    ZonedDateTime latest = rule.apply(step.after());
    // A deadline rises with the time of day, but working days can fall back over midnight (Friday
    // 23:59 + 5WD is later than Saturday 00:01 + 5WD), so a step across midnight is bounded per day.
    for (LocalDate day = step.before().toLocalDate().plusDays(1); !day.isAfter(step.after().toLocalDate());
        day = day.plusDays(1)) {
      ZonedDateTime startOfDay = day.atStartOfDay(step.before().getZone());
      ZonedDateTime endOfDayBefore = day.minusDays(1).atTime(LocalTime.MAX).atZone(step.before().getZone());
      earliest = earlier(earliest, rule.apply(startOfDay));
      latest = later(latest, rule.apply(endOfDayBefore));
    }
    assertThat(due).as(description).isNotNull();
    // The engine keeps a due date in milliseconds (java.util.Date), cut off, not rounded.
    Instant from = earliest.toInstant().truncatedTo(ChronoUnit.MILLIS);
    assertThat(due.toInstant()).as("%s from a moment between %s and %s", description, step.before(), step.after())
        .isBetween(from, latest.toInstant());
  }

  private static ZonedDateTime earlier(ZonedDateTime a, ZonedDateTime b) {
    return b.isBefore(a) ? b : a;
  }

  private static ZonedDateTime later(ZonedDateTime a, ZonedDateTime b) {
    return b.isAfter(a) ? b : a;
  }
}
