// Reading the colon-separated databases /etc/passwd and /etc/group: one
// entry a line, fields split in place.
#pragma once

#include <stdio.h>

#include "../internal/visibility.h"

namespace banos::libc::database {

// Splits `line` (its newline removed) at the first `count` - 1 colons into
// `fields`; false when it has fewer fields.
bool split(char* line, char** fields, int count) LIBC_HIDDEN;
// A decimal id; false when the text is not one.
bool parse_id(const char* text, unsigned& id) LIBC_HIDDEN;

} // namespace banos::libc::database
