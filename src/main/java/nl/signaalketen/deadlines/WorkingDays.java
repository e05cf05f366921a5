package nl.signaalketen.deadlines;

import java.time.DayOfWeek;
import java.time.LocalDate;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import org.springframework.stereotype.Component;

/** Working days skip weekends and Dutch public holidays (Jollyday's calendar for the Netherlands). */
@Component
public class WorkingDays {

  private final HolidayManager holidays =
      HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NETHERLANDS));

  public boolean isWorkingDay(LocalDate day) {
    return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
        && !holidays.isHoliday(day, HolidayType.PUBLIC_HOLIDAY);
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
