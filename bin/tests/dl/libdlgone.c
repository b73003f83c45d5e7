/* A library the program links against and the boot archive does not have. */
int dlgone_function(void) { return 3; }
