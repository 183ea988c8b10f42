package org.collectionorchestrator.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.collectionorchestrator.creditor.Country;
import org.springframework.stereotype.Component;

/**
 * Banking days per country: weekends and public holidays (jollyday's calendars) are not banking days.
 * A payment deadline that falls on a non-banking day moves to the next banking day.
 */
@Component
public class BankCalendar {

    private final Map<Country, HolidayManager> holidays = new EnumMap<>(Country.class);

    public BankCalendar() {
        holidays.put(Country.NO, HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.NORWAY)));
        holidays.put(Country.DK, HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK)));
        holidays.put(Country.SE, HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN)));
        holidays.put(Country.FI, HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FINLAND)));
    }

    public boolean isBankingDay(Country country, LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.get(country).isHoliday(date);
    }

    /** The date itself when it is a banking day, else the next banking day. */
    public LocalDate onOrNextBankingDay(Country country, LocalDate date) {
        LocalDate day = date;
        while (!isBankingDay(country, day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The first day on which an invoice due on {@code dueDate} is late: the day after its effective due date. */
    public LocalDate firstDayOverdue(Country country, LocalDate dueDate) {
        return onOrNextBankingDay(country, dueDate).plusDays(1);
    }
}
