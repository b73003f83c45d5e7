/* Compiled once per public header with -include <header> twice: the header
 * stands alone, its include guard works, and it is warning-free under
 * -Wpedantic (mk/libc.mk). */
typedef int banos_header_check;
