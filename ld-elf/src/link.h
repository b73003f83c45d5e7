// Symbol resolution, relocation, initialization and finalization.
#pragma once
#include "object.h"
#include "system.h"

namespace ldelf {

// The objects a dlopen'ed RTLD_LOCAL group sees besides the global ones.
struct Scope {
    Object** objects;
    size_t count;
};

struct Definition {
    Object* object;
    const elf::Symbol* symbol;
};

// Finds `name` for `requester`: in the global objects (load order), then
// in `local`. Definitions in objects of the requester's program ABI (or
// of none) win over those of other ABIs, so an ABI 1 library binds to the
// ABI 1 libc even in an ABI 3 program. `skip` is left out (COPY).
bool lookup(const HashedName& name, const Object& requester, const Scope* local, const Object* skip, Definition& out);
// The address a definition stands for (TLS: this thread's copy).
uint64_t address_of(const Definition&);

bool relocate(Object&, const Scope* local, Message& error);
// Runs DT_INIT and DT_INIT_ARRAY of `object`'s dependencies, then its own.
void initialize(Object& object);
// Runs the finalizers of `object` (DT_FINI_ARRAY backwards, then DT_FINI).
void finalize(Object& object);

// The closure of `root` over DT_NEEDED, breadth first, root included.
Scope closure_of(Object& root);

// What initializers get, as in System V: (argc, argv, envp).
extern int g_argc;
extern char** g_argv;
extern char** g_envp;

} // namespace ldelf
