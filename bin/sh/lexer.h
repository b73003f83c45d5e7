/* Cuts the input into tokens: words (raw text, quotes kept), operators
 * and newlines. Here-document bodies are read right after the newline that
 * ends the line their << appeared on. */
#ifndef SH_LEXER_H
#define SH_LEXER_H

#include <stddef.h>

struct arena;
struct redir;

enum token_kind {
    T_EOF,
    T_NEWLINE,
    T_WORD,
    T_IO_NUMBER, /* the 2 in 2>file */
    T_SEMI,
    T_DSEMI,
    T_AMP,
    T_PIPE,
    T_AND_IF,
    T_OR_IF,
    T_LPAREN,
    T_RPAREN,
    T_LESS,
    T_GREAT,
    T_DGREAT,
    T_CLOBBER,
    T_LESSGREAT,
    T_LESSAND,
    T_GREATAND,
    T_DLESS,
    T_DLESSDASH,
};

struct token {
    enum token_kind kind;
    const char *start;
    size_t len;
    int lineno;
};

#define LEX_MAX_HEREDOCS 16

struct lexer {
    const char *src, *end, *pos;
    int lineno;
    int incomplete;          /* the input ended inside a construct */
    const char *last_end;    /* end of the last token handed out */
    struct arena *arena;
    struct redir *pending[LEX_MAX_HEREDOCS]; /* here-documents awaiting a body */
    int npending;
    int have_peek;
    struct token peeked;
};

void lexer_init(struct lexer *lx, const char *src, size_t len, int lineno, struct arena *a);
struct token lex_next(struct lexer *lx);
struct token lex_peek(struct lexer *lx);
/* Registers a here-document whose body follows the current line. Returns
 * -1 when too many are pending. */
int lex_add_heredoc(struct lexer *lx, struct redir *r);
/* Whether the token is the unquoted word w (reserved words). */
int tok_is(struct token t, const char *w);

#endif
