/* Builds the syntax tree of one complete command (one line, or several
 * when a compound command or a here-document spans them). */
#ifndef SH_PARSER_H
#define SH_PARSER_H

#include <stddef.h>

struct arena;
struct node;

enum parse_status {
    PARSE_OK,         /* *out is the command, or NULL for an empty line */
    PARSE_INCOMPLETE, /* the input ended inside the command: read more */
    PARSE_ERROR,      /* a syntax error, already reported */
};

/* Parses the first complete command of src[0..len). *consumed is how much
 * of src it took (including the newline that ends it). The tree is
 * allocated from arena a. When final is set, an incomplete command is a
 * syntax error, since no more input will come. */
enum parse_status parse_command(const char *src, size_t len, int lineno, int final, struct arena *a,
                                struct node **out, size_t *consumed, int *next_lineno);

/* Removes quotes and backslashes from a here-document delimiter; *quoted
 * tells whether there were any. */
char *unquote_delimiter(struct arena *a, const char *text, int *quoted);

#endif
