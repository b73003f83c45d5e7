#include "time/calendar.h"

namespace ktime {

namespace {
bool is_leap(unsigned year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(unsigned year, unsigned month)
{
    constexpr unsigned kDays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}
} // namespace

klib::Optional<uint64_t> seconds_since_epoch(unsigned year, unsigned month, unsigned day, unsigned hour,
                                             unsigned minute, unsigned second)
{
    if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)
        || hour > 23 || minute > 59 || second > 60)
        return {};
    uint64_t days = 0;
    for (unsigned y = 1970; y < year; ++y)
        days += is_leap(y) ? 366 : 365;
    for (unsigned m = 1; m < month; ++m)
        days += days_in_month(year, m);
    days += day - 1;
    return ((days * 24 + hour) * 60 + minute) * 60 + second;
}

} // namespace ktime
