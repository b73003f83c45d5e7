/* A library the dl test program needs at start (DT_NEEDED): static TLS in
 * both models, data the program binds by COPY relocation, and a
 * constructor that must run before the program's. */
#include <stddef.h>

__thread int dlneeded_tls_general = 42;
__thread int dlneeded_tls_initial __attribute__((tls_model("initial-exec"))) = 7;
__thread char dlneeded_tls_zero[64];
int dlneeded_table[4] = { 11, 22, 33, 44 };
int dlneeded_constructed;

__attribute__((constructor)) static void dlneeded_constructor(void) { dlneeded_constructed = 1; }

int* dlneeded_tls_general_address(void) { return &dlneeded_tls_general; }
int* dlneeded_tls_initial_address(void) { return &dlneeded_tls_initial; }
char* dlneeded_tls_zero_address(void) { return dlneeded_tls_zero; }
int* dlneeded_table_address(void) { return dlneeded_table; }
