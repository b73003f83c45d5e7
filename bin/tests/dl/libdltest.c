/* The library the dl test program dlopens: functions, data, TLS reached
 * through __tls_get_addr, and a constructor and destructor it can see. */
#include <stddef.h>

int dltest_data = 1234;
__thread int dltest_tls = 42;
static int constructed;
static void (*destructor_hook)(void);

__attribute__((constructor)) static void dltest_constructor(void) { ++constructed; }
__attribute__((destructor)) static void dltest_destructor(void)
{
    if (destructor_hook)
        destructor_hook();
}

int dltest_add(int a, int b) { return a + b; }
int dltest_constructed(void) { return constructed; }
void dltest_on_destruction(void (*hook)(void)) { destructor_hook = hook; }
int dltest_tls_get(void) { return dltest_tls; }
void dltest_tls_set(int value) { dltest_tls = value; }
int* dltest_tls_address(void) { return &dltest_tls; }
