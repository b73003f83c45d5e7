// /dev/null, /dev/zero, /dev/random and /dev/urandom.
#include <string.h>

#include "lib/math.h"
#include "vfs/devfs/devfs.h"
#include "vfs/io_buffer.h"

namespace vfs::devfs {

using klib::ErrorCode;
using klib::ErrorOr;

namespace {

uint64_t (*g_random_source)() = nullptr;

constexpr size_t kChunk = 256;

// Fills the caller's buffer chunk by chunk from `fill`.
template <typename Fill>
ErrorOr<size_t> produce(IoBuffer& buffer, size_t count, Fill&& fill)
{
    unsigned char chunk[kChunk];
    size_t done = 0;
    while (done < count) {
        size_t n = klib::min(count - done, kChunk);
        fill(chunk, n);
        auto copied = buffer.write_to(done, klib::ReadonlyBytes(chunk, n));
        if (copied.is_error())
            return partial_result(done, copied.error());
        done += n;
    }
    return done;
}

// Writes to null, zero and random are accepted and dropped.
class SinkFile : public File {
public:
    ErrorOr<size_t> write(FileDescription&, uint64_t, IoBuffer&, size_t count) override { return count; }
    bool is_seekable() const override { return true; }
};

class NullFile final : public SinkFile {
public:
    ErrorOr<size_t> read(FileDescription&, uint64_t, IoBuffer&, size_t) override { return 0; }
};

class ZeroFile final : public SinkFile {
public:
    ErrorOr<size_t> read(FileDescription&, uint64_t, IoBuffer& buffer, size_t count) override
    {
        return produce(buffer, count, [](unsigned char* out, size_t n) { memset(out, 0, n); });
    }
};

class RandomFile final : public SinkFile {
public:
    ErrorOr<size_t> read(FileDescription&, uint64_t, IoBuffer& buffer, size_t count) override
    {
        auto source = __atomic_load_n(&g_random_source, __ATOMIC_ACQUIRE);
        if (!source)
            return ErrorCode::NoDevice;
        return produce(buffer, count, [source](unsigned char* out, size_t n) {
            for (size_t i = 0; i < n; i += sizeof(uint64_t)) {
                uint64_t value = source();
                memcpy(out + i, &value, klib::min(sizeof(value), n - i));
            }
        });
    }
};

template <typename T>
ErrorOr<klib::OwnPtr<File>> open_as(void*, uint32_t)
{
    auto file = TRY(klib::try_make<T>());
    return klib::OwnPtr<File>(std::move(file));
}

} // namespace

void set_random_source(uint64_t (*source)()) { __atomic_store_n(&g_random_source, source, __ATOMIC_RELEASE); }

ErrorOr<void> register_standard_devices()
{
    TRY(register_device("null", 0666, open_as<NullFile>));
    TRY(register_device("zero", 0666, open_as<ZeroFile>));
    TRY(register_device("random", 0666, open_as<RandomFile>));
    TRY(register_device("urandom", 0666, open_as<RandomFile>));
    return {};
}

} // namespace vfs::devfs
