#include "calendar.h"

#include <limits.h>

namespace banos::libc::calendar {

namespace {

constexpr int64_t seconds_per_day = 86400;

int64_t floor_divide(int64_t value, int64_t divisor)
{
    int64_t quotient = value / divisor;
    if ((value % divisor != 0) && ((value < 0) != (divisor < 0)))
        --quotient;
    return quotient;
}

bool is_leap(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

const char* const weekday_names[] = { "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday" };
const char* const month_names[] = { "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December" };

// The days from the first day of the ISO week-based year's first week (the
// Monday of the week holding its first Thursday) to the given day, which
// is `yearday` of its year and falls on `weekday`.
int iso_week_days(int yearday, int weekday)
{
    // January 4th (yearday 3) is always in week 1; its week starts on the
    // Monday at this yearday (possibly negative: in December before).
    int january_fourth_weekday = ((weekday - yearday + 3) % 7 + 7) % 7;
    int first_monday = 3 - (january_fourth_weekday + 6) % 7;
    return yearday - first_monday;
}

// The ISO 8601 year and week (1-53) of a date.
void iso_week(const Fields& fields, int64_t& year, int& week)
{
    year = int64_t(fields.year) + 1900;
    int days = iso_week_days(fields.yearday, fields.weekday);
    if (days < 0) {
        --year; // the last week of the year before
        days = iso_week_days(fields.yearday + (is_leap(year) ? 366 : 365), fields.weekday);
    } else {
        int next = iso_week_days(fields.yearday - (is_leap(year) ? 366 : 365), fields.weekday);
        if (next >= 0) {
            ++year; // the first week of the next year
            days = next;
        }
    }
    week = days / 7 + 1;
}

class Writer {
public:
    Writer(char* buffer, size_t size) : buffer_(buffer), size_(size) {}

    void put(char character)
    {
        if (used_ + 1 < size_)
            buffer_[used_] = character;
        else
            full_ = true;
        ++used_;
    }

    void text(const char* string, bool upper)
    {
        for (; *string != '\0'; ++string) {
            char c = *string;
            if (upper && c >= 'a' && c <= 'z')
                c = static_cast<char>(c - 'a' + 'A');
            put(c);
        }
    }

    void number(int64_t value, int width, char pad)
    {
        char digits[24];
        int count = 0;
        bool negative = value < 0;
        uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
        do {
            digits[count++] = static_cast<char>('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude != 0);
        if (negative)
            put('-');
        if (pad != 0) {
            for (int i = count + (negative ? 1 : 0); i < width; ++i)
                put(pad);
        }
        while (count > 0)
            put(digits[--count]);
    }

    size_t finish()
    {
        if (full_ || used_ >= size_)
            return 0;
        buffer_[used_] = '\0';
        return used_;
    }

private:
    char* buffer_;
    size_t size_;
    size_t used_ = 0;
    bool full_ = false;
};

void format_into(Writer& out, const char* format, const Fields& fields);

void conversion(Writer& out, char letter, char flag, const Fields& fields)
{
    // Padding: the conversion's own (zeros, or spaces for e k l), unless a
    // flag says otherwise.
    auto pad = [&](char natural) -> char {
        if (flag == '-')
            return 0;
        if (flag == '_')
            return ' ';
        if (flag == '0')
            return '0';
        return natural;
    };
    bool upper = flag == '^';
    int64_t year = int64_t(fields.year) + 1900;
    int hour12 = fields.hour % 12 == 0 ? 12 : fields.hour % 12;
    bool weekday_ok = fields.weekday >= 0 && fields.weekday <= 6;
    bool month_ok = fields.month >= 0 && fields.month <= 11;
    char abbreviation[4] = {};

    switch (letter) {
    case 'a':
        if (weekday_ok) {
            __builtin_memcpy(abbreviation, weekday_names[fields.weekday], 3);
            out.text(abbreviation, upper);
        } else {
            out.put('?');
        }
        break;
    case 'A':
        out.text(weekday_ok ? weekday_names[fields.weekday] : "?", upper);
        break;
    case 'b':
    case 'h':
        if (month_ok) {
            __builtin_memcpy(abbreviation, month_names[fields.month], 3);
            out.text(abbreviation, upper);
        } else {
            out.put('?');
        }
        break;
    case 'B':
        out.text(month_ok ? month_names[fields.month] : "?", upper);
        break;
    case 'c':
        format_into(out, upper ? "%^a %^b %e %H:%M:%S %Y" : "%a %b %e %H:%M:%S %Y", fields);
        break;
    case 'C': // glibc pads it to two digits only by request (%0C)
        out.number(floor_divide(year, 100), 1, pad('0'));
        break;
    case 'd':
        out.number(fields.day, 2, pad('0'));
        break;
    case 'D':
    case 'x':
        format_into(out, "%m/%d/%y", fields);
        break;
    case 'e':
        out.number(fields.day, 2, pad(' '));
        break;
    case 'F':
        format_into(out, "%Y-%m-%d", fields);
        break;
    case 'g':
    case 'G':
    case 'V': {
        int64_t iso_year;
        int week;
        iso_week(fields, iso_year, week);
        if (letter == 'g')
            out.number((iso_year % 100 + 100) % 100, 2, pad('0'));
        else if (letter == 'G')
            out.number(iso_year, 1, pad('0'));
        else
            out.number(week, 2, pad('0'));
        break;
    }
    case 'H':
        out.number(fields.hour, 2, pad('0'));
        break;
    case 'I':
        out.number(hour12, 2, pad('0'));
        break;
    case 'j':
        out.number(fields.yearday + 1, 3, pad('0'));
        break;
    case 'k':
        out.number(fields.hour, 2, pad(' '));
        break;
    case 'l':
        out.number(hour12, 2, pad(' '));
        break;
    case 'm':
        out.number(fields.month + 1, 2, pad('0'));
        break;
    case 'M':
        out.number(fields.minute, 2, pad('0'));
        break;
    case 'n':
        out.put('\n');
        break;
    case 'p':
        out.text(fields.hour >= 12 ? "PM" : "AM", false);
        break;
    case 'P':
        out.text(fields.hour >= 12 ? "pm" : "am", false);
        break;
    case 'r':
        format_into(out, "%I:%M:%S %p", fields);
        break;
    case 'R':
        format_into(out, "%H:%M", fields);
        break;
    case 's':
        out.number(to_seconds(fields) - fields.gmt_offset, 1, pad('0'));
        break;
    case 'S':
        out.number(fields.second, 2, pad('0'));
        break;
    case 't':
        out.put('\t');
        break;
    case 'T':
    case 'X':
        format_into(out, "%H:%M:%S", fields);
        break;
    case 'u':
        out.number(fields.weekday == 0 ? 7 : fields.weekday, 1, pad('0'));
        break;
    case 'U':
        out.number((fields.yearday - fields.weekday + 7) / 7, 2, pad('0'));
        break;
    case 'w':
        out.number(fields.weekday, 1, pad('0'));
        break;
    case 'W':
        out.number((fields.yearday - (fields.weekday + 6) % 7 + 7) / 7, 2, pad('0'));
        break;
    case 'y':
        out.number((year % 100 + 100) % 100, 2, pad('0'));
        break;
    case 'Y':
        out.number(year, 1, pad('0'));
        break;
    case 'z': {
        long offset = fields.gmt_offset;
        out.put(offset < 0 ? '-' : '+');
        long magnitude = offset < 0 ? -offset : offset;
        out.number(magnitude / 3600 * 100 + magnitude / 60 % 60, 4, '0');
        break;
    }
    case 'Z':
        out.text(fields.zone != nullptr ? fields.zone : "", upper);
        break;
    case '%':
        out.put('%');
        break;
    default:
        // Unknown: written out as it stands.
        out.put('%');
        if (flag != 0)
            out.put(flag);
        if (letter != '\0')
            out.put(letter);
        break;
    }
}

void format_into(Writer& out, const char* format, const Fields& fields)
{
    for (const char* cursor = format; *cursor != '\0'; ++cursor) {
        if (*cursor != '%') {
            out.put(*cursor);
            continue;
        }
        ++cursor;
        char flag = 0;
        while (*cursor == '-' || *cursor == '_' || *cursor == '0' || *cursor == '^' || *cursor == '#')
            flag = *cursor++;
        while (*cursor == 'E' || *cursor == 'O')
            ++cursor;
        conversion(out, *cursor, flag, fields);
        if (*cursor == '\0')
            break;
    }
}

} // namespace

int64_t days_from_civil(int64_t year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    int64_t era = floor_divide(year, 400);
    int64_t year_of_era = year - era * 400;
    int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

bool from_seconds(int64_t seconds, Fields& fields)
{
    int64_t days = floor_divide(seconds, seconds_per_day);
    int64_t rest = seconds - days * seconds_per_day;
    // Civil date from days (Howard Hinnant's algorithm).
    int64_t shifted = days + 719468;
    int64_t era = floor_divide(shifted, 146097);
    int64_t day_of_era = shifted - era * 146097;
    int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t month_shifted = (5 * day_of_year + 2) / 153;
    int day = static_cast<int>(day_of_year - (153 * month_shifted + 2) / 5 + 1);
    int month = static_cast<int>(month_shifted < 10 ? month_shifted + 3 : month_shifted - 9);
    int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
    if (year - 1900 > INT_MAX || year - 1900 < INT_MIN)
        return false;

    fields.year = static_cast<int>(year - 1900);
    fields.month = month - 1;
    fields.day = day;
    fields.hour = static_cast<int>(rest / 3600);
    fields.minute = static_cast<int>(rest / 60 % 60);
    fields.second = static_cast<int>(rest % 60);
    fields.weekday = static_cast<int>((days % 7 + 11) % 7); // 1970-01-01 was a Thursday
    fields.yearday = static_cast<int>(days - days_from_civil(year, 1, 1));
    fields.is_dst = 0;
    fields.gmt_offset = 0;
    fields.zone = "GMT";
    return true;
}

int64_t to_seconds(const Fields& fields)
{
    int64_t year = int64_t(fields.year) + 1900 + floor_divide(fields.month, 12);
    int month = static_cast<int>(fields.month - floor_divide(fields.month, 12) * 12);
    int64_t days = days_from_civil(year, month + 1, 1) + fields.day - 1;
    return days * seconds_per_day + int64_t(fields.hour) * 3600 + int64_t(fields.minute) * 60 + fields.second;
}

size_t format(char* buffer, size_t size, const char* format, const Fields& fields)
{
    Writer out(buffer, size);
    format_into(out, format, fields);
    return out.finish();
}

} // namespace banos::libc::calendar
