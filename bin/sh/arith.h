/* Arithmetic expansion $((...)): C-like integer expressions over long. */
#ifndef SH_ARITH_H
#define SH_ARITH_H

/* Evaluates expr (already parameter-expanded). Returns 0, or -1 after
 * reporting an error. */
int arith_eval(const char *expr, long *result);

#endif
