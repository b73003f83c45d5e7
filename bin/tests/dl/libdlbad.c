/* What the program links against; the boot archive has text instead. */
int dlbad_function(void) { return 0; }
