#include "kernel/init_sequence.h"

#include "exec/exec.h"
#include "exec/layer_cache.h"
#include "mm/kernel_heap.h"
#include "mm/physical_memory.h"
#include "kernel/log.h"
#include "kernel/main.h"
#include "kernel/options.h"
#include "kernel/panic.h"
#include "kernel/shutdown.h"
#include "module/loader.h"
#include "proc/process.h"
#include "proc/scheduler.h"

namespace kernel {

namespace {
constexpr size_t kMaxWords = 32;

struct Entry {
    bool expect_refusal { false };
    klib::StringView path;
    klib::StringView arguments[kMaxWords];
    size_t argument_count { 0 };
    klib::StringView environment[kMaxWords];
    size_t environment_count { 0 };
};

Entry parse_entry(klib::StringView text)
{
    Entry entry;
    if (!text.is_empty() && text[0] == '!') {
        entry.expect_refusal = true;
        text = text.substring(1);
    }
    size_t start = 0;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '+')
            continue;
        klib::StringView word = text.substring(start, i - start);
        start = i + 1;
        if (word.is_empty())
            continue;
        if (entry.path.is_empty() && word.find('=')) {
            if (entry.environment_count < kMaxWords)
                entry.environment[entry.environment_count++] = word;
        } else if (entry.argument_count < kMaxWords) {
            if (entry.path.is_empty())
                entry.path = word;
            entry.arguments[entry.argument_count++] = word;
        }
    }
    return entry;
}

// Runs one program to its end. Returns whether it behaved as expected.
bool run(const Entry& entry)
{
    auto spawned = exec::spawn({
        entry.path,
        klib::Span<const klib::StringView>(entry.arguments, entry.argument_count),
        klib::Span<const klib::StringView>(entry.environment, entry.environment_count),
    });
    if (spawned.is_error()) {
        if (entry.expect_refusal) {
            klog::print("PASS init.refused:{} ({})\n", entry.path, spawned.error());
            return true;
        }
        klog::print("FAIL init.run:{}: exec failed: {}\n", entry.path, spawned.error());
        return false;
    }
    klib::RefPtr<proc::Process> process = spawned.release_value();
    klog::info("init: started {} as pid {}", entry.path, process->pid());
    sched::make_runnable(*process->main_thread());
    process->wait_for_exit();
    int status = process->wait_status();
    if (status & 0x7f)
        klog::info("init: {} (pid {}) was killed by signal {}", entry.path, process->pid(), status & 0x7f);
    else
        klog::info("init: {} (pid {}) exited with status {}", entry.path, process->pid(), (status >> 8) & 0xff);
    if (entry.expect_refusal) {
        klog::print("FAIL init.refused:{}: it ran\n", entry.path);
        return false;
    }
    if (status != 0) {
        klog::print("FAIL init.run:{}: wait status {:#x}\n", entry.path, status);
        return false;
    }
    klog::print("PASS init.run:{}\n", entry.path);
    return true;
}

// Free pages with the heap trimmed, and what installed banos modules hold:
// a module a program installs stays for the boot, so its image and the
// heap pages that grew while it was installed are not the programs'.
struct MemoryMark {
    size_t free_pages;
    size_t module_count;
    size_t module_pages;
    size_t heap_pages;
};

MemoryMark settled_memory()
{
    mm::kernel_heap().trim();
    auto heap = mm::kernel_heap().stats();
    return { mm::physical_memory_stats().free_frames, module::installed_count(), module::installed_pages(),
             heap.slab_pages + heap.large_pages };
}

void init_thread(void*)
{
    exec::preload_layers();
    klib::StringView list = options().init;
    bool all_passed = true;
    MemoryMark before = settled_memory();
    size_t free_before = before.free_pages;
    klog::info("init: {} free pages before the programs", free_before);
    size_t start = 0;
    for (size_t i = 0; i <= list.size(); ++i) {
        if (i < list.size() && list[i] != ',')
            continue;
        if (i > start)
            all_passed = run(parse_entry(list.substring(start, i - start))) && all_passed;
        start = i + 1;
    }
    MemoryMark after = settled_memory();
    size_t free_after = after.free_pages;
    klog::info("init: {} free pages after the programs", free_after);
    if (after.module_count != before.module_count) {
        size_t kept = (after.module_pages - before.module_pages)
            + (after.heap_pages > before.heap_pages ? after.heap_pages - before.heap_pages : 0);
        klog::info("init: {} modules installed meanwhile keep {} pages", after.module_count - before.module_count, kept);
        free_after += kept;
    }
    if (options().test_mode) {
        // Everything the programs had must be back.
        if (free_after == free_before) {
            klog::print("PASS init.memory_returned\n");
        } else {
            klog::print("FAIL init.memory_returned: {} free pages after, {} before\n", free_after, free_before);
            all_passed = false;
        }
        shutdown(all_passed && selftests_passed() ? ExitStatus::Success : ExitStatus::Failure);
    }
    klog::info("init: every program has ended");
}
} // namespace

void start_init_sequence()
{
    auto thread = proc::Thread::create_kernel("init", init_thread, nullptr);
    if (thread.is_error())
        panic("init: cannot create the init thread: {}", thread.error());
    sched::make_runnable(*thread.release_value().leak());
}

} // namespace kernel
