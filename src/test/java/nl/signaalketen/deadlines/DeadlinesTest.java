package nl.signaalketen.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Deadlines in working days skip weekends and Dutch public holidays. */
class DeadlinesTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private final WorkingDays workingDays = new WorkingDays();
  private final Deadlines deadlines = new Deadlines(
      new ChainSettings(Map.of("duiding", "5WD", "acuut-gevaar", "PT1H", "review", "P6W"), Map.of(), null),
      workingDays, Clock.system(AMSTERDAM));

  @Test
  void christmasAndTheWeekendAreNoWorkingDays() {
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();
    assertThat(workingDays.add(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
  }

  @Test
  void kingsDayEasterMondayAndAscensionAreSkipped() {
    assertThat(workingDays.add(LocalDate.of(2027, 4, 26), 1)).isEqualTo(LocalDate.of(2027, 4, 28));
    assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 3, 29))).isFalse(); // Tweede Paasdag
    assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 5, 6))).isFalse(); // Hemelvaartsdag
  }

  @Test
  void fiveWorkingDaysFromAFridayEndTheNextFriday() {
    ZonedDateTime friday = ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, AMSTERDAM);
    assertThat(deadlines.dueFrom(friday, "duiding"))
        .isEqualTo(ZonedDateTime.of(2026, 11, 27, 10, 0, 0, 0, AMSTERDAM));
  }

  @Test
  void durationsAndCalendarPeriodsAreAddedAsWritten() {
    ZonedDateTime start = ZonedDateTime.of(2026, 11, 20, 10, 0, 0, 0, AMSTERDAM);
    assertThat(deadlines.dueFrom(start, "acuut-gevaar")).isEqualTo(start.plusHours(1));
    assertThat(deadlines.dueFrom(start, "review")).isEqualTo(start.plusWeeks(6));
  }

  @Test
  void anUnknownDeadlineIsAnErrorNamingIt() {
    assertThatThrownBy(() -> deadlines.due("bestaat-niet"))
        .hasMessageContaining("bestaat-niet").hasMessageContaining("application.yaml");
  }
}
