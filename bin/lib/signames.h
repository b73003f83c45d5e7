/* Signal names and descriptions, shared by sh (job messages) and kill. */
#ifndef BIN_SIGNAMES_H
#define BIN_SIGNAMES_H

/* "INT" for SIGINT; NULL for an unknown number. */
const char *signal_name(int sig);
/* SIGINT from "INT", "SIGINT", "int" or "2"; -1 if unknown. */
int signal_number(const char *name);
/* "Interrupt", "Killed", ... (strsignal's; "Signal N" for unknown ones, in buf). */
const char *signal_description(int sig, char *buf, unsigned size);
/* Calls fn for each known signal in number order. */
void signal_each(void (*fn)(int sig, const char *name));

#endif
