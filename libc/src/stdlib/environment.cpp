// The environment: environ starts as the kernel gave it; the first change
// moves the array to the heap. Strings setenv made are freed when replaced
// or removed (they are remembered in a second array); putenv's strings
// belong to the caller.
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

namespace {

char** owned_array;     // environ, once it is ours
size_t owned_capacity;  // entries owned_array has room for, its NULL included
char** made;            // the strings setenv allocated
size_t made_count;
size_t made_capacity;

size_t count_entries()
{
    size_t count = 0;
    if (environ != nullptr)
        while (environ[count] != nullptr)
            ++count;
    return count;
}

bool valid_name(const char* name)
{
    return name != nullptr && name[0] != '\0' && strchr(name, '=') == nullptr;
}

// The index of name's entry, or -1.
long find(const char* name, size_t length)
{
    if (environ == nullptr)
        return -1;
    for (size_t i = 0; environ[i] != nullptr; ++i) {
        if (strncmp(environ[i], name, length) == 0 && environ[i][length] == '=')
            return static_cast<long>(i);
    }
    return -1;
}

// Drops a string setenv made from the list (freeing it if asked).
void forget(char* string, bool release)
{
    for (size_t i = 0; i < made_count; ++i) {
        if (made[i] == string) {
            if (release)
                free(string);
            made[i] = made[--made_count];
            return;
        }
    }
}

bool remember(char* string)
{
    if (made_count == made_capacity) {
        size_t capacity = made_capacity == 0 ? 16 : made_capacity * 2;
        auto** grown = static_cast<char**>(realloc(made, capacity * sizeof(char*)));
        if (grown == nullptr)
            return false;
        made = grown;
        made_capacity = capacity;
    }
    made[made_count++] = string;
    return true;
}

// Makes room for one more entry; false when there is no memory.
bool reserve(size_t count)
{
    if (environ == owned_array && owned_array != nullptr && count + 2 <= owned_capacity)
        return true;
    size_t capacity = (count + 2) * 2;
    auto** array = static_cast<char**>(malloc(capacity * sizeof(char*)));
    if (array == nullptr)
        return false;
    for (size_t i = 0; i < count; ++i)
        array[i] = environ[i];
    array[count] = nullptr;
    if (environ == owned_array)
        free(owned_array);
    owned_array = environ = array;
    owned_capacity = capacity;
    return true;
}

// Puts `string` (NAME=value) in the environment in place of name's entry.
int install(char* string, size_t name_length, bool owned)
{
    if (owned && !remember(string))
        return -1;
    long index = find(string, name_length);
    if (index >= 0) {
        char* old = environ[index];
        environ[index] = string;
        forget(old, true);
        return 0;
    }
    size_t count = count_entries();
    if (!reserve(count)) {
        forget(string, false);
        return -1;
    }
    environ[count] = string;
    environ[count + 1] = nullptr;
    return 0;
}

} // namespace

extern "C" {

char* getenv(const char* name)
{
    if (!valid_name(name))
        return nullptr;
    long index = find(name, strlen(name));
    return index < 0 ? nullptr : environ[index] + strlen(name) + 1;
}

int setenv(const char* name, const char* value, int overwrite)
{
    if (!valid_name(name))
        return fail(EINVAL);
    size_t name_length = strlen(name);
    if (!overwrite && find(name, name_length) >= 0)
        return 0;
    size_t value_length = strlen(value);
    auto* string = static_cast<char*>(malloc(name_length + value_length + 2));
    if (string == nullptr)
        return -1;
    memcpy(string, name, name_length);
    string[name_length] = '=';
    memcpy(string + name_length + 1, value, value_length + 1);
    if (install(string, name_length, true) != 0) {
        free(string);
        return -1;
    }
    return 0;
}

int putenv(char* string)
{
    const char* equals = strchr(string, '=');
    if (equals == nullptr)
        return unsetenv(string);
    if (equals == string)
        return fail(EINVAL);
    return install(string, static_cast<size_t>(equals - string), false);
}

int unsetenv(const char* name)
{
    if (!valid_name(name))
        return fail(EINVAL);
    size_t length = strlen(name);
    long index;
    while ((index = find(name, length)) >= 0) {
        forget(environ[index], true);
        size_t i = static_cast<size_t>(index);
        for (; environ[i] != nullptr; ++i)
            environ[i] = environ[i + 1];
    }
    return 0;
}

int clearenv(void)
{
    while (made_count > 0)
        free(made[--made_count]);
    if (environ == owned_array)
        free(owned_array);
    owned_array = nullptr;
    owned_capacity = 0;
    environ = nullptr;
    return 0;
}
}
