#include "ipc/pipe.h"

#include "kernel/log.h"
#include "lib/math.h"
#include "proc/io_events.h"
#include "proc/process.h"
#include "proc/signals.h"
#include "proc/wait_queue.h"
#include "vfs/file.h"
#include "vfs/io_buffer.h"

namespace ipc {

namespace {

class Pipe : public klib::RefCounted<Pipe> {
public:
    size_t used() const { return used_; }
    size_t room() const { return kPipeCapacity - used_; }

    // Moves up to `count` bytes out into `buffer` at `offset`.
    klib::ErrorOr<size_t> take(vfs::IoBuffer& buffer, size_t offset, size_t count)
    {
        size_t done = 0;
        while (done < count && used_) {
            size_t chunk = klib::min(klib::min(count - done, used_), kPipeCapacity - head_);
            auto copied = buffer.write_to(offset + done, klib::ReadonlyBytes(data_ + head_, chunk));
            if (copied.is_error())
                return vfs::partial_result(done, copied.error());
            head_ = (head_ + chunk) % kPipeCapacity;
            used_ -= chunk;
            done += chunk;
        }
        return done;
    }

    // Moves up to `count` bytes in from `buffer` at `offset`.
    klib::ErrorOr<size_t> put(vfs::IoBuffer& buffer, size_t offset, size_t count)
    {
        size_t done = 0;
        while (done < count && room()) {
            size_t tail = (head_ + used_) % kPipeCapacity;
            size_t chunk = klib::min(klib::min(count - done, room()), kPipeCapacity - tail);
            auto copied = buffer.read_from(offset + done, klib::Bytes(data_ + tail, chunk));
            if (copied.is_error())
                return vfs::partial_result(done, copied.error());
            used_ += chunk;
            done += chunk;
        }
        return done;
    }

    PipeState state() const { return { used_, readers, writers }; }

    // Data came in or a writer left: readers look again, and so does poll.
    void wake_readers()
    {
        readable.wake_all();
        proc::announce_io_event();
    }
    // Room was made or a reader left.
    void wake_writers()
    {
        writable.wake_all();
        proc::announce_io_event();
    }

    int readers { 0 };
    int writers { 0 };
    proc::WaitQueue readable; // readers wait here for data (or the last writer)
    proc::WaitQueue writable; // writers wait here for room (or the last reader)

private:
    unsigned char data_[kPipeCapacity];
    size_t head_ { 0 };
    size_t used_ { 0 };
};

class PipeEnd final : public vfs::File {
public:
    PipeEnd(klib::RefPtr<Pipe> pipe, bool writer) : pipe_(static_cast<klib::RefPtr<Pipe>&&>(pipe)), writer_(writer)
    {
        if (writer_)
            ++pipe_->writers;
        else
            ++pipe_->readers;
    }

    // The last close of this end.
    ~PipeEnd() override
    {
        if (writer_) {
            --pipe_->writers;
            pipe_->wake_readers();
        } else {
            --pipe_->readers;
            pipe_->wake_writers();
        }
    }

    klib::ErrorOr<size_t> read(vfs::FileDescription& description, uint64_t, vfs::IoBuffer& buffer, size_t count) override
    {
        if (writer_)
            return klib::ErrorCode::BadDescriptor;
        if (count == 0)
            return size_t(0);
        Pipe& pipe = *pipe_;
        if (!pipe.used() && pipe.writers && description.is_nonblocking())
            return klib::ErrorCode::TryAgain;
        TRY(pipe.readable.wait_interruptible([&] { return pipe.used() || !pipe.writers; }));
        size_t done = TRY(pipe.take(buffer, 0, count));
        pipe.wake_writers();
        return done;
    }

    klib::ErrorOr<size_t> write(vfs::FileDescription& description, uint64_t, vfs::IoBuffer& buffer, size_t count) override
    {
        if (!writer_)
            return klib::ErrorCode::BadDescriptor;
        Pipe& pipe = *pipe_;
        size_t done = 0;
        while (done < count) {
            if (!pipe.readers) {
                proc::send_signal(*proc::current_process(), proc::kSigpipe);
                return vfs::partial_result(done, klib::ErrorCode::BrokenPipe);
            }
            // Small writes go in whole or wait; large ones may be split.
            size_t wanted = count - done <= kAtomicWrite ? count - done : 1;
            if (pipe.room() < wanted) {
                if (description.is_nonblocking())
                    return vfs::partial_result(done, klib::ErrorCode::TryAgain);
                auto waited = pipe.writable.wait_interruptible([&] { return pipe.room() >= wanted || !pipe.readers; });
                if (waited.is_error())
                    return vfs::partial_result(done, waited.error());
                continue;
            }
            auto moved = pipe.put(buffer, done, count - done);
            if (moved.is_error())
                return vfs::partial_result(done, moved.error());
            done += moved.value();
            pipe.wake_readers();
        }
        return done;
    }

    vfs::PollEvents poll_events(const vfs::FileDescription&) const override
    {
        return writer_ ? write_end_events(pipe_->state()) : read_end_events(pipe_->state());
    }

    klib::ErrorOr<vfs::Metadata> stat() const override
    {
        vfs::Metadata metadata;
        metadata.mode = BANOS_S_IFIFO | 0600;
        metadata.nlink = 1;
        metadata.size = static_cast<int64_t>(pipe_->used());
        return metadata;
    }

private:
    klib::RefPtr<Pipe> pipe_;
    bool writer_;
};

} // namespace

klib::ErrorOr<PipeEnds> create_pipe(uint32_t flags)
{
    auto pipe = TRY(klib::try_make_ref<Pipe>());
    klib::OwnPtr<vfs::File> reader = TRY(klib::try_make<PipeEnd>(pipe, false));
    klib::OwnPtr<vfs::File> writer = TRY(klib::try_make<PipeEnd>(pipe, true));
    uint32_t status = flags & BANOS_O_NONBLOCK;
    PipeEnds ends;
    ends.read = TRY(vfs::FileDescription::create({}, static_cast<klib::OwnPtr<vfs::File>&&>(reader), BANOS_O_RDONLY | status));
    ends.write
        = TRY(vfs::FileDescription::create({}, static_cast<klib::OwnPtr<vfs::File>&&>(writer), BANOS_O_WRONLY | status));
    return ends;
}

} // namespace ipc
