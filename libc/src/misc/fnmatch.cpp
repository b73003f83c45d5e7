#include <fnmatch.h>
#include <stddef.h>

namespace {

// Matches a bracket expression at `pattern` (just after '[') against c;
// returns the position after its ']' (or nullptr if it has none, and the
// '[' is then an ordinary character).
const char* bracket(const char* pattern, char c, int flags, bool& matched)
{
    bool negate = *pattern == '!' || *pattern == '^';
    if (negate)
        ++pattern;
    bool found = false;
    bool first = true;
    for (;; first = false) {
        char low = *pattern;
        if (low == '\0')
            return nullptr;
        if (low == ']' && !first)
            break;
        if (low == '\\' && !(flags & FNM_NOESCAPE) && pattern[1] != '\0')
            low = *++pattern;
        char high = low;
        if (pattern[1] == '-' && pattern[2] != ']' && pattern[2] != '\0') {
            high = pattern[2];
            if (high == '\\' && !(flags & FNM_NOESCAPE) && pattern[3] != '\0') {
                high = pattern[3];
                ++pattern;
            }
            pattern += 2;
        }
        if (static_cast<unsigned char>(c) >= static_cast<unsigned char>(low)
            && static_cast<unsigned char>(c) <= static_cast<unsigned char>(high))
            found = true;
        ++pattern;
    }
    matched = found != negate;
    return pattern + 1;
}

bool leading_period(const char* string, const char* start, int flags)
{
    if (!(flags & FNM_PERIOD) || *string != '.')
        return false;
    return string == start || ((flags & FNM_PATHNAME) && string[-1] == '/');
}

bool match(const char* pattern, const char* string, const char* start, int flags)
{
    for (;;) {
        char p = *pattern;
        switch (p) {
        case '\0':
            return *string == '\0';
        case '?':
            if (*string == '\0' || ((flags & FNM_PATHNAME) && *string == '/')
                || leading_period(string, start, flags))
                return false;
            ++pattern;
            ++string;
            break;
        case '*': {
            if (leading_period(string, start, flags))
                return false;
            while (*pattern == '*')
                ++pattern;
            if (*pattern == '\0') {
                // The rest matches, unless it crosses a '/' that must not be.
                if (flags & FNM_PATHNAME) {
                    for (const char* s = string; *s != '\0'; ++s) {
                        if (*s == '/')
                            return false;
                    }
                }
                return true;
            }
            for (const char* s = string;; ++s) {
                if (match(pattern, s, start, flags))
                    return true;
                if (*s == '\0' || ((flags & FNM_PATHNAME) && *s == '/'))
                    return false;
            }
        }
        case '[': {
            if (*string == '\0' || ((flags & FNM_PATHNAME) && *string == '/')
                || leading_period(string, start, flags))
                return false;
            bool matched = false;
            const char* after = bracket(pattern + 1, *string, flags, matched);
            if (after == nullptr) {
                if (*string != '[')
                    return false;
                ++pattern;
            } else {
                if (!matched)
                    return false;
                pattern = after;
            }
            ++string;
            break;
        }
        case '\\':
            if (!(flags & FNM_NOESCAPE) && pattern[1] != '\0')
                p = *++pattern;
            [[fallthrough]];
        default:
            if (*string != p)
                return false;
            ++pattern;
            ++string;
            break;
        }
    }
}

} // namespace

extern "C" int fnmatch(const char* pattern, const char* string, int flags)
{
    return match(pattern, string, string, flags) ? 0 : FNM_NOMATCH;
}
