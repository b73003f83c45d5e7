#include <ctype.h>

#include "../core/character.h"

namespace character = banos::libc::character;

extern "C" {

int isalnum(int c) { return character::is_alnum(c); }
int isalpha(int c) { return character::is_alpha(c); }
int isblank(int c) { return character::is_blank(c); }
int iscntrl(int c) { return character::is_cntrl(c); }
int isdigit(int c) { return character::is_digit(c); }
int isgraph(int c) { return character::is_graph(c); }
int islower(int c) { return character::is_lower(c); }
int isprint(int c) { return character::is_print(c); }
int ispunct(int c) { return character::is_punct(c); }
int isspace(int c) { return character::is_space(c); }
int isupper(int c) { return character::is_upper(c); }
int isxdigit(int c) { return character::is_xdigit(c); }
int isascii(int c) { return c >= 0 && c < 0x80; }
int tolower(int c) { return character::to_lower(c); }
int toupper(int c) { return character::to_upper(c); }
int toascii(int c) { return c & 0x7f; }
}
