// Calendar arithmetic (proleptic Gregorian, UTC) and strftime's engine,
// without libc's struct tm, for the host tests.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace banos::libc::calendar {

// struct tm's fields, under their meanings (year: since 1900, month 0-11,
// day 1-31, weekday 0-6 from Sunday, yearday 0-365).
struct Fields {
    int second = 0;
    int minute = 0;
    int hour = 0;
    int day = 1;
    int month = 0;
    int year = 70;
    int weekday = 4;
    int yearday = 0;
    int is_dst = 0;
    long gmt_offset = 0;
    const char* zone = nullptr;
};

// A struct tm's fields, and back: templates, so that libc's struct tm and
// the host's (in the tests) both fit.
template<typename Tm>
Fields fields_of(const Tm& tm)
{
    Fields fields;
    fields.second = tm.tm_sec;
    fields.minute = tm.tm_min;
    fields.hour = tm.tm_hour;
    fields.day = tm.tm_mday;
    fields.month = tm.tm_mon;
    fields.year = tm.tm_year;
    fields.weekday = tm.tm_wday;
    fields.yearday = tm.tm_yday;
    fields.is_dst = tm.tm_isdst;
    fields.gmt_offset = tm.tm_gmtoff;
    fields.zone = tm.tm_zone;
    return fields;
}

template<typename Tm>
void store(const Fields& fields, Tm& tm)
{
    tm.tm_sec = fields.second;
    tm.tm_min = fields.minute;
    tm.tm_hour = fields.hour;
    tm.tm_mday = fields.day;
    tm.tm_mon = fields.month;
    tm.tm_year = fields.year;
    tm.tm_wday = fields.weekday;
    tm.tm_yday = fields.yearday;
    tm.tm_isdst = fields.is_dst;
    tm.tm_gmtoff = fields.gmt_offset;
    tm.tm_zone = fields.zone;
}

// Days since 1970-01-01 of a date (month 1-12).
int64_t days_from_civil(int64_t year, int month, int day);
// The fields of a time in seconds since the epoch (UTC, zone "GMT"); false
// when the year does not fit struct tm's int.
bool from_seconds(int64_t seconds, Fields& fields);
// The seconds since the epoch that `fields` name, out-of-range fields
// carrying over (mktime's normalization); weekday and yearday are ignored.
int64_t to_seconds(const Fields& fields);

// strftime in the "C" locale: a b c C d D e F g G h H I j k l m M n p P r R
// s S t T u U V w W x X y Y z Z %, with the E and O modifiers accepted and
// ignored and the GNU flags - (no padding), _ (spaces), 0 (zeros) and ^
// (capitals). Returns the length written (a NUL after it) or 0 when it
// does not fit in `size` bytes.
size_t format(char* buffer, size_t size, const char* format, const Fields& fields);

} // namespace banos::libc::calendar
