/* Needs libdlgone.so, which is not installed: ld-elf must stop it with
 * one message and exit status 127. */
int dlgone_function(void);
int main(void) { return dlgone_function() == 3 ? 0 : 1; }
