// The "C" locale: one byte is one character. (The program ABI has no
// EILSEQ, so a wide character beyond a byte fails with EINVAL.)
#include <errno.h>
#include <stdlib.h>

extern "C" {

int mblen(const char* string, size_t count)
{
    if (string == nullptr)
        return 0;
    if (count == 0)
        return -1;
    return string[0] != '\0' ? 1 : 0;
}

int mbtowc(wchar_t* __restrict wide, const char* __restrict string, size_t count)
{
    if (string == nullptr)
        return 0;
    if (count == 0)
        return -1;
    if (wide != nullptr)
        *wide = static_cast<unsigned char>(string[0]);
    return string[0] != '\0' ? 1 : 0;
}

int wctomb(char* string, wchar_t wide)
{
    if (string == nullptr)
        return 0;
    if (wide < 0 || wide > 0xff) {
        errno = EINVAL;
        return -1;
    }
    string[0] = static_cast<char>(wide);
    return 1;
}

size_t mbstowcs(wchar_t* __restrict wide, const char* __restrict string, size_t count)
{
    size_t i = 0;
    for (; string[i] != '\0'; ++i) {
        if (wide != nullptr) {
            if (i == count)
                return i;
            wide[i] = static_cast<unsigned char>(string[i]);
        }
    }
    if (wide != nullptr && i < count)
        wide[i] = 0;
    return i;
}

size_t wcstombs(char* __restrict string, const wchar_t* __restrict wide, size_t count)
{
    size_t i = 0;
    for (; wide[i] != 0; ++i) {
        if (wide[i] < 0 || wide[i] > 0xff) {
            errno = EINVAL;
            return static_cast<size_t>(-1);
        }
        if (string != nullptr) {
            if (i == count)
                return i;
            string[i] = static_cast<char>(wide[i]);
        }
    }
    if (string != nullptr && i < count)
        string[i] = '\0';
    return i;
}
}
