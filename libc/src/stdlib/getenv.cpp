#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern "C" char* getenv(const char* name)
{
    if (environ == nullptr || name == nullptr)
        return nullptr;
    size_t length = strlen(name);
    if (length == 0 || strchr(name, '=') != nullptr)
        return nullptr;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        if (strncmp(*entry, name, length) == 0 && (*entry)[length] == '=')
            return *entry + length + 1;
    }
    return nullptr;
}
