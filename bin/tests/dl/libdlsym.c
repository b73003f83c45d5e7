/* Two builds with one soname: the program links against the one that has
 * dlsym_new, the boot archive has the one without (DLSYM_OLD_ONLY). */
int dlsym_old(void) { return 1; }
#ifndef DLSYM_OLD_ONLY
int dlsym_new(void) { return 2; }
#endif
