/* Process and user ids: the widths of the program ABI's slots (int32_t
 * pids, uint32_t uids and gids). */
#ifndef __BANOS_BITS_ID_T_H
#define __BANOS_BITS_ID_T_H
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
#endif
