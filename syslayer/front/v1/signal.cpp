// Program ABI 1: signals. The layer keeps the return path to itself: the
// program gives handler, flags and mask; the back end adds its restorer.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

using layer::finish;
namespace backend = layer::backend;

extern "C" int32_t layer_kill(int32_t pid, int32_t signal) { return static_cast<int32_t>(finish(backend::kill(pid, signal))); }

extern "C" int32_t layer_sigaction(int32_t signal, const banos_v1_sigaction* action, banos_v1_sigaction* old)
{
    layer::SignalAction neutral, previous;
    if (action)
        neutral = { action->handler, action->flags, action->mask };
    layer::Status status = backend::sigaction(signal, action ? &neutral : nullptr, old ? &previous : nullptr);
    if (!status.failed() && old)
        *old = { previous.handler, previous.flags, previous.mask };
    return static_cast<int32_t>(finish(status));
}

extern "C" int32_t layer_sigprocmask(int32_t how, const uint64_t* set, uint64_t* old)
{
    return static_cast<int32_t>(finish(backend::sigprocmask(how, set, old)));
}

extern "C" int32_t layer_sigsuspend(const uint64_t* mask)
{
    if (!mask)
        return static_cast<int32_t>(finish(layer::Status::fail(layer::Error::Fault)));
    return static_cast<int32_t>(finish(backend::sigsuspend(*mask)));
}

// pause() is sigsuspend() with the mask the process already has.
extern "C" int32_t layer_pause()
{
    uint64_t current = 0;
    layer::Status status = backend::sigprocmask(0, nullptr, &current);
    if (status.failed())
        return static_cast<int32_t>(finish(status));
    return static_cast<int32_t>(finish(backend::sigsuspend(current)));
}
