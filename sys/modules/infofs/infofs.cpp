// infofs: a mountable file system type ("infofs") of three read-only files:
//   hello    a fixed greeting
//   uptime   nanoseconds since boot, when read
//   mount    which mount of infofs this is (1 for the first)
#include "abi-versions/modules/api.h"
#include "sys/modules/lib/module_text.h"

namespace {

struct Instance {
    uint64_t number;
};

uint64_t g_mounts = 0;

const char* const kNames[] = { "hello", "uptime", "mount" };
constexpr uint64_t kFiles = sizeof(kNames) / sizeof(kNames[0]);

size_t line_of(char* out, uint64_t value)
{
    size_t n = module_text::decimal(out, value);
    out[n] = '\n';
    return n + 1;
}

// The file's text, made on demand.
size_t text_of(const Instance& instance, uint64_t index, char* out)
{
    static const char kHello[] = "hello from infofs\n";
    switch (index) {
    case 0:
        memcpy(out, kHello, sizeof(kHello) - 1);
        return sizeof(kHello) - 1;
    case 1:
        return line_of(out, banos_monotonic_ns());
    default:
        return line_of(out, instance.number);
    }
}

void* infofs_mount(void*)
{
    auto* instance = static_cast<Instance*>(banos_zalloc(sizeof(Instance)));
    if (instance)
        instance->number = ++g_mounts;
    return instance;
}

void infofs_unmount(void* instance) { banos_free(instance); }

int infofs_entry(void*, uint64_t index, char* name, size_t capacity)
{
    if (index >= kFiles)
        return -BANOS_E_NoEntry;
    size_t length = strlen(kNames[index]);
    if (length + 1 > capacity)
        return -BANOS_E_NameTooLong;
    memcpy(name, kNames[index], length + 1);
    return 0;
}

int64_t infofs_size(void* instance, uint64_t index)
{
    char text[32];
    return index < kFiles ? static_cast<int64_t>(text_of(*static_cast<Instance*>(instance), index, text))
                          : -BANOS_E_NoEntry;
}

int64_t infofs_read(void* instance, uint64_t index, uint64_t offset, void* buffer, uint64_t count)
{
    if (index >= kFiles)
        return -BANOS_E_NoEntry;
    char text[32];
    size_t length = text_of(*static_cast<Instance*>(instance), index, text);
    return module_text::read_text(text, length, offset, buffer, count);
}

const banos_fs_ops kOps = { infofs_mount, infofs_unmount, infofs_entry, infofs_size, infofs_read };

int infofs_init() { return banos_fs_register("infofs", &kOps, nullptr); }

} // namespace

BANOS_DRIVER("infofs", "BSD-2-Clause", "1.0", infofs_init, nullptr);
