#include "charclass.h"

#include <ctype.h>
#include <string.h>

char_class char_class_find(const char *name, size_t len)
{
    static const struct {
        const char *name;
        char_class test;
    } classes[] = {
        {"alpha", isalpha}, {"digit", isdigit}, {"alnum", isalnum}, {"space", isspace}, {"upper", isupper},
        {"lower", islower}, {"punct", ispunct}, {"xdigit", isxdigit}, {"print", isprint}, {"cntrl", iscntrl},
        {"graph", isgraph}, {"blank", isblank},
    };
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
        if (strlen(classes[i].name) == len && memcmp(classes[i].name, name, len) == 0)
            return classes[i].test;
    return NULL;
}
