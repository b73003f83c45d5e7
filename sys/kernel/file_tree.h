#pragma once

namespace kernel {

// The file tree at boot: a tmpfs root filled from the boot archive, /dev
// (with the console), /proc and /tmp.
void build_file_tree();

} // namespace kernel
