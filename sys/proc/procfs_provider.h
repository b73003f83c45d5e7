#pragma once

namespace proc {

// Makes /proc describe the process table (and memory and uptime).
void install_procfs_provider();

} // namespace proc
