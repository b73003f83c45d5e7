#pragma once
// Who is asking: a process's user and group ids. Permission checks use the
// effective ids (euid/egid); access() checks with the real ones.
#include <stdint.h>

namespace vfs {

struct Credentials {
    uint32_t uid { 0 };
    uint32_t gid { 0 };
    uint32_t euid { 0 };
    uint32_t egid { 0 };

    bool is_superuser() const { return euid == 0; }
    // The same person with the effective ids replaced by the real ones.
    Credentials as_real() const { return { uid, gid, uid, gid }; }

    static constexpr Credentials root() { return { 0, 0, 0, 0 }; }
    static constexpr Credentials user(uint32_t user_id, uint32_t group_id)
    {
        return { user_id, group_id, user_id, group_id };
    }
};

} // namespace vfs
