#pragma once
// How this back end enters its kernel, for back/common/register_basic.h:
// the register convention of kernel ABIs 1 and 2.
#include "back/common/register_trap.h"
