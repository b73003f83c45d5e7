/* The destination rule of cp, mv and ln: with one source and a target
 * that is not a directory, the target is the new name; otherwise the
 * target must be a directory and each source keeps its name inside it. */
#ifndef TOOLS_TARGET_H
#define TOOLS_TARGET_H

/* Calls fn(source, destination) for each source; destination is
 * malloc'd and freed afterwards. Returns the OR of fn's results, or 1 if
 * the target is unusable. */
int for_each_target(int nsources, char **sources, const char *target,
                    int (*fn)(const char *source, const char *destination));

#endif
