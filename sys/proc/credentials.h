#pragma once
// A process's ids are the file system's notion of who is asking.
#include "vfs/credentials.h"

namespace proc {

using Credentials = vfs::Credentials;

} // namespace proc
