package nl.signaalketen.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/** Working days skip weekends and Dutch public holidays (Jollyday's calendar for the Netherlands). */
@Component
public class WorkingDays {

  /**
   * Jollyday reads its calendar with JAXB, about 0.2 s of a cold start: built on a second thread
   * while the rest of the application starts, and awaited at the first question. A thread of its
   * own, not the common pool: it inherits this thread's class loader, which sees the jar's JAXB.
   */
  private final CompletableFuture<HolidayManager> holidays = CompletableFuture.supplyAsync(
      () -> HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NETHERLANDS)), task -> {
        Thread thread = new Thread(task, "holiday-calendar");
        thread.setDaemon(true);
        thread.start();
      });

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.join().isHoliday(day, HolidayType.PUBLIC_HOLIDAY);
  }

  /** The day that lies {@code days} working days after {@code from}. */
  public LocalDate add(LocalDate from, int days) {
    LocalDate day = from;
    for (int counted = 0; counted < days; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        counted++;
      }
    }
    return day;
  }
}
