/* chmod mode file...: change permissions. mode is octal (755) or
 * symbolic: [ugoa]*[+-=][rwxst]* clauses separated by commas (u+x,go-w). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"

const char tool_name[] = "chmod";

/* Applies a symbolic mode to old; -1 if it does not parse. */
static long symbolic(const char *spec, mode_t old)
{
    mode_t mode = old & 07777;
    const char *p = spec;
    for (;;) {
        mode_t who = 0;
        for (; strchr("ugoa", *p) && *p; p++)
            who |= *p == 'u' ? 04700 : *p == 'g' ? 02070 : *p == 'o' ? 01007 : 07777;
        int masked = who == 0; /* no who: like a, but the umask applies */
        if (masked)
            who = 07777;
        if (!*p || !strchr("+-=", *p))
            return -1;
        while (*p && strchr("+-=", *p)) {
            char op = *p++;
            mode_t bits = 0;
            for (; *p && strchr("rwxst", *p); p++) {
                switch (*p) {
                case 'r': bits |= 0444; break;
                case 'w': bits |= 0222; break;
                case 'x': bits |= 0111; break;
                case 's': bits |= 06000; break;
                case 't': bits |= 01000; break;
                }
            }
            bits &= who;
            if (masked) {
                mode_t mask = umask(0);
                umask(mask);
                bits &= ~mask;
            }
            if (op == '+')
                mode |= bits;
            else if (op == '-')
                mode &= ~bits;
            else
                mode = (mode & ~(who & 0777)) | bits;
        }
        if (*p == '\0')
            return mode;
        if (*p++ != ',')
            return -1;
    }
}

int main(int argc, char **argv)
{
    if (argc < 3)
        usage("mode file...");
    const char *spec = argv[1];
    int octal = isdigit((unsigned char)spec[0]);
    long mode = 0;
    if (octal) {
        char *end;
        mode = strtol(spec, &end, 8);
        if (*end || mode < 0 || mode > 07777) {
            warn_msg("invalid mode: %s", spec);
            return 2;
        }
    } else if (symbolic(spec, 0) < 0) {
        warn_msg("invalid mode: %s", spec);
        return 2;
    }
    int status = 0;
    for (int i = 2; i < argc; i++) {
        long m = mode;
        if (!octal) {
            struct stat st;
            if (stat(argv[i], &st) < 0) {
                warn_errno(argv[i]);
                status = 1;
                continue;
            }
            m = symbolic(spec, st.st_mode);
        }
        if (chmod(argv[i], (mode_t)m) < 0) {
            warn_errno(argv[i]);
            status = 1;
        }
    }
    return status;
}
