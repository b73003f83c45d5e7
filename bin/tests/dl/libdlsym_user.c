/* Needs dlsym_new from libdlsym.so: dlopen must fail naming it. */
int dlsym_new(void);
int dlsym_user(void) { return dlsym_new(); }
