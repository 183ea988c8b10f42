package org.collectionorchestrator.calendar;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.Map;
import org.collectionorchestrator.creditor.Country;
import org.springframework.stereotype.Component;

/**
 * Banking days per country: weekends, public holidays (jollyday's calendars) and the days banks close although
 * they are no public holiday (24 and 31 December everywhere, Midsummer Eve in Sweden and Finland) are not banking
 * days. A payment deadline that falls on a non-banking day moves to the next banking day.
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
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !holidays.get(country).isHoliday(date) && !isBankClosingDay(country, date);
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

    /**
     * The banking day {@code days} banking days after {@code date} (before it when negative); {@code date} itself
     * when {@code days} is 0, whether or not it is a banking day.
     */
    public LocalDate plusBankingDays(Country country, LocalDate date, int days) {
        int step = days < 0 ? -1 : 1;
        LocalDate day = date;
        for (int left = Math.abs(days); left > 0; left--) {
            do {
                day = day.plusDays(step);
            } while (!isBankingDay(country, day));
        }
        return day;
    }

    // Jollyday lists public holidays only; these are the extra days on which the banks are closed.
    private static boolean isBankClosingDay(Country country, LocalDate date) {
        if (date.getMonth() == Month.DECEMBER && (date.getDayOfMonth() == 24 || date.getDayOfMonth() == 31)) {
            return true;
        }
        return (country == Country.SE || country == Country.FI) && isMidsummerEve(date);
    }

    /** Midsummer Eve in Sweden and Finland: the Friday between 19 and 25 June. */
    private static boolean isMidsummerEve(LocalDate date) {
        return date.getMonth() == Month.JUNE && date.getDayOfWeek() == DayOfWeek.FRIDAY
                && date.getDayOfMonth() >= 19 && date.getDayOfMonth() <= 25;
    }
}
