/* id [-u|-g] [-n] [-r] [user]: print user and group ids with names:
 *   uid=0(root) gid=0(root) [euid=..(..)] [egid=..(..)]
 * -u / -g print only the (effective) user / group id, -n its name,
 * -r the real id instead of the effective one. With a user name, that
 * user's ids from /etc/passwd. */
#include <pwd.h>
#include <stdio.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "id";

int main(int argc, char **argv)
{
    int only_user = 0, only_group = 0, names = 0, real = 0, opt;
    while ((opt = getopt(argc, argv, "ugnr")) != -1) {
        switch (opt) {
        case 'u': only_user = 1; break;
        case 'g': only_group = 1; break;
        case 'n': names = 1; break;
        case 'r': real = 1; break;
        default: usage("[-u|-g] [-nr] [user]");
        }
    }
    if ((only_user && only_group) || ((names || real) && !only_user && !only_group) || argc - optind > 1)
        usage("[-u|-g] [-nr] [user]");

    uid_t uid = getuid(), euid = geteuid();
    gid_t gid = getgid(), egid = getegid();
    if (optind < argc) {
        struct passwd *pw = getpwnam(argv[optind]);
        if (!pw) {
            warn_msg("%s: no such user", argv[optind]);
            return 1;
        }
        uid = euid = pw->pw_uid;
        gid = egid = pw->pw_gid;
    }

    char ubuf[32], gbuf[32];
    if (only_user || only_group) {
        unsigned long id = only_user ? (real ? uid : euid) : (real ? gid : egid);
        if (names)
            puts(only_user ? user_name((uid_t)id, ubuf, sizeof ubuf) : group_name((gid_t)id, gbuf, sizeof gbuf));
        else
            printf("%lu\n", id);
        return 0;
    }
    printf("uid=%lu(%s) gid=%lu(%s)", (unsigned long)uid, user_name(uid, ubuf, sizeof ubuf), (unsigned long)gid,
           group_name(gid, gbuf, sizeof gbuf));
    if (euid != uid)
        printf(" euid=%lu(%s)", (unsigned long)euid, user_name(euid, ubuf, sizeof ubuf));
    if (egid != gid)
        printf(" egid=%lu(%s)", (unsigned long)egid, group_name(egid, gbuf, sizeof gbuf));
    putchar('\n');
    return 0;
}
