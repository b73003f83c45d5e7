/* Needs dlsym_new, which the installed libdlsym.so lacks. */
int dlsym_new(void);
int main(void) { return dlsym_new() == 2 ? 0 : 1; }
