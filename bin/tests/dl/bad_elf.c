/* Needs libdlbad.so, installed as a file that is no ELF object. */
int dlbad_function(void);
int main(void) { return dlbad_function(); }
