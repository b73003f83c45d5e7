#pragma once

namespace kernel {

// Starts the programs named by the init= option, one after another, and
// reports how each ended. In test mode the machine then shuts down.
void start_init_sequence();

} // namespace kernel
