/* The syntax tree the parser builds and the executor walks. Words are kept
 * as the raw source text (quotes and $ included); expand.c interprets them
 * when the command runs. */
#ifndef SH_AST_H
#define SH_AST_H

struct arena;

struct word {
    struct word *next;
    char *text;
};

enum redir_kind {
    R_IN,      /* n<file */
    R_OUT,     /* n>file */
    R_APPEND,  /* n>>file */
    R_CLOBBER, /* n>|file */
    R_RDWR,    /* n<>file */
    R_DUPIN,   /* n<&m (or n<&-) */
    R_DUPOUT,  /* n>&m (or n>&-) */
    R_HEREDOC, /* n<<word */
};

struct redir {
    struct redir *next;
    enum redir_kind kind;
    int fd;
    char *target;       /* file name, fd number or here-document delimiter */
    char *heredoc_body; /* raw body text, filled in when the body is read */
    int heredoc_quoted; /* delimiter was quoted: body is not expanded */
    int heredoc_strip;  /* <<-: leading tabs are removed */
};

enum node_kind {
    N_SIMPLE,
    N_PIPELINE,
    N_AND,
    N_OR,
    N_LIST,
    N_IF,
    N_WHILE,
    N_UNTIL,
    N_FOR,
    N_CASE,
    N_SUBSHELL,
    N_GROUP,
    N_FUNCDEF,
};

struct node;

struct node_list {
    struct node_list *next;
    struct node *node;
    int async;  /* in N_LIST: followed by & */
    char *text; /* in N_LIST: the source text, for job messages */
};

struct case_item {
    struct case_item *next;
    struct word *patterns;
    struct node *body; /* may be NULL */
};

struct node {
    enum node_kind kind;
    int lineno;
    struct redir *redirs; /* of simple and compound commands */
    union {
        struct {
            struct word *assigns;
            struct word *words;
        } simple;
        struct {
            struct node_list *cmds;
            int bang;
        } pipeline;
        struct {
            struct node *left, *right;
        } andor;
        struct {
            struct node_list *items;
        } list;
        struct {
            struct node *cond, *then_part, *else_part;
        } if_;
        struct {
            struct node *cond, *body;
        } loop;
        struct {
            char *var;
            struct word *words;
            int has_in;
            struct node *body;
        } for_;
        struct {
            char *subject;
            struct case_item *items;
        } case_;
        struct {
            struct node *body;
        } group;
        struct {
            char *name;
            struct node *body;
            struct arena *arena; /* the tree the body lives in */
        } func;
    } u;
};

#endif
