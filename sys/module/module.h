#pragma once
// An installed banos module: its record, its memory and its place among the
// others (the modules it required and the ones that use it).
#include <stdint.h>

#include "abi-versions/modules/driver.h"
#include "lib/format.h"
#include "lib/string_view.h"
#include "lib/vector.h"
#include "mm/module_memory.h"

namespace module {

class Module {
public:
    Module(const banos_driver_record& record, mm::ModuleMemory memory) : record_(record), memory_(std::move(memory)) {}

    klib::StringView name() const { return klib::StringView(record_.name); }
    klib::StringView version() const { return klib::StringView(record_.version); }
    klib::StringView license() const { return klib::StringView(record_.license); }
    uint64_t base() const { return memory_.base(); }
    uint64_t size() const { return memory_.size(); }
    mm::ModuleMemory& memory() { return memory_; }

    struct ExportEntry {
        klib::StringView name; // in the module's memory
        uint64_t address;
    };
    klib::Vector<ExportEntry>& exports() { return exports_; }
    klib::Vector<Module*>& requirements() { return requirements_; }
    klib::Vector<Module*>& users() { return users_; }

    // /proc/modules: name, version, size, exports, users.
    void describe(klib::FormatSink&);

private:
    banos_driver_record record_;
    mm::ModuleMemory memory_;
    klib::Vector<ExportEntry> exports_;
    klib::Vector<Module*> requirements_;
    klib::Vector<Module*> users_;
};

} // namespace module
