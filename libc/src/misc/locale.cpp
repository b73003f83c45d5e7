#include <limits.h>
#include <locale.h>
#include <string.h>

namespace {

char c_name[] = "C";
char point[] = ".";
char empty[] = "";

struct lconv c_conventions = { point, empty, empty, empty, empty, empty, empty, empty, empty, empty, CHAR_MAX,
    CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX, CHAR_MAX };

} // namespace

extern "C" {

char* setlocale(int category, const char* name)
{
    if (category < LC_CTYPE || category > LC_ALL)
        return nullptr;
    if (name == nullptr || name[0] == '\0' || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0)
        return c_name;
    return nullptr;
}

struct lconv* localeconv(void)
{
    return &c_conventions;
}
}
