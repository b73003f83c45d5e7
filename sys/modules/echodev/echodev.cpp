// echodev: /dev/echo keeps what is written to it and reads it back. Other
// modules may add text through banos_echodev_append (greeter does).
#include "abi-versions/modules/api.h"
#include "sys/modules/lib/module_text.h"

namespace {

constexpr uint64_t kCapacity = 4096;
char g_text[kCapacity];
uint64_t g_length = 0;

int64_t echo_read(void*, uint64_t offset, void* buffer, uint64_t count)
{
    return module_text::read_text(g_text, g_length, offset, buffer, count);
}

// A write replaces the text from its offset on, so `echo x > /dev/echo`
// leaves exactly "x\n".
int64_t echo_write(void*, uint64_t offset, const void* buffer, uint64_t count)
{
    if (offset >= kCapacity)
        return -BANOS_E_NoSpace;
    uint64_t n = kCapacity - offset < count ? kCapacity - offset : count;
    if (offset > g_length)
        memset(g_text + g_length, 0, offset - g_length);
    memcpy(g_text + offset, buffer, n);
    g_length = offset + n;
    return static_cast<int64_t>(n);
}

const banos_chardev_ops kOps = { echo_read, echo_write };

int echodev_init()
{
    int registered = banos_chardev_register("echo", 0666, &kOps, nullptr);
    if (registered != 0)
        return registered;
    banos_log(BANOS_LOG_INFO, "echodev: /dev/echo is ready");
    return 0;
}

} // namespace

extern "C" int banos_echodev_append(const char* text, size_t length)
{
    if (length > kCapacity - g_length)
        return -BANOS_E_NoSpace;
    memcpy(g_text + g_length, text, length);
    g_length += length;
    return 0;
}

BANOS_EXPORT(banos_echodev_append);
// It uses nothing newer than API 1.0 and says so: a 1.0 module loads into
// every later 1.x kernel (the modules test installs it).
BANOS_DRIVER_NEEDING(1, 0, 0, "echodev", "BSD-2-Clause", "1.0", echodev_init, nullptr);
