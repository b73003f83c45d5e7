#include "database.h"

#include <string.h>

namespace banos::libc::database {

bool split(char* line, char** fields, int count)
{
    size_t length = strlen(line);
    if (length > 0 && line[length - 1] == '\n')
        line[--length] = '\0';
    for (int i = 0; i < count; ++i) {
        fields[i] = line;
        char* colon = strchr(line, ':');
        if (i == count - 1)
            break;
        if (colon == nullptr)
            return false;
        *colon = '\0';
        line = colon + 1;
    }
    return true;
}

bool parse_id(const char* text, unsigned& id)
{
    if (*text == '\0')
        return false;
    unsigned long value = 0;
    for (; *text != '\0'; ++text) {
        if (*text < '0' || *text > '9')
            return false;
        value = value * 10 + static_cast<unsigned long>(*text - '0');
        if (value > 0xffffffffu)
            return false;
    }
    id = static_cast<unsigned>(value);
    return true;
}

} // namespace banos::libc::database
