#include "proc/process_resources.h"

#include "proc/process.h"

namespace proc {

void release_resources(Process& process)
{
    ProcessFiles& files = process.files();
    if (files.descriptors)
        files.descriptors->close_all();
    files.cwd = nullptr;
    files.root = nullptr;
}

void close_on_exec(Process& process)
{
    if (process.files().descriptors)
        process.files().descriptors->close_marked_on_exec();
}

} // namespace proc
