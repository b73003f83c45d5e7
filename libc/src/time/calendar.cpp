// Broken-down times (always UTC), strftime, asctime and ctime.
#include <errno.h>
#include <stdio.h>
#include <time.h>

#include "../core/calendar.h"
#include "../internal/failure.h"

namespace calendar = banos::libc::calendar;
using banos::libc::fail;

namespace {

struct tm* broken_down(const time_t* time, struct tm* out, const char* zone)
{
    calendar::Fields fields;
    if (!calendar::from_seconds(*time, fields))
        return fail<struct tm*>(EOVERFLOW, nullptr);
    fields.zone = zone;
    calendar::store(fields, *out);
    return out;
}

struct tm shared_tm;
char shared_text[32];
char utc_name[] = "UTC";

} // namespace

extern "C" {

char* tzname[2] = { utc_name, utc_name };

void tzset(void) { }

struct tm* gmtime_r(const time_t* __restrict time, struct tm* __restrict out)
{
    return broken_down(time, out, "GMT");
}

struct tm* gmtime(const time_t* time)
{
    return gmtime_r(time, &shared_tm);
}

struct tm* localtime_r(const time_t* __restrict time, struct tm* __restrict out)
{
    return broken_down(time, out, "UTC");
}

struct tm* localtime(const time_t* time)
{
    return localtime_r(time, &shared_tm);
}

time_t timegm(struct tm* tm)
{
    int64_t seconds = calendar::to_seconds(calendar::fields_of(*tm));
    auto result = static_cast<time_t>(seconds);
    calendar::Fields normalized;
    if (result != seconds || !calendar::from_seconds(seconds, normalized))
        return fail<time_t>(EOVERFLOW);
    normalized.zone = tm->tm_zone != nullptr ? tm->tm_zone : "GMT";
    calendar::store(normalized, *tm);
    return result;
}

time_t mktime(struct tm* tm)
{
    time_t result = timegm(tm);
    if (result != -1 || errno != EOVERFLOW)
        tm->tm_zone = "UTC";
    return result;
}

size_t strftime(char* __restrict buffer, size_t size, const char* __restrict format, const struct tm* __restrict tm)
{
    return calendar::format(buffer, size, format, calendar::fields_of(*tm));
}

char* asctime_r(const struct tm* __restrict tm, char* __restrict buffer)
{
    static const char weekdays[] = "SunMonTueWedThuFriSat";
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    if (tm->tm_wday < 0 || tm->tm_wday > 6 || tm->tm_mon < 0 || tm->tm_mon > 11)
        return fail<char*>(EINVAL, nullptr);
    int length = snprintf(buffer, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n", weekdays + 3 * tm->tm_wday,
        months + 3 * tm->tm_mon, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec, 1900 + tm->tm_year);
    if (length < 0 || length >= 26)
        return fail<char*>(EOVERFLOW, nullptr);
    return buffer;
}

char* asctime(const struct tm* tm)
{
    return asctime_r(tm, shared_text);
}

char* ctime_r(const time_t* time, char* buffer)
{
    struct tm tm;
    if (localtime_r(time, &tm) == nullptr)
        return nullptr;
    return asctime_r(&tm, buffer);
}

char* ctime(const time_t* time)
{
    return ctime_r(time, shared_text);
}
}
