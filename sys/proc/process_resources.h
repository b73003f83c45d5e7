#pragma once

namespace proc {

class Process;

// What a process holds besides memory (open files, working directory):
// released when it terminates, before it becomes a zombie.
void release_resources(Process&);
// exec: descriptors marked close-on-exec go.
void close_on_exec(Process&);

} // namespace proc
