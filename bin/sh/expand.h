/* Word expansion: tilde, parameters, command substitution, arithmetic,
 * then field splitting, pathname expansion and quote removal. */
#ifndef SH_EXPAND_H
#define SH_EXPAND_H

struct strvec;
struct word;

/* Expands a word into zero or more fields appended to out (command words,
 * for lists). Returns 0, or -1 after reporting an expansion error. */
int expand_fields(const char *word, struct strvec *out);
/* Expands all words of a list; -1 on error. */
int expand_word_list(struct word *words, struct strvec *out);
/* Expands a word into exactly one string, without field splitting or
 * pathname expansion (assignment values, redirection targets, case
 * subjects). NULL on error. */
char *expand_string(const char *word);
/* Like expand_string, but quoted pattern characters come out escaped with
 * a backslash, so the result is a pattern (case items). */
char *expand_pattern(const char *word);
/* Expands a here-document body: parameters, command substitution,
 * arithmetic and backslash before $ ` \ newline; quotes are ordinary. */
char *expand_heredoc(const char *body);

/* Status of the last command substitution during expansion, or -1: a
 * command made only of assignments takes its exit status from here. */
extern int expand_cmdsubst_status;

#endif
